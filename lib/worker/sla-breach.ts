import "server-only";
import { evaluateFindingAlerts } from "@/lib/alerting/engine/evaluate";
import { pool } from "@/lib/server/db";
import { inTransaction } from "@/lib/server/sql";
import { markSlaBreaches } from "@/lib/sla/mark-breaches";

// The SLA breach job (every 5 minutes): per org, one transaction marks the findings that went
// past their due date since the last run (an `sla_breached` event each, which the notification
// source "sla-breached" turns into messages) and re-evaluates the alerts of their checks, so SLA
// breach rules page for them. Here, in the composition layer, because lib/sla must not import
// lib/alerting (alerting imports lib/sla/due-sql). Findings stop being overdue only through a
// report, a triage action or a policy change, which evaluate alerts themselves.

export const SLA_BREACH_JOB = "sla-breach";

export type TSlaBreachRun = { breached: number; alertEvents: number };

/** One org: marks its new breaches and evaluates their checks' alerts, in one transaction. */
export async function runSlaBreachesForOrg(orgId: string, now: Date = new Date()): Promise<TSlaBreachRun> {
  return inTransaction(pool, async (client) => {
    const { marked, checks } = await markSlaBreaches(client, orgId, now);
    if (!marked) return { breached: 0, alertEvents: 0 };
    const { events } = await evaluateFindingAlerts(client, orgId, { checks });
    return { breached: marked, alertEvents: events };
  });
}

/**
 * Every org with open findings under an SLA clock not yet breached. One org's failure does not
 * hold up the others: the run goes on and throws at the end (the job logs it, the next run retries).
 */
export async function runSlaBreaches(now: Date = new Date()): Promise<TSlaBreachRun> {
  const { rows } = await pool.query<{ id: string }>(`SELECT id FROM organizations ORDER BY id`);
  const total: TSlaBreachRun = { breached: 0, alertEvents: 0 };
  const failures: string[] = [];
  for (const { id } of rows) {
    try {
      const run = await runSlaBreachesForOrg(id, now);
      total.breached += run.breached;
      total.alertEvents += run.alertEvents;
    } catch (err) {
      failures.push(`org ${id}: ${(err as Error).message}`);
    }
  }
  if (failures.length) throw new Error(`SLA breach job failed (${total.breached} marked): ${failures.join("; ")}`);
  return total;
}
