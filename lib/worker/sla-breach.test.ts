import { describe, expect, it } from "vitest";
import { ingest, outbox, polarisReport, tenantWithRule } from "@/lib/alerting/test-helpers";
import { orgWideScope } from "@/lib/auth/visibility-scope";
import { snoozeFindings } from "@/lib/findings/triage";
import { pool } from "@/lib/server/db";
import { createTestCluster, createTestTenant } from "@/lib/testing/factories";
import { DANGER, duesOf, slaTenant } from "@/lib/sla/sla-testing";
import { runSlaBreachesForOrg } from "./sla-breach";

// The breach job: once per SLA clock a finding past its due date gets sla_breached_at and an
// `sla_breached` event; a reopened finding may breach again. SLA breach alert rules page for the
// overdue findings of a group and resolve once none of them is overdue.

/** Moves the SLA clocks of the org's open findings `days` back, as if that time had passed. */
const age = (orgId: string, days: number, names?: readonly string[]) =>
  pool.query(
    `UPDATE findings SET sla_started_at = sla_started_at - make_interval(days => $2)
      WHERE org_id = $1 AND status = 'open' AND ($3::text[] IS NULL OR name = ANY($3))`,
    [orgId, days, names ?? null],
  );

const breachEvents = async (orgId: string) =>
  (
    await pool.query<{ name: string; data: { due: string; days: number; actorLabel: string } }>(
      `SELECT f.name, e.data FROM finding_events e JOIN findings f ON f.id = e.finding_id
        WHERE e.org_id = $1 AND e.kind = 'sla_breached' ORDER BY e.created_at, f.name`,
      [orgId],
    )
  ).rows;

describe("the SLA breach job", () => {
  it("marks each overdue finding once per clock, and again after a reopen", async () => {
    const s = await slaTenant();
    await s.report([
      { namespace: "pay", name: "api" },
      { namespace: "pay", name: "web" },
    ]);
    expect(await runSlaBreachesForOrg(s.org.id)).toEqual({ breached: 0, alertEvents: 0 });
    await age(s.org.id, 11, ["api"]);

    expect((await runSlaBreachesForOrg(s.org.id)).breached).toBe(1);
    const dues = await duesOf(s.org.id);
    expect(dues.get("api")!.breached).not.toBeNull();
    expect(dues.get("web")!.breached).toBeNull();
    expect(await breachEvents(s.org.id)).toEqual([
      { name: "api", data: { due: expect.any(String), days: 10, actorLabel: "Bumpers" } },
    ]);
    expect(new Date((await breachEvents(s.org.id))[0]!.data.due).getTime()).toBe(dues.get("api")!.due!.getTime());
    // Still overdue on the next run: not announced twice.
    expect((await runSlaBreachesForOrg(s.org.id)).breached).toBe(0);

    // Fixed, then back: a new clock, which can breach again.
    await s.report([{ namespace: "pay", name: "web" }]);
    await s.report([
      { namespace: "pay", name: "api" },
      { namespace: "pay", name: "web" },
    ]);
    expect((await duesOf(s.org.id)).get("api")!.breached).toBeNull();
    expect((await runSlaBreachesForOrg(s.org.id)).breached).toBe(0);
    await age(s.org.id, 11, ["api"]);
    expect((await runSlaBreachesForOrg(s.org.id)).breached).toBe(1);
    expect((await breachEvents(s.org.id)).map((e) => e.name)).toEqual(["api", "api"]);
  });

  it("leaves snoozed findings, findings without an SLA, and other orgs alone", async () => {
    const s = await slaTenant();
    const other = await slaTenant();
    await s.report([
      { namespace: "pay", name: "api" },
      { namespace: "pay", name: "web" },
    ]);
    await s.report(
      [
        { namespace: "pay", name: "api" },
        { namespace: "pay", name: "web" },
        { namespace: "pay", name: "low" },
      ],
      [DANGER, { id: "cpuLimitsMissing", severity: "warning" }],
    );
    await other.report([{ namespace: "pay", name: "api" }]);
    const web = (await duesOf(s.org.id)).get("web")!;
    const scope = orgWideScope(s.org.id);
    await snoozeFindings({ scope, triageScope: scope, actor: { userId: null, label: "t" } }, [web.id], {
      until: new Date(Date.now() + 86_400_000),
    });
    await age(s.org.id, 400);
    // Org by org, as runSlaBreaches does (it walks every org of the shared test database).
    for (const orgId of [s.org.id, other.org.id]) await runSlaBreachesForOrg(orgId);
    // The danger findings of api and low only: web's is snoozed, the warnings (severity low) have
    // no SLA in this policy, and org B's findings are fresh.
    expect((await breachEvents(s.org.id)).map((e) => e.name)).toEqual(["api", "low"]);
    expect(await breachEvents(other.org.id)).toEqual([]);
  });
});

