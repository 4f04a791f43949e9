import { describe, expect, it } from "vitest";
import { pool } from "@/lib/server/db";
import { createTestCluster, createTestTeam, createTestTenant } from "@/lib/testing/factories";
import { ingest, polarisReport, workloads } from "@/lib/alerting/test-helpers";
import type { TNotification } from "@/lib/domain/notification-message";
import { createConnection } from "./connections/write";
import { createSubscription } from "./subscriptions/write";

// Subscriptions ride on alert groups: one message per group and channel, its growth and fix in
// the same thread, each team's news only in its own channel, and the org baseline for everyone.

const PRIV = { id: "privilegeEscalationAllowed", message: "Privilege escalation should not be allowed" };
const TOKEN = "xoxb-1111-2222-abcdefghijklmnop";

type TMessageRow = { channel: string; target: string; type: string; thread_key: string; message: TNotification };

async function messages(orgId: string): Promise<TMessageRow[]> {
  const { rows } = await pool.query<TMessageRow>(
    `SELECT e.channel::text AS channel, e.target, e.payload->>'type' AS type, e.thread_key, e.payload AS message
       FROM alert_events e
      WHERE e.org_id = $1 AND e.action = 'notify' ORDER BY e.id`,
    [orgId],
  );
  return rows;
}

/**
 * Payments and Checkout subscribe their own Slack channels; Quiet configured nothing; the org's
 * baseline sends high-severity security news to each team's channel, or #platform.
 */
async function setup() {
  const t = await createTestTenant();
  const actor = { userId: t.users.admin.id, label: t.users.admin.email };
  const team = (slug: string) =>
    createTestTeam(t.org.id, {
      slug: `${slug}-${t.org.slug}`.slice(0, 40),
      name: slug[0]!.toUpperCase() + slug.slice(1),
      rules: [{ effect: "include", cluster: "*", namespace: `${slug}-*`, kind: "*", name: "*" }],
    });
  const payments = await team("payments");
  const checkout = await team("checkout");
  const quiet = await team("quiet");
  const cluster = await createTestCluster(t.org.id, { slug: "prod-eu" });
  const { connection: slack } = await createConnection(
    t.org.id,
    actor,
    { teamId: null },
    {
      kind: "slack",
      name: "Acme Slack",
      botToken: TOKEN,
    },
  );
  const events = ["finding_group.opened", "finding_group.grew", "finding_group.fixed"] as const;
  for (const [owner, channel] of [
    [payments, "C0PAYMENTS"],
    [checkout, "C0CHECKOUT"],
  ] as const) {
    await createSubscription(
      t.org.id,
      actor,
      { teamId: owner.id },
      {
        name: `${owner.name} findings`,
        connectionId: slack.id,
        target: channel,
        targetLabel: `#${owner.name.toLowerCase()}`,
        events: [...events],
      },
    );
  }
  await createSubscription(
    t.org.id,
    actor,
    { teamId: null },
    {
      name: "Security baseline",
      connectionId: slack.id,
      target: "C0PLATFORM",
      targetLabel: "#platform",
      events: [...events],
      match: { minSeverity: "high", categories: ["security"] },
      baseline: true,
    },
  );
  return { t, payments, checkout, quiet, cluster };
}

describe("notification routing per team", () => {
  it("sends a Payments finding group once to Payments' channel, never to Checkout's, and threads its growth and fix", async () => {
    const { t, cluster } = await setup();
    const all = workloads(300, ["payments-api"]);
    await ingest(t.org.id, cluster.id, "polaris", polarisReport(all.slice(0, 200), [PRIV]));
    let rows = await messages(t.org.id);
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
    rows = await messages(t.org.id);
    const grew = rows.filter((r) => r.type === "finding_group.grew");
    expect(grew).toHaveLength(2);
    expect(grew[0]!.thread_key).toBe(rows[0]!.thread_key);

    // Fewer: no message (the thread's parent is updated at delivery).
    await ingest(t.org.id, cluster.id, "polaris", polarisReport(all.slice(0, 100), [PRIV]));
    expect(await messages(t.org.id)).toHaveLength(rows.length);

    // All fixed: "fixed" in the thread, to the channels that got the opening.
    await ingest(t.org.id, cluster.id, "polaris", polarisReport(all, []));
    rows = await messages(t.org.id);
    const fixed = rows.filter((r) => r.type === "finding_group.fixed");
    expect(fixed.map((r) => r.target)).toEqual(["C0PAYMENTS", "C0PAYMENTS"]);
    expect(fixed[0]!.thread_key).toBe(rows[0]!.thread_key);
    expect(fixed[0]!.message).toMatchObject({ state: "resolved", title: expect.stringMatching(/^Fixed: /) });
  });

  it("reaches a team that configured nothing through the org baseline", async () => {
    const { t, cluster } = await setup();
    await ingest(t.org.id, cluster.id, "polaris", polarisReport(workloads(5, ["quiet-jobs"]), [PRIV]));
    const rows = await messages(t.org.id);
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
    expect(await messages(t.org.id)).toEqual([]);
  });
});
