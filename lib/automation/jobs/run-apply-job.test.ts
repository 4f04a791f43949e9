import pg from "pg";
import { describe, expect, it } from "vitest";
import { pool } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { createTestCluster, createTestTenant } from "@/lib/testing/factories";
import { createTicketFindings } from "@/lib/testing/tickets";
import { cancelApplyJob } from "./cancel-apply-job";
import { insertRule } from "./jobs-testing";
import { getApplyJob } from "./queries";
import { runApplyJob, tryRunApplyJob } from "./run-apply-job";
import { runPendingApplyJobs } from "./run-pending";
import { startApplyJob } from "./start-apply-job";

// Apply-to-existing jobs through the real engine: batches, progress, a worker killed mid-job,
// a second apply, cancelling, and the daily pass over every open finding.

const SANDBOX = 10;

/** 25 open findings in payments and 10 in sandbox, and a rule lowering sandbox findings to low. */
async function setup() {
  const t = await createTestTenant();
  const cluster = await createTestCluster(t.org.id);
  const add = (namespace: string, count: number) =>
    createTicketFindings({ orgId: t.org.id, clusterId: cluster.id, teamId: t.team.id, namespace, count });
  await add("payments", 25);
  const sandbox = await add("sandbox", SANDBOX);
  const rule = await insertRule(t.org.id, {
    name: "Sandbox is low priority",
    conditions: [{ field: "namespace", values: ["sandbox"] }],
    actions: { severity: { to: "low", reason: "Sandboxes never reach customers." }, addTags: ["sandbox"] },
  });
  return { t, cluster, sandbox, rule };
}