describe("SLA breach alert rules", () => {
  it("page only for overdue findings, grouped by check, and resolve once none is overdue", async () => {
    const { t } = await tenantWithRule({
      kind: "sla_breach",
      name: "Overdue high findings",
      match: { minSeverity: "high", categories: [], sources: [], checks: [], clusters: [], namespaces: [] },
      pdSeverity: "critical",
      grouping: "check",
    });
    const cluster = await createTestCluster(t.org.id, { slug: "prod" });
    const report = (names: string[]) =>
      ingest(
        t.org.id,
        cluster.id,
        "polaris",
        polarisReport(
          names.map((name) => ({ namespace: "pay", name })),
          [DANGER],
        ),
      );
    await report(["api", "web"]);
    // Open but not overdue: an SLA breach rule does not page.
    expect(await outbox(t.org.id)).toEqual([]);

    await age(t.org.id, 31, ["api"]); // the built-in default: high 30 days
    expect(await runSlaBreachesForOrg(t.org.id)).toEqual({ breached: 1, alertEvents: 1 });
    const [trigger] = await outbox(t.org.id);
    expect(trigger).toMatchObject({ action: "trigger" });
    expect(trigger!.payload.payload).toMatchObject({
      severity: "critical",
      summary: expect.stringContaining("Past its SLA due date"),
      custom_details: { affected_resources: 1, sla: "past its due date" },
    });

    // web goes overdue too: the same incident grows (one per check), no second page.
    await age(t.org.id, 31, ["web"]);
    await runSlaBreachesForOrg(t.org.id);
    const afterWeb = await outbox(t.org.id);
    expect(new Set(afterWeb.map((e) => e.dedup_key)).size).toBe(1);

    // Both fixed by the next report: the incident resolves with the same dedup key.
    await report(["other"]);
    const events = await outbox(t.org.id);
    const last = events[events.length - 1]!;
    expect(last).toMatchObject({ action: "resolve", dedup_key: trigger!.dedup_key });
  });

  it("resolves when the overdue findings are snoozed, and other orgs' rules never see them", async () => {
    const { t } = await tenantWithRule({ kind: "sla_breach", name: "Any overdue", grouping: "check" });
    const stranger = await createTestTenant();
    const cluster = await createTestCluster(t.org.id, { slug: "prod" });
    await ingest(t.org.id, cluster.id, "polaris", polarisReport([{ namespace: "pay", name: "api" }], [DANGER]));
    await age(t.org.id, 31);
    for (const orgId of [t.org.id, stranger.org.id]) await runSlaBreachesForOrg(orgId);
    expect((await outbox(t.org.id)).map((e) => e.action)).toEqual(["trigger"]);
    expect(await outbox(stranger.org.id)).toEqual([]);

    const { rows } = await pool.query<{ id: string }>(`SELECT id FROM findings WHERE org_id = $1`, [t.org.id]);
    const scope = orgWideScope(t.org.id);
    await snoozeFindings(
      { scope, triageScope: scope, actor: { userId: null, label: "t" } },
      rows.map((r) => r.id),
      { until: new Date(Date.now() + 86_400_000) },
    );
    expect((await outbox(t.org.id)).map((e) => e.action)).toEqual(["trigger", "resolve"]);
  });
});
