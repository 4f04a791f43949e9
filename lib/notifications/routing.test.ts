import { describe, expect, it } from "vitest";
import { pool } from "@/lib/server/db";
import { ingest, polarisReport, workloads } from "@/lib/alerting/test-helpers";
import { queuedMessages, teamChannelsSetup } from "./testing/team-channels";

// Subscriptions ride on alert groups: one message per group and channel, its growth and fix in
// the same thread, each team's news only in its own channel, and the org baseline for everyone.

const PRIV = { id: "privilegeEscalationAllowed", message: "Privilege escalation should not be allowed" };

/**
 * Payments and Checkout subscribe their own Slack channels; Quiet configured nothing; the org's
 * baseline sends high-severity security news to each team's channel, or #platform.
 */
const setup = () =>
  teamChannelsSetup(["finding_group.opened", "finding_group.grew", "finding_group.fixed"], {
    baselineMatch: { minSeverity: "high", categories: ["security"] },
  });

describe("notification routing per team", () => {
  it("sends a Payments finding group once to Payments' channel, never to Checkout's, and threads its growth and fix", async () => {
    const { t, cluster } = await setup();
    const all = workloads(300, ["payments-api"]);
    await ingest(t.org.id, cluster.id, "polaris", polarisReport(all.slice(0, 200), [PRIV]));
    let rows = await queuedMessages(t.org.id);
    // 200 workloads of one check: one message for the team's subscription, one for the baseline
    // (which goes to the same team channel).
    expect(rows.map((r) => [r.type, r.target])).toEqual([
      ["finding_group.opened", "C0PAYMENTS"],
      ["finding_group.opened", "C0PAYMENTS"],
    ]);
    expect(rows.some((r) => r.target === "C0CHECKOUT")).toBe(false);
    const opened = rows[0]!.message;
    expect(opened).toMatchObject({ team: { name: "Payments" }, state: "open", severity: expect.any(String) });
    expect(opened.facts).toContainEqual({ label: "Affected resources", value: "200" });
    expect(opened.sample).toHaveLength(10);
    expect(opened.moreCount).toBe(190);
    expect(opened.link).toContain("/findings?check=privilegeEscalationAllowed");

    // More workloads affected: a "grew" reply in the same thread.
    await ingest(t.org.id, cluster.id, "polaris", polarisReport(all, [PRIV]));
    rows = await queuedMessages(t.org.id);
    const grew = rows.filter((r) => r.type === "finding_group.grew");
    expect(grew).toHaveLength(2);
    expect(grew[0]!.thread_key).toBe(rows[0]!.thread_key);

    // Fewer: no message (the thread's parent is updated at delivery).
    await ingest(t.org.id, cluster.id, "polaris", polarisReport(all.slice(0, 100), [PRIV]));
    expect(await queuedMessages(t.org.id)).toHaveLength(rows.length);

    // All fixed: "fixed" in the thread, to the channels that got the opening.
    await ingest(t.org.id, cluster.id, "polaris", polarisReport(all, []));
    rows = await queuedMessages(t.org.id);
    const fixed = rows.filter((r) => r.type === "finding_group.fixed");
    expect(fixed.map((r) => r.target)).toEqual(["C0PAYMENTS", "C0PAYMENTS"]);
    expect(fixed[0]!.thread_key).toBe(rows[0]!.thread_key);
    expect(fixed[0]!.message).toMatchObject({ state: "resolved", title: expect.stringMatching(/^Fixed: /) });
  });

  it("reaches a team that configured nothing through the org baseline", async () => {
    const { t, cluster } = await setup();
    await ingest(t.org.id, cluster.id, "polaris", polarisReport(workloads(5, ["quiet-jobs"]), [PRIV]));
    const rows = await queuedMessages(t.org.id);
    expect(rows.map((r) => [r.type, r.target, r.message.team?.name])).toEqual([
      ["finding_group.opened", "C0PLATFORM", "Quiet"],
    ]);
  });

  it("queues nothing for a subscription that does not match, or that is switched off", async () => {
    const { t, cluster } = await setup();
    await pool.query(`UPDATE notification_subscriptions SET enabled = false WHERE org_id = $1 AND baseline`, [
      t.org.id,
    ]);
    await ingest(t.org.id, cluster.id, "polaris", polarisReport(workloads(5, ["quiet-jobs"]), [PRIV]));
    expect(await queuedMessages(t.org.id)).toEqual([]);
  });
});