/** What the rules decide about the org's findings, comparable across runs. */
async function endState(orgId: string) {
  const { rows } = await pool.query(
    `SELECT namespace, severity::text, tags, count(*)::int AS n FROM findings WHERE org_id = $1
      GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    [orgId],
  );
  const events = await pool.query(
    `SELECT kind::text, count(*)::int AS n FROM finding_events WHERE org_id = $1 AND kind IN ('severity_changed', 'tagged', 'untagged')
      GROUP BY 1 ORDER BY 1`,
    [orgId],
  );
  return { findings: rows, events: events.rows };
}

const ledgerOf = async (jobId: string) =>
  (
    await pool.query(`SELECT rule_id, trigger::text, matched, changed FROM automation_rule_runs WHERE job_id = $1`, [
      jobId,
    ])
  ).rows;

describe("runApplyJob", () => {
  it("applies the rule to its existing findings in batches, with progress, one ledger row, and nothing more the second time", async () => {
    const { t, rule } = await setup();
    const job = await startApplyJob(t.org.id, { ruleId: rule.id, requestedById: t.users.admin.id });
    const done = await runApplyJob(job.id, { batchSize: 4 });
    expect(done).toMatchObject({ status: "done", total: SANDBOX, processed: SANDBOX, changed: SANDBOX, error: null });
    expect(done.startedAt).toBeInstanceOf(Date);
    expect(done.finishedAt).toBeInstanceOf(Date);
    const state = await endState(t.org.id);
    expect(state.findings).toEqual([
      { namespace: "payments", severity: "high", tags: [], n: 25 },
      { namespace: "sandbox", severity: "low", tags: ["sandbox"], n: SANDBOX },
    ]);
    expect(state.events).toEqual([
      { kind: "severity_changed", n: SANDBOX },
      { kind: "tagged", n: SANDBOX },
    ]);
    expect(await ledgerOf(job.id)).toEqual([
      { rule_id: rule.id, trigger: "apply", matched: SANDBOX, changed: SANDBOX },
    ]);

    // Applying again changes nothing.
    const again = await runApplyJob((await startApplyJob(t.org.id, { ruleId: rule.id, requestedById: null })).id);
    expect(again).toMatchObject({ status: "done", processed: SANDBOX, changed: 0 });
    expect(await endState(t.org.id)).toEqual(state);
  });

  it("resumes after a worker is killed mid-job and ends as an uninterrupted run does", async () => {
    const whole = await setup();
    const wholeJob = await runApplyJob(
      (await startApplyJob(whole.t.org.id, { ruleId: whole.rule.id, requestedById: null })).id,
      {
        batchSize: 3,
      },
    );

    const { t, rule } = await setup();
    const job = await startApplyJob(t.org.id, { ruleId: rule.id, requestedById: null });
    const stopped = await runApplyJob(job.id, { batchSize: 3, stopAfterBatches: 2 });
    expect(stopped).toMatchObject({ status: "running", total: SANDBOX, processed: 6, changed: 6 });
    expect(await getApplyJob(t.org.id, job.id)).toEqual(stopped);

    // A worker holding the org's run lock (alive) keeps others off; once its connection is gone
    // (killed), any worker resumes after the last committed batch.
    const other = new pg.Client({ connectionString: env().DATABASE_URL });
    await other.connect();
    await other.query(`SELECT pg_advisory_lock(73019001, hashtext($1::text))`, [t.org.id]);
    expect(await tryRunApplyJob(job.id)).toEqual({ job: stopped, ran: false });
    await other.end();
    const resumed = await runPendingApplyJobs({ orgId: t.org.id, batchSize: 3 });
    expect(resumed).toEqual([
      expect.objectContaining({ id: job.id, status: "done", processed: SANDBOX, changed: SANDBOX }),
    ]);

    expect(await endState(t.org.id)).toEqual(await endState(whole.t.org.id));
    expect(wholeJob).toMatchObject({ processed: SANDBOX, changed: SANDBOX });
    expect(await ledgerOf(job.id)).toEqual([
      { rule_id: rule.id, trigger: "apply", matched: SANDBOX, changed: SANDBOX },
    ]);
  });

  it("stops at a cancel, keeping the batches already done", async () => {
    const { t, rule } = await setup();
    const job = await startApplyJob(t.org.id, { ruleId: rule.id, requestedById: null });
    await runApplyJob(job.id, { batchSize: 4, stopAfterBatches: 1 });
    expect(await cancelApplyJob(t.org.id, job.id)).toMatchObject({ status: "cancelled", processed: 4 });
    expect(await runApplyJob(job.id, { batchSize: 4 })).toMatchObject({ status: "cancelled", processed: 4 });
    const { rows } = await pool.query(
      `SELECT count(*)::int AS n FROM findings WHERE org_id = $1 AND severity = 'low'`,
      [t.org.id],
    );
    expect(rows[0].n).toBe(4);
  });

  it("undoes a disabled rule's changes when it is applied again, and the daily pass looks at every open finding", async () => {
    const { t, rule } = await setup();
    await runApplyJob((await startApplyJob(t.org.id, { ruleId: rule.id, requestedById: null })).id);
    await pool.query(`UPDATE automation_rules SET enabled = false WHERE id = $1`, [rule.id]);
    const undone = await runApplyJob((await startApplyJob(t.org.id, { ruleId: rule.id, requestedById: null })).id);
    expect(undone).toMatchObject({ status: "done", processed: SANDBOX, changed: SANDBOX });
    expect((await endState(t.org.id)).findings).toEqual([
      { namespace: "payments", severity: "high", tags: [], n: 25 },
      { namespace: "sandbox", severity: "high", tags: [], n: SANDBOX },
    ]);

    await pool.query(`UPDATE automation_rules SET enabled = true WHERE id = $1`, [rule.id]);
    const daily = await startApplyJob(t.org.id, { ruleId: null, requestedById: null, trigger: "schedule" });
    const passed = await runApplyJob(daily.id, { batchSize: 8 });
    expect(passed).toMatchObject({ trigger: "schedule", status: "done", total: 35, processed: 35, changed: SANDBOX });
    expect(await ledgerOf(daily.id)).toEqual([
      { rule_id: rule.id, trigger: "schedule", matched: SANDBOX, changed: SANDBOX },
    ]);
  });
});
