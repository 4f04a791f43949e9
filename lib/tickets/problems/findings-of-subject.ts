import "server-only";
import { sqlOf, type TSqlClient } from "@/lib/alerting/engine/sql";
import type { TSeverityLevel } from "@/lib/domain/severity";
import { AppError } from "@/lib/server/errors";
import type { TTicketSubject } from "../schemas";

// The findings a ticket is about, owned by the team (findings.owner_team_id): another team's
// findings never join its ticket. A check's or a CVE's findings count while open (whatever their
// triage: snoozed or resolved findings are still affected); findings chosen one by one are taken
// as chosen, and must all be the team's.

export type TProblemFinding = {
  id: string;
  status: "open" | "fixed" | "removed";
  severity: TSeverityLevel;
  category: string;
  source: string;
  check_id: string;
  title: string;
  description: string;
  remediation: string;
  vulnerability_id: string;
  /** Package names of a CVE finding (evidence.packages[].name). */
  packages: string[];
  cluster_id: string;
  cluster_slug: string;
  cluster_name: string;
  namespace: string;
  kind: string;
  name: string;
  container: string;
};

const COLUMNS = `f.id, f.status::text AS status, f.severity::text AS severity, f.category, f.source, f.check_id, f.title,
       f.description, f.remediation, f.vulnerability_id,
       coalesce((SELECT array_agg(DISTINCT p->>'name') FROM jsonb_array_elements(
                   CASE WHEN jsonb_typeof(f.evidence->'packages') = 'array' THEN f.evidence->'packages' ELSE '[]' END) p
                  WHERE coalesce(p->>'name', '') <> ''), '{}') AS packages,
       f.cluster_id, c.slug AS cluster_slug, c.name AS cluster_name, f.namespace, f.kind, f.name, f.container`;
const ORDER = `ORDER BY f.severity, c.slug, f.namespace, f.kind, f.name, f.container, f.id`;

const NOT_THE_TEAMS = "Some of these findings were not found in this team.";

export async function findingsOfSubject(
  client: TSqlClient,
  orgId: string,
  teamId: string,
  subject: TTicketSubject,
): Promise<TProblemFinding[]> {
  const sql = sqlOf(client);
  const from = `FROM findings f JOIN clusters c ON c.id = f.cluster_id WHERE f.org_id = $1::uuid AND f.owner_team_id = $2::uuid`;
  if (subject.kind === "check") {
    const { rows } = await sql.query<TProblemFinding>(
      `SELECT ${COLUMNS} ${from} AND f.source = $3 AND f.check_id = $4 AND ($5::uuid IS NULL OR f.cluster_id = $5::uuid)
          AND f.status = 'open' ${ORDER}`,
      [orgId, teamId, subject.source, subject.checkId, subject.clusterId ?? null],
    );
    return rows;
  }
  if (subject.kind === "cve") {
    const { rows } = await sql.query<TProblemFinding>(
      `SELECT ${COLUMNS} ${from} AND f.vulnerability_id = $3 AND f.status = 'open' ${ORDER}`,
      [orgId, teamId, subject.vulnerabilityId],
    );
    return rows;
  }
  const ids = [...new Set(subject.findingIds)];
  const { rows } = await sql.query<TProblemFinding>(`SELECT ${COLUMNS} ${from} AND f.id = ANY($3::uuid[]) ${ORDER}`, [
    orgId,
    teamId,
    ids,
  ]);
  if (rows.length !== ids.length) throw new AppError("not_found", NOT_THE_TEAMS);
  return rows;
}

/** The findings a ticket covers (what its body lists when the outbox creates it later). */
export async function findingsOfTicket(
  client: TSqlClient,
  orgId: string,
  ticketId: string,
): Promise<TProblemFinding[]> {
  const { rows } = await sqlOf(client).query<TProblemFinding>(
    `SELECT ${COLUMNS} FROM ticket_findings tf JOIN findings f ON f.id = tf.finding_id JOIN clusters c ON c.id = f.cluster_id
      WHERE tf.org_id = $1::uuid AND tf.ticket_id = $2::uuid ${ORDER}`,
    [orgId, ticketId],
  );
  return rows;
}
