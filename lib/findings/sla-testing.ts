import { randomBytes } from "node:crypto";
import { pool } from "@/lib/server/db";
import type { TRuleMarks } from "@/lib/automation/marks";

// Findings with an SLA clock, tags and rule marks as the automation engine leaves them, written
// straight to the table: tests of the findings views do not wait for the engine to run.

export type TSlaFindingInput = {
  orgId: string;
  clusterId: string;
  title?: string;
  severity?: "critical" | "high" | "medium" | "low" | "none";
  teamId?: string | null;
  /** Days before now the SLA clock started (the finding opened or came back). */
  startedDaysAgo?: number;
  /** Days a snooze already paused the clock. */
  pausedDays?: number;
  /** A rule's own due days. */
  slaDays?: number | null;
  status?: "open" | "fixed" | "removed";
  resolution?: "will_not_fix" | "working_as_intended" | null;
  tags?: string[];
  ruleMarks?: TRuleMarks | null;
  reportedSeverity?: string | null;
};

const SCORES = { critical: 0.95, high: 0.75, medium: 0.5, low: 0.2, none: 0 } as const;

/** Inserts one finding and returns its id. */
export async function insertSlaFinding(input: TSlaFindingInput): Promise<string> {
  const severity = input.severity ?? "critical";
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO findings (org_id, cluster_id, fingerprint, source, check_id, category, severity, score, title,
                           namespace, kind, name, owner_team_id, status, resolution, tags, rule_marks,
                           reported_severity, sla_started_at, sla_paused, sla_days, first_seen_at)
     VALUES ($1, $2, $3, 'polaris', 'runAsRootAllowed', 'security', $4, $5, $6, 'shop', 'Deployment', $7, $8,
             $9, $10, $11, $12, $13, now() - make_interval(days => $14), make_interval(days => $15), $16,
             now() - make_interval(days => $14))
     RETURNING id`,
    [
      input.orgId,
      input.clusterId,
      randomBytes(32).toString("hex"),
      severity,
      SCORES[severity],
      input.title ?? `Finding ${randomBytes(3).toString("hex")}`,
      `web-${randomBytes(3).toString("hex")}`,
      input.teamId ?? null,
      input.status ?? "open",
      input.resolution ?? null,
      input.tags ?? [],
      input.ruleMarks ? JSON.stringify(input.ruleMarks) : null,
      input.reportedSeverity ?? null,
      input.startedDaysAgo ?? 0,
      input.pausedDays ?? 0,
      input.slaDays ?? null,
    ],
  );
  return rows[0].id;
}

/** An automation rule row (org rule unless a team is given), for marks and events to name. */
export async function insertRule(
  orgId: string,
  name: string,
  options: { teamId?: string | null; actions?: Record<string, unknown> } = {},
): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO automation_rules (org_id, team_id, position, name, actions)
     VALUES ($1, $2, coalesce((SELECT max(position) + 1 FROM automation_rules WHERE org_id = $1), 0), $3, $4)
     RETURNING id`,
    [orgId, options.teamId ?? null, name, JSON.stringify(options.actions ?? { addTags: ["tagged"] })],
  );
  return rows[0].id;
}
