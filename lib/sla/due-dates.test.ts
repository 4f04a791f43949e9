import { describe, expect, it } from "vitest";
import { orgWideScope } from "@/lib/auth/visibility-scope";
import { resolveFindings, snoozeFindings, unsnoozeFindings } from "@/lib/findings/triage";
import { createTestTenant } from "@/lib/testing/factories";
import { orgTokenSlaContext } from "./context";
import { countOverdue, slaMetByWeek } from "./overview";
import { setTeamSlaPolicy } from "./set-team-sla-policy";
import { DAY_MS, daysAfter, duesOf, slaTenant } from "./sla-testing";

// Due dates on real ingested findings: counted from first seen, stricter for a team with its own
// days, paused while snoozed (credit taken back when a snooze ends early), restarted on reopen;
// the overdue count and the weekly "SLA met" figures built on them.

const triageCtx = (orgId: string) => {
  const scope = orgWideScope(orgId);
  return { scope, triageScope: scope, actor: { userId: null, label: "test" } };
};
const near = (actual: Date | null, expected: Date) =>
  expect(Math.abs((actual?.getTime() ?? Infinity) - expected.getTime())).toBeLessThan(5_000);

describe("due dates", () => {
  it("counts from first seen with the org's days, or the team's stricter ones", async () => {
    const s = await slaTenant();
    await s.report([{ namespace: "pay", name: "api" }], [{ id: "cpuLimitsMissing", severity: "warning" }]);
    const api = (await duesOf(s.org.id, "cpuLimitsMissing")).get("api")!;
    // A warning is low, which has no SLA in this org's policy.
    expect(api.severity).toBe("low");
    expect(api.due).toBeNull();

    const t = await slaTenant();
    await t.report([
      { namespace: "pay", name: "api" },
      { namespace: "ship", name: "cart" },
    ]);
    const before = await duesOf(t.org.id);
    expect(before.get("api")!.severity).toBe("high");
    near(before.get("api")!.due, daysAfter(before.get("api")!.started, 10));
    const token = { tokenId: "00000000-0000-0000-0000-0000000000bb", label: "test" };
    await setTeamSlaPolicy(orgTokenSlaContext(t.org.id, token, true), t.team.id, {
      critical: null,
      high: 4,
      medium: 30,
      low: null,
    });
    const after = await duesOf(t.org.id);
    near(after.get("api")!.due, daysAfter(after.get("api")!.started, 4));
    // Another team's finding keeps the org's days.
    near(after.get("cart")!.due, daysAfter(after.get("cart")!.started, 10));
  });

  it("pauses while snoozed, takes unused snooze back, and restarts on reopen", async () => {
    const s = await slaTenant();
    await s.report([{ namespace: "pay", name: "api" }]);
    const first = (await duesOf(s.org.id)).get("api")!;
    const due = first.due!;

    await snoozeFindings(triageCtx(s.org.id), [first.id], { until: daysAfter(new Date(), 3) });
    near((await duesOf(s.org.id)).get("api")!.due, daysAfter(due, 3));
    await unsnoozeFindings(triageCtx(s.org.id), [first.id]);
    near((await duesOf(s.org.id)).get("api")!.due, due);

    await s.report([{ namespace: "pay", name: "api" }], []);
    expect((await duesOf(s.org.id)).get("api")!.status).toBe("fixed");
    await s.report([{ namespace: "pay", name: "api" }]);
    const reopened = (await duesOf(s.org.id)).get("api")!;
    expect(reopened.status).toBe("open");
    expect(reopened.started.getTime()).toBeGreaterThan(first.started.getTime());
    near(reopened.due, daysAfter(reopened.started, 10));
  });
});

describe("overdue count and SLA met", () => {
  it("counts open, unsnoozed, unresolved findings past due, in the scope only", async () => {
    const s = await slaTenant();
    const other = await createTestTenant();
    await s.report([
      { namespace: "pay", name: "api" },
      { namespace: "pay", name: "web" },
      { namespace: "pay", name: "db" },
      { namespace: "ship", name: "cart" },
    ]);
    const dues = await duesOf(s.org.id);
    const later = daysAfter(new Date(), 11);
    expect(await countOverdue(s.scopes.org)).toBe(0);
    expect(await countOverdue(s.scopes.org, later)).toBe(4);
    expect(await countOverdue(s.scopes.team, later)).toBe(3);
    expect(await countOverdue(s.scopes.otherTeam, later)).toBe(1);
    expect(await countOverdue(orgWideScope(other.org.id), later)).toBe(0);

    await snoozeFindings(triageCtx(s.org.id), [dues.get("web")!.id], { until: daysAfter(new Date(), 30) });
    await resolveFindings(triageCtx(s.org.id), [dues.get("db")!.id], {
      resolution: "will_not_fix",
      reason: "Legacy",
    });
    expect(await countOverdue(s.scopes.team, later)).toBe(1);
  });

  it("splits findings per week into fixed on time and missed", async () => {
    const s = await slaTenant();
    await s.report([
      { namespace: "pay", name: "api" },
      { namespace: "pay", name: "web" },
    ]);
    // api is fixed now (on time); web stays open until past its due date (missed).
    await s.report([{ namespace: "pay", name: "api" }], []);
    await s.report([{ namespace: "pay", name: "web" }]);
    const now = new Date();
    const later = new Date(now.getTime() + 11 * DAY_MS);
    const weeks = await slaMetByWeek(s.scopes.team, later);
    expect(weeks.reduce((n, w) => n + w.met, 0)).toBe(1);
    expect(weeks.reduce((n, w) => n + w.missed, 0)).toBe(1);
    // Before web's due date only api's fix counts.
    expect(await slaMetByWeek(s.scopes.team, now)).toEqual([
      { week: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), met: 1, missed: 0 },
    ]);
    expect(await slaMetByWeek(s.scopes.otherTeam, later)).toEqual([]);
  });
});
