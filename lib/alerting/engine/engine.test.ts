import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { pool } from "@/lib/server/db";
import { resetEnvCache } from "@/lib/server/env";
import { actorFor, createTestCluster, createTestTeam, createTestTenant } from "@/lib/testing/factories";
import { startFakePagerDuty, type TFakePagerDuty } from "@/lib/testing/fake-pagerduty";
import { createDestination } from "../destinations/create-destination";
import { deliverDueEvents } from "../delivery/deliver";
import { listAlertFeed } from "../queries";
import { createRule } from "../rules/create-rule";
import { moveRule } from "../rules/move-rule";
import { ingest, insertFindings, outbox, polarisReport, triageEverything, workloads } from "../test-helpers";

// The whole path on a real database: reports through the ingest worker's processReport, alert
// transitions in its transaction, the outbox delivered to a fake PagerDuty over HTTP.

// Fresh keys per test: the fake and the per-key pacing are shared by the whole file.
const newKey = () => randomBytes(16).toString("hex");
let SHOP_KEY = newKey();
let PLATFORM_KEY = newKey();
const PRIV = { id: "privilegeEscalationAllowed", message: "Privilege escalation should not be allowed" };

let fake: TFakePagerDuty;
beforeAll(async () => {
  fake = await startFakePagerDuty({ port: 0 });
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.reset();
  SHOP_KEY = newKey();
  PLATFORM_KEY = newKey();
});

// Other tests' leftovers may reach the fake too: only this test's keys count.
const mine = (filter: { status?: "triggered" | "resolved" } = {}) =>
  fake.incidents(filter).filter((i) => i.routingKey === SHOP_KEY || i.routingKey === PLATFORM_KEY);

const deliverAll = async (orgId: string) => {
  const url = `${fake.url}/v2/enqueue`;
  let total = 0;
  for (;;) {
    const step = await deliverDueEvents({ url, limit: 100, orgId });
    total += step.delivered;
    if (!step.claimed) return total;
  }
};

async function setup(grouping: "check" | "check_cluster" = "check") {
  const t = await createTestTenant();
  const actor = actorFor(t.users.admin);
  const shop = await createTestTeam(t.org.id, {
    slug: `shop-${t.org.slug}`.slice(0, 40),
    rules: [{ effect: "include", cluster: "*", namespace: "shop-*", kind: "*", name: "*" }],
  });
  const prodA = await createTestCluster(t.org.id, { slug: "prod-a" });
  const prodB = await createTestCluster(t.org.id, { slug: "prod-b" });
  const shopDest = await createDestination(t.org.id, actor, {
    name: "Shop on-call",
    routingKey: SHOP_KEY,
    teamId: shop.id,
  });
  const platform = await createDestination(t.org.id, actor, {
    name: "Platform",
    routingKey: PLATFORM_KEY,
    teamId: null,
  });
  await createRule(t.org.id, actor, null, {
    name: "High security pages the team, else platform",
    match: { minSeverity: "high", categories: ["security"] },
    useTeamDestination: true,
    destinationId: platform.id,
    pdSeverity: "critical",
    grouping,
  });
  return { t, actor, shop, prodA, prodB, shopDest, platform };
}

