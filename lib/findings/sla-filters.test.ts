import { beforeAll, describe, expect, it } from "vitest";
import { pool } from "@/lib/server/db";
import { createTestCluster, createTestTenant } from "@/lib/testing/factories";
import { DEFAULT_FILTERS, type TFindingFilters } from "@/lib/domain/finding-filters";
import { orgWideScope, type TFindingScope } from "@/lib/auth/visibility-scope";
import { eachFinding, listCheckGroups, listFindings, type TFindingRow } from "./queries";
import { insertRule, insertSlaFinding } from "./sla-testing";

const view = (change: Partial<TFindingFilters> = {}): TFindingFilters => ({ ...DEFAULT_FILTERS, ...change });
const me = { userId: null };
const DAY = 86_400_000;
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

async function titles(scope: TFindingScope, filters: TFindingFilters): Promise<string[]> {
  const rows: TFindingRow[] = [];
  for await (const batch of eachFinding(scope, filters, me, 3)) rows.push(...batch);
  return rows.map((r) => r.title).sort();
}

describe("SLA, tag and rule filters on real rows", () => {
  let scope: TFindingScope;
  let otherScope: TFindingScope;
  let rule: string;
  let otherRule: string;
  let foreignRule: string;

  beforeAll(async () => {
    const t = await createTestTenant();
    const other = await createTestTenant();
    scope = orgWideScope(t.org.id);
    otherScope = orgWideScope(other.org.id);
    const cluster = await createTestCluster(t.org.id, { slug: "prod" });
    const theirs = await createTestCluster(other.org.id, { slug: "prod" });
    rule = await insertRule(t.org.id, "PCI workloads");
    otherRule = await insertRule(t.org.id, "Sandbox is low");
    foreignRule = await insertRule(other.org.id, "Their rule");
    // A team stricter than the org's defaults (critical: 7 days).
    await pool.query(`INSERT INTO sla_policies (org_id, team_id, critical_days) VALUES ($1, $2, 3)`, [
      t.org.id,
      t.team.id,
    ]);
    const base = { orgId: t.org.id, clusterId: cluster.id };
    await Promise.all([
      // Critical: 7 days by default. 10 days in: 3 days overdue.
      insertSlaFinding({ ...base, title: "late", startedDaysAgo: 10, tags: ["pci"], ruleMarks: { severity: rule } }),
      // The same age, but a 5-day snooze paused the clock: due in 2 days.
      insertSlaFinding({ ...base, title: "paused", startedDaysAgo: 10, pausedDays: 5 }),
      // 5 days in: due in 2 days by the org, but its team's policy says 3 days: overdue.
      insertSlaFinding({ ...base, title: "team-strict", startedDaysAgo: 5, teamId: t.team.id }),
      // A rule gave it 60 days: due in 50.
      insertSlaFinding({ ...base, title: "rule-days", startedDaysAgo: 10, slaDays: 60, ruleMarks: { due: rule } }),
      // Low findings have no SLA by default.
      insertSlaFinding({ ...base, title: "no-sla", severity: "low", startedDaysAgo: 400, tags: ["platform"] }),
      // Past due but resolved or fixed: nothing to do, not overdue.
      insertSlaFinding({ ...base, title: "resolved", startedDaysAgo: 30, resolution: "will_not_fix" }),
      insertSlaFinding({ ...base, title: "fixed", startedDaysAgo: 30, status: "fixed" }),
      // Rule marks that do not say "changed by": a person's decision, and a spent one-off snooze.
      insertSlaFinding({ ...base, title: "manual", ruleMarks: { assignee: "manual", snooze: `done:${rule}` } }),
      insertSlaFinding({
        ...base,
        title: "tagged-by-rule",
        tags: ["pci", "platform"],
        ruleMarks: { tags: { pci: rule } },
      }),
      insertSlaFinding({ ...base, title: "other-rule", ruleMarks: { assignee: otherRule } }),
      insertSlaFinding({ orgId: other.org.id, clusterId: theirs.id, title: "theirs", startedDaysAgo: 30 }),
    ]);
    // A snooze set now credits the clock with its whole length, and the list shows it paused.
    const snoozed = await insertSlaFinding({ ...base, title: "snoozed-now", startedDaysAgo: 10 });
    await pool.query(`UPDATE findings SET snoozed_until = now() + interval '5 days' WHERE id = $1`, [snoozed]);
    // A snooze ended early takes its credit back: overdue again.
    const woke = await insertSlaFinding({ ...base, title: "woke-early", startedDaysAgo: 10 });
    await pool.query(`UPDATE findings SET snoozed_until = now() + interval '5 days' WHERE id = $1`, [woke]);
    await pool.query(`UPDATE findings SET snoozed_until = NULL WHERE id = $1`, [woke]);
  });

  it("gives each row its due date and whether it is overdue, across snoozes and policies", async () => {
    const rows = (
      await listFindings(scope, view({ status: ["open", "snoozed", "resolved", "fixed"] }), me, { limit: 50 })
    ).data;
    const by = Object.fromEntries(rows.map((r) => [r.title, r]));
    const dueIn = (title: string) => Math.round((by[title].due!.getTime() - Date.now()) / DAY);
    expect(dueIn("late")).toBe(-3);
    expect(dueIn("paused")).toBe(2);
    expect(dueIn("team-strict")).toBe(-2);
    expect(dueIn("rule-days")).toBe(50);
    expect(dueIn("snoozed-now")).toBe(2);
    expect(dueIn("woke-early")).toBe(-3);
    expect(by["no-sla"].due).toBeNull();
    const overdue = rows.filter((r) => r.overdue).map((r) => r.title);
    expect(overdue.sort()).toEqual(["late", "team-strict", "woke-early"]);
    expect(by.late).toMatchObject({ tags: ["pci"], changedByRules: [rule] });
    expect(by.manual.changedByRules).toEqual([]);
  });

  it("overdue=true lists what is past due and still needs work, in lists and groups alike", async () => {
    expect(await titles(scope, view({ overdue: true }))).toEqual(["late", "team-strict", "woke-early"]);
    // A snoozed finding is paused, not overdue, even when the view asks for snoozed ones.
    expect(await titles(scope, view({ overdue: true, status: ["snoozed", "resolved", "fixed"] }))).toEqual([]);
    const groups = await listCheckGroups(scope, view({ overdue: true }), me, { limit: 10 });
    expect(groups.data.map((g) => g.findings)).toEqual([3]);
    expect(await titles(otherScope, view({ overdue: true }))).toEqual(["theirs"]);
  });

  it("due=<day> lists open findings due on or before that day", async () => {
    expect(await titles(scope, view({ due: isoDay(3) }))).toEqual(["late", "paused", "team-strict", "woke-early"]);
    expect(await titles(scope, view({ due: isoDay(-1) }))).toEqual(["late", "team-strict", "woke-early"]);
    expect(await titles(scope, view({ due: isoDay(60), status: ["resolved", "fixed"] }))).toEqual([]);
  });

  it("tag=<tag> matches any of the tags", async () => {
    expect(await titles(scope, view({ tag: ["pci"] }))).toEqual(["late", "tagged-by-rule"]);
    expect(await titles(scope, view({ tag: ["pci", "platform"] }))).toEqual(["late", "no-sla", "tagged-by-rule"]);
    expect(await titles(scope, view({ tag: ["nope"] }))).toEqual([]);
  });

  it("rule=<id> lists what the rule changed, in any field or tag, and nothing for another org's or no rule", async () => {
    expect(await titles(scope, view({ rule: [rule] }))).toEqual(["late", "rule-days", "tagged-by-rule"]);
    expect(await titles(scope, view({ rule: [rule, otherRule] }))).toEqual([
      "late",
      "other-rule",
      "rule-days",
      "tagged-by-rule",
    ]);
    expect(await titles(scope, view({ rule: [foreignRule] }))).toEqual([]);
    expect(await titles(scope, view({ rule: ["00000000-0000-4000-8000-000000000000"] }))).toEqual([]);
    expect(await titles(otherScope, view({ rule: [rule] }))).toEqual([]);
  });

  it("combines the new filters with the others", async () => {
    expect(await titles(scope, view({ overdue: true, tag: ["pci"], rule: [rule] }))).toEqual(["late"]);
    expect(await titles(scope, view({ overdue: true, team: ["unassigned"] }))).toEqual(["late", "woke-early"]);
  });
});
