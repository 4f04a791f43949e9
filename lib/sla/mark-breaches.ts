import "server-only";
import type { TSqlExecutor } from "@/lib/server/sql";
import { overdueSql, slaDueJoin } from "./due-sql";

/** Findings marked per statement: keeps each transaction short after a long outage. */
const BATCH = 5000;

/** The actor label of the breach events (no user: Bumpers itself). */
export const SLA_BREACH_ACTOR = "Bumpers";

/**
 * Marks the org's overdue findings whose breach was not announced yet (once per SLA clock:
 * reopening clears sla_breached_at): sets sla_breached_at = `now` and writes one `sla_breached`
 * finding event each, data {due, days}, stamped `now`. Set-based, in batches; rows another
 * transaction holds are skipped and picked up by the next run. Returns how many it marked and
 * their checks (what the alerting engine re-evaluates for SLA breach rules).
 */
export async function markSlaBreaches(
  client: TSqlExecutor,
  orgId: string,
  now: Date = new Date(),
): Promise<{ marked: number; checks: { source: string; checkId: string }[] }> {
  let total = 0;
  const checks = new Map<string, { source: string; checkId: string }>();
  for (;;) {
    const { rows } = await client.query<{ n: number; checks: { source: string; checkId: string }[] | null }>(
      `WITH due AS (
         SELECT f.id, sla.due_at, sla.due_days
           FROM findings f ${slaDueJoin("f")}
          WHERE f.org_id = $1::uuid AND f.state IN ('open', 'snoozed') AND f.sla_breached_at IS NULL
            AND ${overdueSql("f", "sla", "$2::timestamptz")}
          LIMIT $3
            FOR UPDATE OF f SKIP LOCKED
       ), marked AS (
         UPDATE findings f SET sla_breached_at = $2::timestamptz
           FROM due WHERE f.id = due.id
         RETURNING f.id, f.org_id, f.source, f.check_id, due.due_at, due.due_days
       ), events AS (
         INSERT INTO finding_events (org_id, finding_id, kind, data, created_at)
         SELECT org_id, id, 'sla_breached',
                jsonb_build_object('due', due_at, 'days', due_days, 'actorLabel', $4::text), $2::timestamptz
           FROM marked
         RETURNING 1
       )
       SELECT (SELECT count(*)::int FROM events) AS n,
              (SELECT jsonb_agg(DISTINCT jsonb_build_object('source', source, 'checkId', check_id)) FROM marked) AS checks`,
      [orgId, now, BATCH, SLA_BREACH_ACTOR],
    );
    const n = rows[0]?.n ?? 0;
    total += n;
    for (const c of rows[0]?.checks ?? []) checks.set(`${c.source}\u0000${c.checkId}`, c);
    if (n < BATCH) return { marked: total, checks: [...checks.values()] };
  }
}
