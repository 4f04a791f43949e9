import "server-only";
import { pool } from "@/lib/server/db";
import { scopeCondition, type TFindingScope } from "@/lib/auth/visibility-scope";

// Findings and their tickets, as the ticket page and the CVE page read them (the CSV export
// takes ticket keys from the chips: lib/tickets/queries.ts).

export type TTicketFinding = {
  id: string;
  title: string;
  severity: string;
  state: string;
  cluster: string;
  namespace: string;
  kind: string;
  name: string;
};

/**
 * The first findings a ticket covers that the caller may see, worst and open first: the ticket
 * page lists them with links (the ticket's counts say how many there are in all).
 */
export async function findingsOfTicket(scope: TFindingScope, ticketId: string, limit = 50): Promise<TTicketFinding[]> {
  const params: unknown[] = [];
  const where = scopeCondition(scope, "f", params);
  params.push(ticketId, limit);
  const { rows } = await pool.query<TTicketFinding>(
    `SELECT f.id, f.title, f.severity, f.state, c.slug AS cluster, f.namespace, f.kind, f.name
       FROM ticket_findings tf
       JOIN findings f ON f.id = tf.finding_id AND f.org_id = tf.org_id
       JOIN clusters c ON c.id = f.cluster_id
      WHERE ${where} AND tf.ticket_id = $${params.length - 1}::uuid
      ORDER BY (f.state = 'open') DESC, f.score DESC, f.id
      LIMIT $${params.length}`,
    params,
  );
  return rows;
}

/** The teams with current findings of a CVE that the caller sees: the CVE page offers one ticket per team. */
export async function teamsWithVulnerability(
  scope: TFindingScope,
  vulnerabilityId: string,
): Promise<{ id: string; slug: string; name: string; findings: number }[]> {
  const params: unknown[] = [];
  const where = scopeCondition(scope, "f", params);
  params.push(vulnerabilityId);
  const { rows } = await pool.query<{ id: string; slug: string; name: string; findings: number }>(
    `SELECT t.id, t.slug, t.name, count(*)::int AS findings
       FROM findings f
       JOIN teams t ON t.id = f.owner_team_id
      WHERE ${where} AND f.vulnerability_id = $${params.length} AND f.state IN ('open', 'snoozed', 'resolved')
      GROUP BY t.id, t.slug, t.name
      ORDER BY t.name, t.id`,
    params,
  );
  return rows;
}
