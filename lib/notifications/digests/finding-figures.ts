import "server-only";
import { param } from "@/lib/server/sql";
import type { TDigestSql, TFigureScope } from "./figure-scope";
import { figureRows, groupingSets, teamCondition } from "./figure-scope";

// The findings figures of every audience of an org: one statement per figure, grouped by owning
// team (and, when the org's digest is due, over the whole org too), never a statement per team.

export type TFlowRow = {
  team_id: string | null;
  severity: string;
  new: number;
  previous_new: number;
  fixed: number;
  previous_fixed: number;
  /** Into the open state minus out of it, this period (open at its start = open now − inflow). */
  inflow: number;
};

// What moves a finding into the open state and out of it (lib/findings: state open is neither
// fixed, removed, resolved nor snoozed).
const INTO_OPEN = "'opened', 'reopened', 'unsnoozed', 'unresolved'";
const OUT_OF_OPEN = "'fixed', 'removed', 'resolved', 'snoozed'";

/** New, fixed and net inflow per team and severity, over both periods, from finding events. */
export async function findingFlows(
  sql: TDigestSql,
  scope: TFigureScope,
  window: { previousFrom: Date; from: Date; to: Date },
): Promise<TFlowRow[]> {
  return figureRows<TFlowRow>(sql, scope, (params) => {
    const from = param(params, window.from, "timestamptz");
    const previousFrom = param(params, window.previousFrom, "timestamptz");
    const to = param(params, window.to, "timestamptz");
    const current = `e.created_at >= ${from}`;
    const before = `e.created_at < ${from}`;
    return `SELECT f.owner_team_id AS team_id, f.severity::text AS severity,
              count(*) FILTER (WHERE ${current} AND e.kind IN ('opened', 'reopened'))::int AS new,
              count(*) FILTER (WHERE ${before} AND e.kind IN ('opened', 'reopened'))::int AS previous_new,
              count(*) FILTER (WHERE ${current} AND e.kind = 'fixed')::int AS fixed,
              count(*) FILTER (WHERE ${before} AND e.kind = 'fixed')::int AS previous_fixed,
              (count(*) FILTER (WHERE ${current} AND e.kind IN (${INTO_OPEN}))
               - count(*) FILTER (WHERE ${current} AND e.kind IN (${OUT_OF_OPEN})))::int AS inflow
         FROM finding_events e
         JOIN findings f ON f.id = e.finding_id AND f.org_id = e.org_id
        WHERE e.org_id = $1 AND e.created_at >= ${previousFrom} AND e.created_at < ${to}
          AND e.kind IN (${INTO_OPEN}, ${OUT_OF_OPEN}) AND f.severity <> 'none'
          ${teamCondition(scope, "f", params)}
        GROUP BY f.owner_team_id, f.severity`;
  });
}

export type TOpenRow = { team_id: string | null; severity: string; n: number };

/** Open findings now per team and severity, from the rollup the overview reads. */
export async function openCounts(sql: TDigestSql, scope: TFigureScope): Promise<TOpenRow[]> {
  return figureRows<TOpenRow>(
    sql,
    scope,
    (params) =>
      `SELECT c.owner_team_id AS team_id, c.severity::text AS severity, sum(c.count)::int AS n
         FROM finding_counts c
        WHERE c.org_id = $1 AND c.state = 'open' AND c.severity <> 'none' AND c.count <> 0
          ${teamCondition(scope, "c", params)}
        GROUP BY c.owner_team_id, c.severity`,
  );
}

export type TTopRow = {
  team_id: string | null;
  org_wide: boolean;
  source: string;
  check_id: string;
  title: string;
  severity: string;
  urgent: number;
  findings: number;
  resources: number;
};

export const TOP_LIMIT = 5;

/**
 * The five checks most worth fixing per team (and org-wide): most open critical and high
 * findings, then most resources affected, then most findings.
 */
export async function topChecks(sql: TDigestSql, scope: TFigureScope): Promise<TTopRow[]> {
  return figureRows<TTopRow>(sql, scope, (params) => {
    const condition = teamCondition(scope, "f", params);
    const limit = param(params, TOP_LIMIT, "int");
    return `WITH checks AS (
         SELECT f.owner_team_id AS team_id, GROUPING(f.owner_team_id) = 1 AS org_wide, f.source, f.check_id,
                min(f.title) AS title, min(f.severity)::text AS severity,
                count(*) FILTER (WHERE f.severity IN ('critical', 'high'))::int AS urgent, count(*)::int AS findings,
                count(DISTINCT (f.cluster_id, f.namespace, f.kind, f.name))::int AS resources
           FROM findings f
          WHERE f.org_id = $1 AND f.state = 'open' ${condition}
          GROUP BY ${groupingSets(scope, "f.owner_team_id", ["f.source", "f.check_id"])}
       ), ranked AS (
         SELECT c.*, row_number() OVER (PARTITION BY c.org_wide, c.team_id
                                        ORDER BY c.urgent DESC, c.resources DESC, c.findings DESC, c.source, c.check_id) AS rank
           FROM checks c
       )
       SELECT team_id, org_wide, source, check_id, title, severity, urgent, findings, resources
         FROM ranked WHERE rank <= ${limit}
        ORDER BY org_wide, team_id, rank`;
  });
}
