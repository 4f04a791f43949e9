import "server-only";
import { z } from "zod";
import { polarisDocsUrl } from "@/lib/ingest/parsers/polaris-checks";
import { pool } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { rulesIn, type TRuleMarks } from "@/lib/automation/marks";
import { overdueSql, slaDueJoin } from "@/lib/sla/due-sql";
import { rulesOfFinding, type TFindingRules } from "./finding-rules";
import type { TFindingBasics, TRawFindingBasics } from "./queries";
import { scopeCondition, type TFindingScope } from "@/lib/auth/visibility-scope";

export type TFindingEvent = {
  id: string;
  kind: string;
  createdAt: Date;
  actor: { id: string; name: string } | null;
  /** Set when a report caused it (lifecycle events). */
  reportId: string | null;
  data: Record<string, unknown>;
  /** For a rule's event: the rule still exists, and its team's slug for a team rule (its link). */
  ruleTarget: { teamSlug: string | null } | null;
};

export type TFindingDetail = TFindingBasics & {
  description: string;
  remediation: string;
  /** Where to read more: upstream check documentation, advisory links. */
  references: string[];
  status: string;
  resolution: string | null;
  resolutionReason: string | null;
  resolvedAt: Date | null;
  resolvedBy: { id: string; name: string } | null;
  snoozedUntil: Date | null;
  assignee: { id: string; name: string; email: string } | null;
  cluster: { id: string; slug: string; name: string; kubernetesVersion: string | null };
  labels: Record<string, string>;
  team: { id: string; slug: string; name: string } | null;
  image: { id: string; name: string; digest: string } | null;
  vulnerabilityId: string;
  evidence: Record<string, unknown>;
  firstSeenAt: Date;
  lastSeenAt: Date;
  fixedAt: Date | null;
  reopenedCount: number;
  /** The tool's own severity while a rule has changed `severity`. */
  reportedSeverity: string | null;
  tags: string[];
  /** When a rule's resolution lifts by itself. */
  resolutionExpiresAt: Date | null;
  /** Its SLA due date and days (null: no SLA applies), and whether it is past due and needs work. */
  due: Date | null;
  dueDays: number | null;
  overdue: boolean;
  /** The rules whose changes it carries now (ids), and those rules named, per field and tag. */
  changedByRules: string[];
  rules: TFindingRules;
  /** For image findings: the workloads of the cluster running the image. */
  workloads: { namespace: string; kind: string; name: string; container: string; team: string | null }[];
  events: TFindingEvent[];
};

const EVENT_LIMIT = 200;
const WORKLOAD_LIMIT = 100;

/** The object a finding is on, as the queries that join its cluster read it. */
export type TRawFindingObject = {
  cluster_id: string;
  cluster_slug: string;
  cluster_name: string;
  kubernetes_version: string | null;
  namespace: string;
  kind: string;
  name: string;
  container: string;
};

type TRaw = TRawFindingBasics &
  TRawFindingObject & {
    description: string;
    remediation: string;
    status: string;
    resolution: string | null;
    resolution_reason: string | null;
    resolved_at: Date | null;
    resolved_by_id: string | null;
    resolved_by_name: string | null;
    snoozed_until: Date | null;
    assignee_id: string | null;
    assignee_name: string | null;
    assignee_email: string | null;
    labels: Record<string, string> | null;
    team_id: string | null;
    team_slug: string | null;
    team_name: string | null;
    image_id: string | null;
    image_name: string | null;
    image_digest: string | null;
    vulnerability_id: string;
    vuln_description: string | null;
    vuln_references: string[] | null;
    evidence: Record<string, unknown>;
    first_seen_at: Date;
    last_seen_at: Date;
    fixed_at: Date | null;
    reopened_count: number;
    reported_severity: string | null;
    tags: string[];
    resolution_expires_at: Date | null;
    rule_marks: TRuleMarks | null;
    due_at: Date | null;
    due_days: number | null;
    overdue: boolean;
  };

/**
 * One finding with everything its page shows. A finding outside the caller's scope (another
 * org's, another team's, or no such id) is a 404: its existence is not revealed.
 */
