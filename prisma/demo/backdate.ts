import "server-only";
import { pool } from "@/lib/server/db";

// Demo history is backdated: the reports of earlier phases are uploaded during the seed, then every
// row written during a phase moves back by that phase's offset, so the demo shows two weeks of
// reports, findings opened and fixed on different days, and trends with shape.

/** Everything written before `before` (and after the previous boundary) moves back by `days`. */
export type TBackdate = { before: Date; days: number };

const SAFETY_MS = 5;

async function databaseNow(): Promise<number> {
  const { rows } = await pool.query<{ now: Date }>("SELECT clock_timestamp() AS now");
  return rows[0].now.getTime();
}

/**
 * The end of a phase: an instant later than every row written so far and earlier than every row
 * written after this returns, whether the app's clock or the database's wrote the timestamp.
 */
export async function phaseBoundary(): Promise<Date> {
  const boundary = Math.max(Date.now(), await databaseNow()) + SAFETY_MS;
  while (Date.now() <= boundary + SAFETY_MS || (await databaseNow()) <= boundary + SAFETY_MS) {
    await new Promise((resolve) => setTimeout(resolve, SAFETY_MS));
  }
  return new Date(boundary);
}

// The org's timestamps that say when something happened. api_tokens.last_used_at is left alone:
// the agent token was last used by the latest upload, today.
const COLUMNS: Readonly<Record<string, readonly string[]>> = {
  organizations: ["created_at"],
  teams: ["created_at"],
  memberships: ["created_at"],
  team_memberships: ["created_at"],
  clusters: ["created_at"],
  api_tokens: ["created_at"],
  audit_logs: ["created_at"],
  reports: ["received_at", "processed_at"],
  resources: ["first_seen_at", "last_seen_at", "removed_at"],
  images: ["first_seen_at", "last_seen_at"],
  vulnerabilities: ["updated_at"],
  findings: ["first_seen_at", "last_seen_at", "fixed_at", "updated_at", "sla_started_at", "sla_breached_at"],
  automation_rule_runs: ["started_at"],
  finding_events: ["created_at"],
};

/**
 * Moves the org's history back in one statement, then rebuilds the findings rollups the overview
 * reads (their triggers count events on the day they were written), in one transaction so the org
 * is never seen half-moved.
 */
export async function backdateDemo(orgId: string, phases: readonly TBackdate[]): Promise<void> {
  const params: unknown[] = [orgId];
  const cases = phases.map((p) => {
    params.push(p.before, `${p.days} days`);
    return `WHEN %c < $${params.length - 1}::timestamptz THEN $${params.length}::interval`;
  });
  const shift = (column: string) =>
    `${column} = ${column} - CASE ${cases.map((c) => c.replaceAll("%c", column)).join(" ")} ELSE interval '0' END`;
  const updates = Object.entries(COLUMNS).map(([table, columns]) => {
    const where = table === "organizations" ? "id = $1" : "org_id = $1";
    return `${table}_shifted AS (UPDATE ${table} SET ${columns.map(shift).join(", ")} WHERE ${where} RETURNING 1)`;
  });
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query(`WITH ${updates.join(",\n")} SELECT 1`, params);
    await client.query("SELECT rebuild_finding_rollups($1)", [orgId]);
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
