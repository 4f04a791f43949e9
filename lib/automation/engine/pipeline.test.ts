import { randomBytes } from "node:crypto";
import type pg from "pg";
import { describe, expect, it } from "vitest";
import { createDestination } from "@/lib/alerting/destinations/create-destination";
import { createRule } from "@/lib/alerting/rules/create-rule";
import { pool } from "@/lib/server/db";
import { inTransaction } from "@/lib/server/sql";
import { actorFor } from "@/lib/testing/factories";
import { createEngineWorld, eventsOf, insertRule, openFindings, runInTransaction, type TFindingRow } from "./engine-testing";
import { runRules } from "./run-rules";

// Rule order, last wins, stop, team rules in their own team only and never below the baseline
// floor, dry runs that equal real runs, and a run that costs one query when there is nothing to do.

const allIds = (rows: TFindingRow[]) => rows.map((f) => f.id);
const PRIV = "privilegeEscalationAllowed";

describe("the pipeline", () => {
  it("runs org rules in order: later rules see earlier changes, the last to set a field wins, a stop ends the list", async () => {
    const { t, shop } = await createEngineWorld();
    const org = t.org.id;
    const a = await insertRule(org, {
      name: "Shop is low",
      conditions: [{ field: "namespace", values: ["shop-*"] }],
      actions: { severity: { to: "low", reason: "sandbox" }, addTags: ["a"] },
    });
    const b = await insertRule(org, {
      name: "Checkout matters",
      conditions: [{ field: "namespace", values: ["shop-api"] }, { field: "check", values: [PRIV] }],
      actions: { severity: { to: "critical", reason: "payments" } },
      stopProcessing: true,
    });
    const c = await insertRule(org, {
      name: "Shop is medium",
      conditions: [{ field: "namespace", values: ["shop-*"] }],
      actions: { severity: { to: "medium", reason: "second thoughts" }, addTags: ["c"] },
    });
    // Reads the severity as the rules before it left it.
    const d = await insertRule(org, {
      name: "Tag what is medium now",
      conditions: [{ field: "severity", op: "at_most", value: "medium" }, { field: "source", values: ["polaris"] }],
      actions: { addTags: ["medium-or-less"] },
    });
    // The stop of an org rule skips the team's rules too.
    const team = await insertRule(org, { name: "Shop's own", actions: { addTags: ["team"] } }, shop.id);

    const before = await openFindings(org);
    const result = await runInTransaction({ orgId: org, trigger: "apply" }, { kind: "ids", ids: allIds(before) });
    const after = new Map((await openFindings(org)).map((f) => [f.id, f]));
    const find = (ns: string, check: string) => before.find((f) => f.namespace === ns && f.check_id === check)!.id;

    const checkoutPriv = after.get(find("shop-api", PRIV))!;
    expect(checkoutPriv).toMatchObject({ severity: "critical", reported_severity: "high", tags: ["a"] });
    expect(checkoutPriv.rule_marks).toEqual({ severity: b.id, tags: { a: a.id } });
    const checkoutCpu = after.get(find("shop-api", "cpuRequestsMissing"))!;
    expect(checkoutCpu).toMatchObject({ severity: "medium", tags: ["a", "c", "medium-or-less", "team"] });
    const storefrontPriv = after.get(find("shop-web", PRIV))!;
    expect(storefrontPriv).toMatchObject({ severity: "medium", reported_severity: "high" });
    expect(storefrontPriv.rule_marks).toEqual({
      severity: c.id,
      tags: { a: a.id, c: c.id, "medium-or-less": d.id, team: team.id },
    });
    // Not in shop-*: untouched by A–C; D looks at polaris only; the team rule at shop's only.
    const corednsPriv = after.get(find("kube-system", PRIV))!;
    expect(corednsPriv).toMatchObject({ severity: "high", reported_severity: null, tags: [], rule_marks: null });

    // One event per changed field, from the rule that made the final value.
    const events = (await eventsOf([storefrontPriv.id], ["severity_changed", "tagged"])).sort((x, y) =>
      `${x.kind} ${x.data.rule.name}`.localeCompare(`${y.kind} ${y.data.rule.name}`),
    );
    expect(events.map((e) => [e.kind, e.data.rule.name])).toEqual([
      ["severity_changed", "Shop is medium"],
      ["tagged", "Shop is low"],
      ["tagged", "Shop is medium"],
      ["tagged", "Shop's own"],
      ["tagged", "Tag what is medium now"],
    ]);
    expect(events[0]!.data).toEqual({
      from: "high",
      to: "medium",
      reason: "second thoughts",
      rule: { id: c.id, name: "Shop is medium", level: "org" },
      actorLabel: 'rule "Shop is medium"',
    });
    expect(events.find((e) => e.data.rule.id === team.id)!.data).toMatchObject({
      tags: ["team"],
      rule: { level: "team" },
    });
    expect(events.every((e) => e.actor_id === null && e.report_id === null)).toBe(true);

    const stat = (id: string) => result.rules.find((r) => r.ruleId === id)!;
    expect(stat(a.id)).toMatchObject({ matched: 4, changed: 4 });
    expect(stat(b.id)).toMatchObject({ matched: 1, changed: 1 });
    expect(stat(c.id)).toMatchObject({ matched: 3, changed: 3 });
    expect(stat(team.id)).toMatchObject({ matched: 3, changed: 3 });
    expect(result.changes).toEqual([
      { field: "severity", count: 4 },
      { field: "tags", count: 4 },
    ]);
  });

  it("lets a team rule touch only its own team's findings", async () => {
    const { t, shop, platform } = await createEngineWorld();
    const org = t.org.id;
    // Even with an org-wide condition, a team rule stays inside its team.
    const rule = await insertRule(
      org,
      { name: "Everything we own is medium", actions: { severity: { to: "medium", reason: "triage later" } } },
      shop.id,
    );
    const before = await openFindings(org);
    const result = await runInTransaction({ orgId: org, trigger: "apply" }, { kind: "ids", ids: allIds(before) });
    const shopIds = before.filter((f) => f.owner_team_id === shop.id).map((f) => f.id);
    expect(shopIds.length).toBeGreaterThan(0);
    expect(result.rules[0]).toMatchObject({ ruleId: rule.id, matched: shopIds.length });
    const after = await openFindings(org);
    for (const f of after) {
      if (f.owner_team_id === platform.id) expect(f.rule_marks).toBeNull();
      else expect(f.severity).toBe("medium");
    }
  });

  it("never lets a team rule lower a severity below what the org baseline pages for (org rules may)", async () => {
    const { t, shop } = await createEngineWorld();
    const org = t.org.id;
    const actor = actorFor(t.users.admin);
    const destination = await createDestination(org, actor, {
      name: "Platform",
      routingKey: randomBytes(16).toString("hex"),
      teamId: null,
    });
    await createRule(org, actor, null, {
      name: "Security from medium pages",
      match: { minSeverity: "medium", categories: ["security"] },
      destinationId: destination.id,
    });
    // A baseline rule that does not page sets no floor.
    await createRule(org, actor, null, { name: "Feed only", match: { minSeverity: "low" }, noPage: true });
    await insertRule(org, { name: "Shop: all low", actions: { severity: { to: "low", reason: "ours" } } }, shop.id);
    await insertRule(org, {
      name: "System: all low",
      conditions: [{ field: "namespace", values: ["kube-system"] }, { field: "source", values: ["polaris"] }],
      actions: { severity: { to: "low", reason: "org decides" } },
    });
    const before = await openFindings(org);
    await runInTransaction({ orgId: org, trigger: "apply" }, { kind: "ids", ids: allIds(before) });
    const after = await openFindings(org);
    const shopPriv = after.filter((f) => f.owner_team_id === shop.id && f.check_id === PRIV);
    expect(shopPriv.map((f) => f.severity)).toEqual(["medium", "medium"]);
    const shopCpu = after.filter((f) => f.owner_team_id === shop.id && f.check_id === "cpuRequestsMissing");
    expect(shopCpu.map((f) => f.severity)).toEqual(["low", "low"]);
    const systemPriv = after.filter((f) => f.namespace === "kube-system" && f.check_id === PRIV);
    expect(systemPriv.map((f) => f.severity)).toEqual(["low", "low"]);
  });

  it("dry runs write nothing and describe exactly what the real run then does", async () => {
    const { t, shop } = await createEngineWorld();
    const org = t.org.id;
    await insertRule(org, {
      name: "CVEs with a fix are high",
      conditions: [{ field: "fix_available", value: true }],
      actions: { severity: { to: "high", reason: "fixable" }, addTags: ["fixable"], due: { days: 14 } },
    });
    await insertRule(org, {
      name: "Shop to the editor",
      conditions: [{ field: "team", values: [shop.id] }],
      actions: { assign: { userId: t.users.editor.id }, snooze: { days: 3 } },
    });
    const before = await openFindings(org);
    const run = { orgId: org, trigger: "apply" as const, now: new Date() };
    const dry = await runInTransaction(run, { kind: "ids", ids: allIds(before) }, { dryRun: true, sampleSize: 5 });
    expect(dry.changedFindings).toBeGreaterThan(5);
    expect(await openFindings(org)).toEqual(before);
    expect(await eventsOf(allIds(before), ["severity_changed", "tagged", "assigned", "snoozed", "due_changed"])).toEqual([]);
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM automation_rule_runs WHERE org_id = $1`, [org]);
    expect(rows[0].n).toBe(0);

    const real = await runInTransaction(run, { kind: "ids", ids: allIds(before) }, { sampleSize: 5 });
    const withoutTimes = (r: typeof real) => ({ ...r, rules: r.rules.map((s) => ({ ...s, durationMs: 0 })) });
    expect(withoutTimes(real)).toEqual(withoutTimes(dry));
    expect(real.sample[0]!.changes.length).toBeGreaterThan(0);
    const events = await eventsOf(real.changedIds);
    expect(new Set(events.map((e) => e.finding_id)).size).toBe(real.changedFindings);
  });

  it("costs one query when the org has no rule and no finding carries a rule's mark", async () => {
    const { t } = await createEngineWorld();
    const ids = allIds(await openFindings(t.org.id));
    const queries: string[] = [];
    const result = await inTransaction(pool, async (client) => {
      const counting = new Proxy(client, {
        get(target, key, receiver) {
          if (key !== "query") return Reflect.get(target, key, receiver);
          return (text: string, values?: unknown[]) => {
            queries.push(text);
            return target.query(text, values);
          };
        },
      }) as pg.ClientBase;
      return runRules(counting, { orgId: t.org.id, trigger: "report", now: new Date() }, { kind: "ids", ids });
    });
    expect(queries).toHaveLength(1);
    expect(result).toMatchObject({ candidates: 0, changedFindings: 0, changedIds: [] });
  });
});
