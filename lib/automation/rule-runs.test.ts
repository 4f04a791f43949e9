import { describe, expect, it } from "vitest";
import { pool } from "@/lib/server/db";
import { createTestTenant } from "@/lib/testing/factories";
import { insertRule } from "./jobs/jobs-testing";
import { listRuleRuns } from "./rule-runs";
import { pruneRetention } from "@/lib/retention/prune";

async function addRun(
  orgId: string,
  ruleId: string,
  minutesAgo: number,
  extra: { error?: string; trigger?: string } = {},
) {
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO automation_rule_runs (org_id, rule_id, trigger, started_at, duration_ms, matched, changed, error)
     VALUES ($1, $2, $3::automation_trigger, now() - make_interval(mins => $4), 12, 10, 3, $5) RETURNING id`,
    [orgId, ruleId, extra.trigger ?? "report", minutesAgo, extra.error ?? null],
  );
  return rows[0]!.id;
}

describe("listRuleRuns", () => {
  it("pages a rule's runs newest first with opaque cursors, and shows nothing of another org's rule", async () => {
    const t = await createTestTenant();
    const rule = await insertRule(t.org.id, { actions: { addTags: ["x"] } });
    const other = await insertRule(t.org.id, { actions: { addTags: ["y"] } });
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await addRun(t.org.id, rule.id, i, i === 2 ? { error: "boom" } : {}));
    await addRun(t.org.id, other.id, 0);

    const first = await listRuleRuns(t.org.id, rule.id, { limit: 2 });
    expect(first.runs.map((r) => r.id)).toEqual(ids.slice(0, 2));
    expect(first.runs[0]).toMatchObject({ trigger: "report", durationMs: 12, matched: 10, changed: 3, error: null });
    expect(first.runs[0]!.startedAt).toBeInstanceOf(Date);
    const second = await listRuleRuns(t.org.id, rule.id, { limit: 2, cursor: first.nextCursor });
    expect(second.runs.map((r) => r.id)).toEqual(ids.slice(2, 4));
    expect(second.runs[0]!.error).toBe("boom");
    const last = await listRuleRuns(t.org.id, rule.id, { limit: 2, cursor: second.nextCursor });
    expect(last.runs.map((r) => r.id)).toEqual(ids.slice(4));
    expect(last.nextCursor).toBeNull();

    const stranger = await createTestTenant();
    expect(await listRuleRuns(stranger.org.id, rule.id)).toEqual({ runs: [], nextCursor: null });
    expect(await listRuleRuns(t.org.id, "not-a-rule")).toEqual({ runs: [], nextCursor: null });
    await expect(listRuleRuns(t.org.id, rule.id, { cursor: "garbage" })).rejects.toMatchObject({ code: "bad_request" });
  });
});

describe("retention of the ledger and of finished jobs", () => {
  it("prunes ledger rows and finished jobs older than 90 days, and keeps a job still to run", async () => {
    const t = await createTestTenant();
    const rule = await insertRule(t.org.id, { actions: { addTags: ["x"] } });
    const DAY = 24 * 60;
    const old = await addRun(t.org.id, rule.id, 91 * DAY);
    const recent = await addRun(t.org.id, rule.id, 89 * DAY);
    const job = (status: string, daysAgo: number) =>
      pool
        .query<{ id: string }>(
          `INSERT INTO automation_jobs (org_id, rule_id, status, created_at, finished_at)
           VALUES ($1, $2, $3::automation_job_status, now() - make_interval(days => $4),
                   CASE WHEN $3 IN ('done', 'failed', 'cancelled') THEN now() - make_interval(days => $4) END)
           RETURNING id`,
          [t.org.id, rule.id, status, daysAgo],
        )
        .then((r) => r.rows[0]!.id);
    const oldDone = await job("done", 100);
    const oldQueued = await job("queued", 100);
    const recentFailed = await job("failed", 10);

    const pruned = await pruneRetention(
      { reportDays: 0, findingEventDays: 0, deliveryLogDays: 0 },
      { orgId: t.org.id },
    );
    expect(pruned).toMatchObject({ ruleRuns: 1, automationJobs: 1 });
    const runs = await pool.query(`SELECT id FROM automation_rule_runs WHERE org_id = $1`, [t.org.id]);
    expect(runs.rows.map((r) => r.id)).toEqual([recent]);
    expect(runs.rows.map((r) => r.id)).not.toContain(old);
    const jobs = await pool.query(`SELECT id FROM automation_jobs WHERE org_id = $1 ORDER BY created_at`, [t.org.id]);
    expect(jobs.rows.map((r) => r.id).sort()).toEqual([oldQueued, recentFailed].sort());
    expect(jobs.rows.map((r) => r.id)).not.toContain(oldDone);
  });
});
