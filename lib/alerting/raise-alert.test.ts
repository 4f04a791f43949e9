import { describe, expect, it } from "vitest";
import { db, pool } from "@/lib/server/db";
import { inTransaction } from "@/lib/server/sql";
import { createTestCluster, createTestTenant } from "@/lib/testing/factories";
import { clearAlert, raiseAlert } from "./raise-alert";
import { alertAfterOwnershipChanges, alertOnExpiredSnoozes, checkStaleClusters } from "./stale-job";
import { listAlertFeed } from "./queries";
import { setTeamScope } from "@/lib/teams/set-team-scope";
import { refreshStaleFindingOwners } from "@/lib/worker/stale-owners";
import {
  ingest,
  insertFindings,
  outbox,
  polarisReport,
  tenantWithRule,
  triageEverything,
  workloads,
} from "./test-helpers";
import { orgWideScope } from "@/lib/auth/visibility-scope";
import { snoozeFindings } from "@/lib/findings/triage";

const setup = (kind: "budget" | "stale_cluster") =>
  tenantWithRule({ kind, name: `${kind} to platform`, pdSeverity: "warning" });

describe("raiseAlert / clearAlert (budgets)", () => {
  it("raises once, updates on new details, resolves on clear, reopens as a new incident", async () => {
    const { t } = await setup("budget");
    const input = {
      orgId: t.org.id,
      teamId: t.team.id,
      key: "budget:b1:80pct",
      summary: "Payments spent 80% of its June budget",
      details: { spent: 800, budget: 1000 },
      link: `/o/${t.org.slug}/cost`,
    };
    await inTransaction(pool, (c) => raiseAlert(c, input));
    await inTransaction(pool, (c) => raiseAlert(c, input)); // unchanged: nothing
    await inTransaction(pool, (c) => raiseAlert(c, { ...input, details: { spent: 900, budget: 1000 } }));
    await inTransaction(pool, (c) => clearAlert(c, { orgId: t.org.id, teamId: t.team.id, key: input.key }));
    await inTransaction(pool, (c) => clearAlert(c, { orgId: t.org.id, teamId: t.team.id, key: input.key })); // nothing open
    await inTransaction(pool, (c) => raiseAlert(c, input));
    const events = await outbox(t.org.id);
    expect(events.map((e) => e.action)).toEqual(["trigger", "trigger", "resolve", "trigger"]);
    expect(events[0]!.dedup_key).toBe(events[2]!.dedup_key);
    expect(events[3]!.dedup_key).not.toBe(events[0]!.dedup_key);
    expect(events[0]!.payload.payload).toMatchObject({ severity: "warning", class: "budget", summary: input.summary });
    expect(events[0]!.payload.links[0].href).toMatch(new RegExp(`/o/${t.org.slug}/cost$`));
  });

  it("rolls back with the caller's transaction, and refuses another org's team", async () => {
    const { t } = await setup("budget");
    const other = await createTestTenant();
    await expect(
      inTransaction(pool, async (c) => {
        await raiseAlert(c, { orgId: t.org.id, teamId: null, key: "k", summary: "s" });
        throw new Error("caller failed");
      }),
    ).rejects.toThrow("caller failed");
    expect(await outbox(t.org.id)).toEqual([]);
    await expect(
      inTransaction(pool, (c) => raiseAlert(c, { orgId: t.org.id, teamId: other.team.id, key: "k", summary: "s" })),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("stale cluster alerts", () => {
  it("a silent cluster raises its own alert, resolved when it reports again; findings stay untouched", async () => {
    const { t } = await setup("stale_cluster");
    const cluster = await createTestCluster(t.org.id, { slug: "quiet" });
    const old = new Date(Date.now() - 48 * 3_600_000);
    await db.report.create({
      data: {
        orgId: t.org.id,
        clusterId: cluster.id,
        type: "polaris",
        sha256: "a",
        body: Buffer.from("{}"),
        sizeBytes: 2,
        receivedAt: old,
      },
    });
    await checkStaleClusters();
    let events = await outbox(t.org.id);
    expect(events.map((e) => e.action)).toEqual(["trigger"]);
    expect(events[0]!.payload.payload).toMatchObject({ source: "quiet", class: "stale-cluster" });
    await checkStaleClusters();
    expect(await outbox(t.org.id)).toHaveLength(1);
    await db.report.create({
      data: {
        orgId: t.org.id,
        clusterId: cluster.id,
        type: "polaris",
        sha256: "b",
        body: Buffer.from("{}"),
        sizeBytes: 2,
      },
    });
    await checkStaleClusters();
    events = await outbox(t.org.id);
    expect(events.map((e) => e.action)).toEqual(["trigger", "resolve"]);
  });
});

describe("expired snoozes", () => {
  it("findings whose snooze ran out page again without waiting for a report", async () => {
    const { t } = await tenantWithRule({ name: "Criticals", match: { minSeverity: "critical" } });
    const cluster = await createTestCluster(t.org.id);
    await insertFindings({
      orgId: t.org.id,
      clusterId: cluster.id,
      teamId: t.team.id,
      checkId: "CVE-1",
      severity: "critical",
      count: 2,
    });
    const { ids, ctx } = await triageEverything(t.org.id);
    await snoozeFindings(ctx, ids, { until: new Date(Date.now() + 3_600_000) });
    expect((await outbox(t.org.id)).map((e) => e.action)).toEqual(["trigger", "resolve"]);
    // What the snooze job does when the time comes (for this org only: the job itself is global).
    await pool.query(
      `WITH expired AS (UPDATE findings SET snoozed_until = NULL WHERE org_id = $1 RETURNING id, org_id)
       INSERT INTO finding_events (org_id, finding_id, kind, data)
       SELECT org_id, id, 'unsnoozed', '{"expired": true}' FROM expired`,
      [t.org.id],
    );
    await alertOnExpiredSnoozes();
    const events = await outbox(t.org.id);
    expect(events.map((e) => e.action)).toEqual(["trigger", "resolve", "trigger"]);
    expect(events[2]!.dedup_key).not.toBe(events[0]!.dedup_key);
    await alertOnExpiredSnoozes(); // again: nothing new
    expect(await outbox(t.org.id)).toHaveLength(3);
  });
});

describe("ownership moves", () => {
  it("after a scope edit, a team's alert follows its findings to the new owner", async () => {
    const { t, actor } = await tenantWithRule({ name: "High", match: { minSeverity: "high" } });
    const shop = [{ effect: "include" as const, cluster: "*", namespace: "shop-*", kind: "*", name: "*", labels: {} }];
    await setTeamScope(t.org.id, actor, t.team.id, shop);
    const cluster = await createTestCluster(t.org.id);
    await ingest(
      t.org.id,
      cluster.id,
      "polaris",
      polarisReport(workloads(5, ["shop-api"]), [{ id: "runAsRootAllowed" }]),
    );
    let feed = await listAlertFeed(orgWideScope(t.org.id), { status: "open" });
    expect(feed.data.map((g) => g.teamId)).toEqual([t.team.id]);

    await setTeamScope(t.org.id, actor, t.team.id, []);
    await setTeamScope(t.org.id, actor, t.otherTeam.id, shop);
    await refreshStaleFindingOwners();
    await alertAfterOwnershipChanges();
    feed = await listAlertFeed(orgWideScope(t.org.id), { status: "open" });
    expect(feed.data.map((g) => g.teamId)).toEqual([t.otherTeam.id]);
    // The new team's group triggers and the old one's resolves (two groups: order between them is free).
    expect((await outbox(t.org.id)).map((e) => e.action).sort()).toEqual(["resolve", "trigger", "trigger"]);
  });
});
