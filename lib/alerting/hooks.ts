import "server-only";
import type pg from "pg";
import { FINDING_SOURCES } from "@/lib/ingest/process/parse-report";
import { evaluateFindingAlerts, evaluateStaleClusterAlerts, type TEvaluation } from "./engine/evaluate";
import { sqlOf } from "./engine/sql";

// The two calls the rest of the app makes into alerting, each inside its own transaction.

/**
 * After a report's findings are applied (lib/worker/process-report.ts): transitions for
 * the checks the report changed (opened, fixed, reopened or removed findings), each over the
 * whole org, so an unchanged report costs next to nothing. An inventory also moves owners between
 * teams, which leaves no finding event, so it re-evaluates every check. A cluster reporting again
 * also clears its stale-cluster alert.
 */
export async function alertOnReportProcessed(
  client: pg.ClientBase,
  report: { orgId: string; source: string; reportId?: string; now?: Date },
): Promise<TEvaluation> {
  const findingSource = (FINDING_SOURCES as readonly string[]).includes(report.source);
  const filter =
    findingSource && report.reportId && report.now
      ? { report: { id: report.reportId, at: report.now } }
      : findingSource
        ? { source: report.source }
        : {};
  const findings =
    findingSource || report.source === "workloads"
      ? await evaluateFindingAlerts(client, report.orgId, filter)
      : { groups: 0, events: 0 };
  const { rows } = await sqlOf(client).query<{ open: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM alert_groups WHERE org_id = $1::uuid AND kind = 'stale_cluster' AND status = 'open') AS open`,
    [report.orgId],
  );
  if (!rows[0]?.open) return findings;
  const stale = await evaluateStaleClusterAlerts(client, report.orgId);
  return { groups: findings.groups + stale.groups, events: findings.events + stale.events };
}

/**
 * After a triage action changed findings (lib/findings/triage.ts): a group whose findings are
 * all resolved or snoozed now resolves; unresolving fires it again.
 */
export async function alertOnFindingsTriaged(
  client: pg.ClientBase,
  orgId: string,
  changedIds: readonly string[],
): Promise<TEvaluation> {
  if (!changedIds.length) return { groups: 0, events: 0 };
  return evaluateFindingAlerts(client, orgId, { findingIds: changedIds });
}