export async function getFinding(scope: TFindingScope, id: string): Promise<TFindingDetail> {
  if (!z.uuid().safeParse(id).success) throw new AppError("not_found", "Finding not found.");
  const params: unknown[] = [id];
  const { rows } = await pool.query<TRaw>(
    `SELECT f.id, f.title, f.description, f.remediation, f.severity, f.score, f.category, f.source, f.check_id,
            f.state, f.status, f.resolution, f.resolution_reason, f.resolved_at, f.resolved_by_id,
            rb.name AS resolved_by_name, f.snoozed_until, f.assignee_id, a.name AS assignee_name,
            a.email AS assignee_email, c.id AS cluster_id, c.slug AS cluster_slug, c.name AS cluster_name,
            c.kubernetes_version, f.namespace, f.kind, f.name, f.container, r.labels,
            t.id AS team_id, t.slug AS team_slug, t.name AS team_name,
            i.id AS image_id, i.name AS image_name, i.digest AS image_digest, f.vulnerability_id,
            v.description AS vuln_description, v."references" AS vuln_references,
            f.evidence, f.first_seen_at, f.last_seen_at, f.fixed_at, f.reopened_count,
            f.reported_severity, f.tags, f.resolution_expires_at, f.rule_marks,
            sla.due_at, sla.due_days, coalesce(${overdueSql("f", "sla")}, false) AS overdue
       FROM findings f
       JOIN clusters c ON c.id = f.cluster_id
       LEFT JOIN teams t ON t.id = f.owner_team_id
       LEFT JOIN users a ON a.id = f.assignee_id
       LEFT JOIN users rb ON rb.id = f.resolved_by_id
       LEFT JOIN resources r ON r.id = f.resource_id
       LEFT JOIN images i ON i.id = f.image_id
       LEFT JOIN vulnerabilities v ON v.org_id = f.org_id AND v.vuln_id = f.vulnerability_id AND f.vulnerability_id <> ''
       ${slaDueJoin("f", "sla")}
      WHERE f.id = $1 AND ${scopeCondition(scope, "f", params)}`,
    params,
  );
  const f = rows[0];
  if (!f) throw new AppError("not_found", "Finding not found.");

  const [events, workloads, rules] = await Promise.all([
    pool.query<{
      id: string;
      kind: string;
      created_at: Date;
      actor_id: string | null;
      actor_name: string | null;
      report_id: string | null;
      data: Record<string, unknown>;
      rule_found: boolean;
      rule_team_slug: string | null;
    }>(
      // A rule's event names the rule in its data; the rule's row (if it still exists) gives the
      // link, under its team for a team rule.
      `SELECT e.id, e.kind, e.created_at, e.actor_id, u.name AS actor_name, e.report_id, e.data,
              ar.id IS NOT NULL AS rule_found, rt.slug AS rule_team_slug
         FROM finding_events e LEFT JOIN users u ON u.id = e.actor_id
         LEFT JOIN automation_rules ar ON ar.org_id = e.org_id
               AND ar.id = CASE WHEN e.data->'rule'->>'id' ~* '^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$'
                                THEN (e.data->'rule'->>'id')::uuid END
         LEFT JOIN teams rt ON rt.id = ar.team_id
        WHERE e.finding_id = $1
        ORDER BY e.created_at DESC, e.id DESC
        LIMIT ${EVENT_LIMIT}`,
      [f.id],
    ),
    f.image_id
      ? pool.query<{ namespace: string; kind: string; name: string; container: string; team: string | null }>(
          `SELECT r.namespace, r.kind, r.name, iw.container, t.name AS team
             FROM image_workloads iw
             JOIN resources r ON r.id = iw.resource_id
             LEFT JOIN teams t ON t.id = r.owner_team_id
            WHERE iw.cluster_id = $1 AND iw.image_id = $2
            ORDER BY r.namespace, r.name, iw.container
            LIMIT ${WORKLOAD_LIMIT}`,
          [f.cluster_id, f.image_id],
        )
      : Promise.resolve({ rows: [] }),
    rulesOfFinding(scope.orgId, f.rule_marks),
  ]);

  const docs =
    f.source === "polaris" && (f.category === "security" || f.category === "efficiency" || f.category === "reliability")
      ? polarisDocsUrl(f.category)
      : null;
  // Polaris findings carry their check's documentation link in the stored description (and, for
  // checks we have no fix text for, in the remediation): the page shows it once, under "Check
  // documentation", unless the fix text already links it.
  const description = withoutDocsParagraph(f.description || f.vuln_description || "", docs);
  const references = docs
    ? f.remediation.includes(docs)
      ? []
      : [docs]
    : (f.vuln_references ?? []).filter((ref) => /^https?:\/\//.test(ref));

  return {
    id: f.id,
    title: f.title,
    // Vulnerability findings keep their advisory text once per CVE in the org's catalog.
    description,
    remediation: f.remediation,
    references,
    severity: f.severity,
    score: f.score,
    category: f.category,
    source: f.source,
    checkId: f.check_id,
    state: f.state,
    status: f.status,
    resolution: f.resolution,
    resolutionReason: f.resolution_reason,
    resolvedAt: f.resolved_at,
    resolvedBy: f.resolved_by_id ? { id: f.resolved_by_id, name: f.resolved_by_name ?? "" } : null,
    snoozedUntil: f.snoozed_until,
    assignee: f.assignee_id ? { id: f.assignee_id, name: f.assignee_name ?? "", email: f.assignee_email ?? "" } : null,
    cluster: { id: f.cluster_id, slug: f.cluster_slug, name: f.cluster_name, kubernetesVersion: f.kubernetes_version },
    namespace: f.namespace,
    kind: f.kind,
    name: f.name,
    container: f.container,
    labels: f.labels ?? {},
    team: f.team_id ? { id: f.team_id, slug: f.team_slug ?? "", name: f.team_name ?? "" } : null,
    image: f.image_id ? { id: f.image_id, name: f.image_name ?? "", digest: f.image_digest ?? "" } : null,
    vulnerabilityId: f.vulnerability_id,
    evidence: f.evidence,
    firstSeenAt: f.first_seen_at,
    lastSeenAt: f.last_seen_at,
    fixedAt: f.fixed_at,
    reopenedCount: f.reopened_count,
    reportedSeverity: f.reported_severity,
    tags: f.tags,
    resolutionExpiresAt: f.resolution_expires_at,
    due: f.due_at,
    dueDays: f.due_days,
    overdue: f.overdue,
    changedByRules: rulesIn(f.rule_marks),
    rules,
    workloads: workloads.rows,
    events: events.rows.map((e) => ({
      id: e.id,
      kind: e.kind,
      createdAt: e.created_at,
      actor: e.actor_id ? { id: e.actor_id, name: e.actor_name ?? "" } : null,
      reportId: e.report_id,
      data: e.data,
      ruleTarget: e.rule_found ? { teamSlug: e.rule_team_slug } : null,
    })),
  };
}

/** The description without its "Polaris documentation: <url>" paragraph (the page links it). */
function withoutDocsParagraph(description: string, docs: string | null): string {
  if (!docs) return description;
  return description
    .split("\n\n")
    .filter((p) => p.trim() !== `Polaris documentation: ${docs}`)
    .join("\n\n");
}
