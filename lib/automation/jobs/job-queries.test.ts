import { describe, expect, it } from "vitest";
import { pool } from "@/lib/server/db";
import { createTestTenant } from "@/lib/testing/factories";
import { cancelApplyJob } from "./cancel-apply-job";
import { startDailyPasses } from "./daily-pass";
import { insertRule } from "./jobs-testing";
import { getApplyJob, latestApplyJob } from "./queries";
import { startApplyJob } from "./start-apply-job";
import { RECURRING_JOBS } from "@/lib/worker/recurring";

describe("apply-to-existing jobs: start, read, cancel", () => {
  it("queues one job per rule at a time, and reads it back only in its own org", async () => {
    const t = await createTestTenant();
    const rule = await insertRule(t.org.id, { actions: { addTags: ["seen"] } });
    const job = await startApplyJob(t.org.id, { ruleId: rule.id, requestedById: t.users.admin.id });
    expect(job).toMatchObject({
      orgId: t.org.id,
      ruleId: rule.id,
      trigger: "apply",
      status: "queued",
      total: 0,
      processed: 0,
      changed: 0,
      error: null,
      startedAt: null,
      finishedAt: null,
      requestedById: t.users.admin.id,
    });
    // Asked again while it waits: the same job, not a second one.
    expect((await startApplyJob(t.org.id, { ruleId: rule.id, requestedById: null })).id).toBe(job.id);
    expect(await getApplyJob(t.org.id, job.id)).toEqual(job);
    expect(await latestApplyJob(t.org.id, rule.id)).toEqual(job);

    const stranger = await createTestTenant();
    expect(await getApplyJob(stranger.org.id, job.id)).toBeNull();
    expect(await latestApplyJob(stranger.org.id, rule.id)).toBeNull();
    expect(await getApplyJob(t.org.id, "../etc")).toBeNull();
    expect(await cancelApplyJob(stranger.org.id, job.id)).toBeNull();
    await expect(startApplyJob(stranger.org.id, { ruleId: rule.id, requestedById: null })).rejects.toMatchObject({
      code: "not_found",
    });
    expect((await getApplyJob(t.org.id, job.id))!.status).toBe("queued");
  });

  it("cancels a queued job once; a new start after it is a new job", async () => {
    const t = await createTestTenant();
    const rule = await insertRule(t.org.id, { actions: { addTags: ["seen"] } });
    const job = await startApplyJob(t.org.id, { ruleId: rule.id, requestedById: null });
    const cancelled = await cancelApplyJob(t.org.id, job.id);
    expect(cancelled).toMatchObject({ id: job.id, status: "cancelled" });
    expect(cancelled!.finishedAt).toBeInstanceOf(Date);
    // Cancelling what has finished changes nothing.
    expect(await cancelApplyJob(t.org.id, job.id)).toEqual(cancelled);
    const again = await startApplyJob(t.org.id, { ruleId: rule.id, requestedById: null });
    expect(again.id).not.toBe(job.id);
    expect(await latestApplyJob(t.org.id, rule.id)).toMatchObject({ id: again.id, status: "queued" });
  });

  it("queues the daily pass of an org with an enabled rule once, and none for an org without", async () => {
    const t = await createTestTenant();
    const quiet = await createTestTenant();
    await insertRule(t.org.id, { actions: { addTags: ["a"] } });
    await insertRule(quiet.org.id, { actions: { addTags: ["a"] }, enabled: false });
    await startDailyPasses();
    await startDailyPasses();
    const jobsOf = async (orgId: string) =>
      (await pool.query(`SELECT rule_id, trigger::text, status::text FROM automation_jobs WHERE org_id = $1`, [orgId]))
        .rows;
    expect(await jobsOf(t.org.id)).toEqual([{ rule_id: null, trigger: "schedule", status: "queued" }]);
    expect(await jobsOf(quiet.org.id)).toEqual([]);
    expect(RECURRING_JOBS.find((j) => j.name === "automation-daily-pass")).toMatchObject({ cron: "41 2 * * *" });
  });
});