describe("alert transitions per group", () => {
  it("1,000 findings of one check over 500 workloads page once; fixing half updates, fixing all resolves", async () => {
    const { t, prodA } = await setup();
    const all = workloads(500, ["shop-api", "shop-web"]);
    await ingest(t.org.id, prodA.id, "polaris", polarisReport(all, [{ ...PRIV, containers: 2 }]));
    const findings = await pool.query(`SELECT count(*)::int AS n FROM findings WHERE org_id = $1 AND state = 'open'`, [
      t.org.id,
    ]);
    expect(findings.rows[0].n).toBe(1000);

    let events = await outbox(t.org.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "trigger", status: "pending" });
    const dedupKey = events[0]!.dedup_key;
    const payload = events[0]!.payload;
    expect(payload.payload.summary.length).toBeLessThanOrEqual(1024);
    expect(payload.payload).toMatchObject({
      source: "prod-a",
      severity: "critical",
      component: "polaris/privilegeEscalationAllowed",
      class: "security",
    });
    expect(payload.payload.custom_details.affected_resources).toBe(500);
    expect(payload.payload.custom_details.sample).toHaveLength(21);
    expect(payload.payload.custom_details.sample[20]).toBe("…and 480 more");
    expect(payload.links[0].href).toContain("/findings?check=privilegeEscalationAllowed");
    expect(payload.client).toBe("Bumpers");
    expect(JSON.stringify(payload).length).toBeLessThan(16 * 1024);
    expect(JSON.stringify(payload)).not.toContain(SHOP_KEY);

    await deliverAll(t.org.id);
    expect(mine()).toHaveLength(1);
    expect(mine()[0]).toMatchObject({ routingKey: SHOP_KEY, dedupKey, status: "triggered", triggers: 1 });

    // Half fixed: the same incident, updated.
    await ingest(t.org.id, prodA.id, "polaris", polarisReport(all.slice(0, 250), [{ ...PRIV, containers: 2 }]));
    events = await outbox(t.org.id);
    expect(events).toHaveLength(2);
    expect(events[1]).toMatchObject({ action: "trigger", dedup_key: dedupKey });
    expect(events[1]!.payload.payload.custom_details.affected_resources).toBe(250);
    await deliverAll(t.org.id);
    expect(mine()).toHaveLength(1);
    expect(mine()[0]).toMatchObject({ status: "triggered", triggers: 2 });

    // The same report again (nothing changed) sends nothing.
    await ingest(t.org.id, prodA.id, "polaris", polarisReport(all.slice(0, 250), [{ ...PRIV, containers: 2 }]));
    expect(await outbox(t.org.id)).toHaveLength(2);

    // All fixed: resolved, on the key that got the trigger.
    await ingest(t.org.id, prodA.id, "polaris", polarisReport(all, []));
    events = await outbox(t.org.id);
    expect(events).toHaveLength(3);
    expect(events[2]).toMatchObject({ action: "resolve", dedup_key: dedupKey });
    await deliverAll(t.org.id);
    expect(mine()).toEqual([expect.objectContaining({ routingKey: SHOP_KEY, dedupKey, status: "resolved" })]);

    // It comes back: a new incident (new epoch, new dedup key).
    await ingest(t.org.id, prodA.id, "polaris", polarisReport(all.slice(0, 10), [PRIV]));
    events = await outbox(t.org.id);
    expect(events[3]).toMatchObject({ action: "trigger" });
    expect(events[3]!.dedup_key).not.toBe(dedupKey);
  });

  it("group by check: a second cluster with the same problem joins the same incident", async () => {
    const { t, prodA, prodB } = await setup("check");
    await ingest(t.org.id, prodA.id, "polaris", polarisReport(workloads(20, ["shop-api"]), [PRIV]));
    await ingest(t.org.id, prodB.id, "polaris", polarisReport(workloads(30, ["shop-api"]), [PRIV]));
    const events = await outbox(t.org.id);
    expect(events.map((e) => e.action)).toEqual(["trigger", "trigger"]);
    expect(new Set(events.map((e) => e.dedup_key)).size).toBe(1);
    expect(events[1]!.payload.payload.source).toBe("prod-a, prod-b");
    await deliverAll(t.org.id);
    expect(mine()).toHaveLength(1);
    expect(mine()[0]!.triggers).toBe(2);
  });

  it("group by check and cluster: a second cluster is a second incident", async () => {
    const { t, prodA, prodB } = await setup("check_cluster");
    await ingest(t.org.id, prodA.id, "polaris", polarisReport(workloads(20, ["shop-api"]), [PRIV]));
    await ingest(t.org.id, prodB.id, "polaris", polarisReport(workloads(30, ["shop-api"]), [PRIV]));
    const events = await outbox(t.org.id);
    expect(new Set(events.map((e) => e.dedup_key)).size).toBe(2);
    await deliverAll(t.org.id);
    expect(
      fake
        .incidents()
        .map((i) => i.source)
        .sort(),
    ).toEqual(["prod-a", "prod-b"]);
    // Fixing one cluster resolves only its incident.
    await ingest(t.org.id, prodB.id, "polaris", polarisReport(workloads(30, ["shop-api"]), []));
    await deliverAll(t.org.id);
    expect(mine({ status: "resolved" }).map((i) => i.source)).toEqual(["prod-b"]);
    expect(mine({ status: "triggered" }).map((i) => i.source)).toEqual(["prod-a"]);
  });

  it("reordering rules opens no new incident", async () => {
    const { t, actor, shop, prodA, platform } = await setup();
    const first = await createRule(t.org.id, actor, shop.id, {
      name: "Reliability to platform",
      match: { categories: ["reliability"] },
      destinationId: platform.id,
      pdSeverity: "error",
      continueMatching: true,
    });
    await createRule(t.org.id, actor, shop.id, {
      name: "Everything reliability, team's own",
      match: { categories: ["reliability"] },
      useTeamDestination: true,
      pdSeverity: "error",
      continueMatching: true,
    });
    const pull = { id: "pullPolicyNotAlways", category: "Reliability" as const, severity: "warning" as const };
    await ingest(t.org.id, prodA.id, "polaris", polarisReport(workloads(40, ["shop-api"]), [pull]));
    await deliverAll(t.org.id);
    const before = await outbox(t.org.id);
    expect(before.map((e) => e.action)).toEqual(["trigger", "trigger"]);
    expect(new Set(before.map((e) => e.dedup_key)).size).toBe(1);
    expect(mine()).toHaveLength(2); // one per service, same dedup key

    await moveRule(t.org.id, actor, shop.id, first.id, "down");
    expect(await outbox(t.org.id)).toHaveLength(2);
    await ingest(t.org.id, prodA.id, "polaris", polarisReport(workloads(40, ["shop-api"]), [pull]));
    expect(await outbox(t.org.id)).toHaveLength(2);
  });

  it("a team with no rules still gets its criticals through the baseline, and unassigned ones go to the fallback", async () => {
    const { t, prodA } = await setup();
    const quiet = await createTestTeam(t.org.id);
    await insertFindings({
      orgId: t.org.id,
      clusterId: prodA.id,
      teamId: quiet.id,
      checkId: "CVE-2026-0001",
      severity: "critical",
      count: 5,
    });
    await insertFindings({
      orgId: t.org.id,
      clusterId: prodA.id,
      teamId: null,
      checkId: "CVE-2026-0002",
      severity: "critical",
      count: 3,
    });
    await deliverAll(t.org.id);
    // The quiet team has no destination of its own: the baseline's fallback (platform) pages.
    expect(
      fake
        .incidents()
        .map((i) => [i.routingKey, i.severity])
        .sort(),
    ).toEqual([
      [PLATFORM_KEY, "critical"],
      [PLATFORM_KEY, "critical"],
    ]);
  });

  it("a no-page rule sends nothing but shows in the feed", async () => {
    const { t, actor, shop, prodA } = await setup();
    await createRule(t.org.id, actor, shop.id, {
      name: "Efficiency, no page",
      match: { categories: ["efficiency"] },
      noPage: true,
    });
    const cpu = { id: "cpuRequestsMissing", category: "Efficiency" as const, severity: "warning" as const };
    await ingest(t.org.id, prodA.id, "polaris", polarisReport(workloads(12, ["shop-api"]), [cpu]));
    expect(await outbox(t.org.id)).toEqual([]);
    const feed = await listAlertFeed({ orgId: t.org.id, teamIds: [shop.id], unassigned: false });
    expect(feed.data).toEqual([
      expect.objectContaining({
        subject: "polaris/cpuRequestsMissing",
        paged: false,
        status: "open",
        affectedCount: 12,
        openIncidents: [],
      }),
    ]);
  });

  it("resolving every finding of a group through triage resolves its incident", async () => {
    const { t, prodA } = await setup();
    await ingest(t.org.id, prodA.id, "polaris", polarisReport(workloads(6, ["shop-api"]), [PRIV]));
    const { resolveFindings } = await import("@/lib/findings/triage");
    const { ids, ctx } = await triageEverything(t.org.id);
    await resolveFindings(ctx, ids.slice(0, 3), { resolution: "will_not_fix", reason: "accepted risk" });
    expect((await outbox(t.org.id)).map((e) => e.action)).toEqual(["trigger", "trigger"]);
    await resolveFindings(ctx, ids.slice(3), { resolution: "will_not_fix", reason: "accepted risk" });
    expect((await outbox(t.org.id)).map((e) => e.action)).toEqual(["trigger", "trigger", "resolve"]);
  });

  it("a destination change while open resolves on the old key and triggers on the new", async () => {
    const { t, actor, prodA, shopDest } = await setup();
    await ingest(t.org.id, prodA.id, "polaris", polarisReport(workloads(4, ["shop-api"]), [PRIV]));
    await deliverAll(t.org.id);
    const { updateDestination } = await import("../destinations/update-destination");
    const NEW_KEY = "newshopnewshopnewshopnewshop0002";
    await updateDestination(t.org.id, actor, shopDest.id, {
      name: shopDest.name,
      teamId: shopDest.teamId,
      routingKey: NEW_KEY,
    });
    await deliverAll(t.org.id);
    expect(fake.incidents({ routingKey: SHOP_KEY })[0]).toMatchObject({ status: "resolved" });
    expect(fake.incidents({ routingKey: NEW_KEY })[0]).toMatchObject({ status: "triggered" });
    expect(fake.incidents({ routingKey: NEW_KEY })[0]!.dedupKey).toBe(
      fake.incidents({ routingKey: SHOP_KEY })[0]!.dedupKey,
    );
  });
});

afterAll(() => resetEnvCache());
