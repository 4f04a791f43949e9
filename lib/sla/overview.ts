import "server-only";
import { scopeCondition, type TFindingScope } from "@/lib/auth/visibility-scope";
import { pool } from "@/lib/server/db";
import { inTransaction } from "@/lib/server/sql";
import { overdueSql, slaDueJoin } from "./due-sql";

// The overviews' SLA figures, for a scope (the caller's org view, or one team): how many findings
// are overdue now, and per week how many findings met or missed their due date.

/**
 * Runs a read with JIT off: slaDueJoin's per-finding policy lookups make the planner's cost
 * estimate large enough to JIT-compile, which took 300-450 ms of a 100k-finding count that
 * otherwise runs in 200-500 ms (measured; see the report of issue 19).
 */
async function readWithoutJit<T extends object>(sql: string, params: unknown[]): Promise<T[]> {
  return inTransaction(pool, async (client) => {
    await client.query("SET LOCAL jit = off");
    return (await client.query<T>(sql, params)).rows;
  });
}

/** Weeks shown by the "SLA met" chart, the current one last. */
export const SLA_MET_WEEKS = 12;

/** Open (or snoozed past its end), unresolved findings of the scope past their due date. */
export async function countOverdue(scope: TFindingScope, now: Date = new Date()): Promise<number> {
  const params: unknown[] = [];
  const where = scopeCondition(scope, "f", params);
  params.push(now);
  const at = `$${params.length}::timestamptz`;
  // `state` narrows to the rows that can be overdue through the (org[, team], state, …) indexes.
  const rows = await readWithoutJit<{ n: number }>(
    `SELECT count(*)::int AS n
       FROM findings f ${slaDueJoin("f")}
      WHERE ${where} AND f.state IN ('open', 'snoozed') AND ${overdueSql("f", "sla", at)}`,
    params,
  );
  return rows[0]?.n ?? 0;
}

/** One week (Monday, UTC) of findings whose SLA moment fell in it: met (fixed on time) or missed. */
export type TSlaWeek = { week: string; met: number; missed: number };

/**
 * Per week of the last SLA_MET_WEEKS: findings whose SLA moment (the earlier of their fix and
 * their due date) fell in that week, split into met (fixed_at ≤ due) and missed (due passed first).
 * Findings resolved as will-not-fix or working-as-intended, or removed with their resource, are
 * left out: nobody was meant to fix them. Weeks without any such finding are absent.
 */
export async function slaMetByWeek(scope: TFindingScope, now: Date = new Date()): Promise<TSlaWeek[]> {
  const params: unknown[] = [];
  const where = scopeCondition(scope, "f", params);
  params.push(now, SLA_MET_WEEKS - 1);
  const at = `$${params.length - 1}::timestamptz`;
  return readWithoutJit<TSlaWeek>(
    `WITH w AS (
       SELECT (date_trunc('week', ${at} AT TIME ZONE 'UTC') - make_interval(weeks => $${params.length}::int))
                AT TIME ZONE 'UTC' AS start
     ), m AS (
       SELECT f.fixed_at, sla.due_at, LEAST(f.fixed_at, sla.due_at) AS moment
         FROM w, findings f ${slaDueJoin("f")}
        WHERE ${where} AND f.state IN ('open', 'snoozed', 'fixed') AND sla.due_at IS NOT NULL
          -- A fix before the window cannot have its moment in it.
          AND (f.fixed_at IS NULL OR f.fixed_at >= w.start)
     )
     SELECT to_char(date_trunc('week', m.moment AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS week,
            count(*) FILTER (WHERE m.fixed_at IS NOT NULL AND m.fixed_at <= m.due_at)::int AS met,
            count(*) FILTER (WHERE m.fixed_at IS NULL OR m.fixed_at > m.due_at)::int AS missed
       FROM m, w
      WHERE m.moment >= w.start AND m.moment <= ${at}
      GROUP BY 1
      ORDER BY 1`,
    params,
  );
}
