import { describe, expect, it } from "vitest";
import { orgWideScope } from "@/lib/auth/visibility-scope";
import { assignFindings, resolveFindings } from "@/lib/findings/triage";
import { refreshFindingOwners } from "@/lib/ingest/process/finding-owners";
import { expireSnoozes } from "@/lib/jobs/expire-snoozes";
import { pool } from "@/lib/server/db";
import { inTransaction } from "@/lib/server/sql";
import { createEngineWorld, eventsOf, insertRule, openFindings, runInTransaction } from "./engine-testing";

// What rules did stays explainable and reversible: every change is an event naming the rule, a
// person's decision is never overridden, and disabling a rule and re-running undoes its changes.

const DAY = 86_400_000;
const triageCtx = (orgId: string) => ({
  scope: orgWideScope(orgId),
  triageScope: orgWideScope(orgId),
  actor: { userId: null, label: "test" },
});

async function applyAll(orgId: string, now = new Date()) {
  const ids = (await openFindings(orgId)).map((f) => f.id);
  return runInTransaction({ orgId, trigger: "apply", now }, { kind: "ids", ids });
}

describe("rule marks", () => {
  it("sets every field with an explaining event, then undoes all of it when the rule is disabled", async () => {
    const { t, shop, platform } = await createEngineWorld();
    const org = t.org.id;
    const rule = await insertRule(org, {
      name: "Checkout belongs to platform",
      conditions: [{ field: "namespace", values: ["shop-api"] }],
      actions: {
        severity: { to: "low", reason: "Staging only" },
        assign: { userId: t.users.editor.id },
        team: { teamId: platform.id },
        addTags: ["payments", "pci"],
        snooze: { days: 3 },
        due: { days: 10 },
      },
    });
    const resolver = await insertRule(org, {
      name: "Storefront is fine",
      conditions: [
        { field: "namespace", values: ["shop-web"] },
        { field: "check", values: ["cpu*"] },
      ],
      actions: { resolve: { resolution: "working_as_intended", reason: "Bursty by design", expiresInDays: 30 } },
    });
    const now = new Date();
    await applyAll(org, now);
    let rows = await openFindings(org);
    const checkout = rows.filter((f) => f.namespace === "shop-api");
    const ids = checkout.map((f) => f.id);
    expect(checkout).toHaveLength(2);
    for (const f of checkout) {
      expect(f).toMatchObject({
        severity: "low",
        assignee_id: t.users.editor.id,
        owner_team_id: platform.id,
        tags: ["payments", "pci"].sort(),
        sla_days: 10,
      });
      expect(f.snoozed_until!.getTime()).toBe(now.getTime() + 3 * DAY);
      expect(f.rule_marks).toEqual({
        severity: rule.id,
        assignee: rule.id,
        team: rule.id,
        snooze: rule.id,
        due: rule.id,
        tags: { payments: rule.id, pci: rule.id },
      });
    }
    const priv = checkout.find((f) => f.check_id === "privilegeEscalationAllowed")!;
    expect(priv.reported_severity).toBe("high");
    const storefrontCpu = rows.find((f) => f.namespace === "shop-web" && f.check_id === "cpuRequestsMissing")!;
    expect(storefrontCpu).toMatchObject({ resolution: "working_as_intended", resolution_reason: "Bursty by design" });
    expect(storefrontCpu.resolution_expires_at!.getTime()).toBe(now.getTime() + 30 * DAY);

    const events = await eventsOf(
      [priv.id, storefrontCpu.id],
      ["severity_changed", "assigned", "moved", "tagged", "snoozed", "due_changed", "resolved"],
    );
    const ruleRef = { id: rule.id, name: rule.name, level: "org" };
    const byKind = Object.fromEntries(events.map((e) => [e.kind, e]));
    expect(byKind.severity_changed!.data).toEqual({
      from: "high",
      to: "low",
      reason: "Staging only",
      rule: ruleRef,
      actorLabel: 'rule "Checkout belongs to platform"',
    });
    expect(byKind.assigned!.data).toMatchObject({
      assigneeId: t.users.editor.id,
      assigneeName: t.users.editor.name,
      previousAssigneeId: null,
      rule: ruleRef,
    });
    expect(byKind.moved!.data).toMatchObject({
      fromTeamId: shop.id,
      fromTeamName: "Shop",
      toTeamId: platform.id,
      toTeamName: "Platform",
    });
    expect(byKind.tagged!.data).toMatchObject({ tags: ["payments", "pci"] });
    expect(new Date(byKind.snoozed!.data.until).getTime()).toBe(now.getTime() + 3 * DAY);
    expect(byKind.due_changed!.data).toMatchObject({ days: 10, previousDays: null });
    expect(byKind.resolved!.data).toMatchObject({
      resolution: "working_as_intended",
      reason: "Bursty by design",
      rule: { id: resolver.id, name: "Storefront is fine", level: "org" },
    });
    expect(new Date(byKind.resolved!.data.expiresAt).getTime()).toBe(now.getTime() + 30 * DAY);
    const { rows: resolvedBy } = await pool.query(`SELECT resolved_by_id FROM findings WHERE id = $1`, [
      storefrontCpu.id,
    ]);
    expect(resolvedBy[0].resolved_by_id).toBeNull();

    // Re-running changes nothing: the snooze keeps its end, no new event.
    const again = await applyAll(org, new Date(now.getTime() + DAY));
    expect(again.changedFindings).toBe(0);

    // Disabled: every change undone, each with an event that says so.
    await pool.query(`UPDATE automation_rules SET enabled = false WHERE id = ANY($1::uuid[])`, [
      [rule.id, resolver.id],
    ]);
    const undone = await applyAll(org);
    expect(undone.changedIds.sort()).toEqual([...ids, storefrontCpu.id].sort());
    rows = await openFindings(org);
    for (const f of rows.filter((r) => ids.includes(r.id))) {
      expect(f).toMatchObject({
        reported_severity: null,
        assignee_id: null,
        owner_team_id: shop.id,
        tags: [],
        snoozed_until: null,
        sla_days: null,
        rule_marks: null,
      });
    }
    expect(rows.find((f) => f.id === priv.id)!.severity).toBe("high");
    expect(rows.find((f) => f.id === storefrontCpu.id)).toMatchObject({
      resolution: null,
      resolution_expires_at: null,
      rule_marks: null,
    });
    const reverts = await eventsOf(
      [priv.id, storefrontCpu.id],
      ["severity_changed", "unassigned", "moved", "untagged", "unsnoozed", "due_changed", "unresolved"],
    );
    const reverted = reverts.filter((e) => e.data.reverted === true);
    expect(reverted.map((e) => e.kind).sort()).toEqual(
      ["due_changed", "moved", "severity_changed", "unassigned", "unresolved", "unsnoozed", "untagged"].sort(),
    );
    const back = reverted.find((e) => e.kind === "severity_changed")!;
    expect(back.data).toMatchObject({ from: "low", to: "high", rule: ruleRef, reverted: true });
    expect(reverted.find((e) => e.kind === "unresolved")!.data).toMatchObject({
      previousResolution: "working_as_intended",
    });
  });

  it("never overrides a person's decision, and a person can take over what a rule set", async () => {
    const { t } = await createEngineWorld();
    const org = t.org.id;
    await insertRule(org, {
      name: "Shop to the editor",
      conditions: [{ field: "namespace", values: ["shop-*"] }],
      actions: { assign: { userId: t.users.editor.id }, resolve: { resolution: "will_not_fix", reason: "Legacy" } },
    });
    await applyAll(org);
    const shopIds = (await openFindings(org)).filter((f) => f.namespace.startsWith("shop-")).map((f) => f.id);
    expect(shopIds).toHaveLength(4);
    const [unassigned, resolved, ...rest] = shopIds;

    // A person unassigns one (the rules run in the same transaction and leave it alone)…
    const ctx = triageCtx(org);
    const result = await assignFindings(ctx, [unassigned!], null);
    expect(result.changedIds).toEqual([unassigned]);
    // …and resolves one the rule had resolved with the same resolution: that is now theirs.
    expect(
      (await resolveFindings(ctx, [resolved!], { resolution: "will_not_fix", reason: "Really" })).changedIds,
    ).toEqual([resolved]);
    await applyAll(org);
    const after = new Map((await openFindings(org)).map((f) => [f.id, f]));
    expect(after.get(unassigned!)).toMatchObject({ assignee_id: null });
    expect(after.get(unassigned!)!.rule_marks).toMatchObject({ assignee: "manual" });
    expect(after.get(resolved!)).toMatchObject({ resolution: "will_not_fix", resolution_reason: "Really" });
    expect(after.get(resolved!)!.rule_marks).toMatchObject({ resolution: "manual" });

    // Disabling the rule undoes only what is still the rule's.
    await pool.query(`UPDATE automation_rules SET enabled = false WHERE org_id = $1`, [org]);
    await applyAll(org);
    const final = new Map((await openFindings(org)).map((f) => [f.id, f]));
    expect(final.get(resolved!)).toMatchObject({ resolution: "will_not_fix", assignee_id: null });
    expect(final.get(unassigned!)).toMatchObject({ resolution: null, assignee_id: null });
    for (const id of rest) expect(final.get(id)).toMatchObject({ resolution: null, assignee_id: null });
  });

  it("leaves alone assignments, snoozes and resolutions a person made before any rule", async () => {
    const { t } = await createEngineWorld();
    const org = t.org.id;
    const target = (await openFindings(org)).find((f) => f.namespace === "shop-api")!;
    await pool.query(`UPDATE findings SET assignee_id = $2 WHERE id = $1`, [target.id, t.users.admin.id]);
    await insertRule(org, {
      name: "Shop to the editor",
      conditions: [{ field: "namespace", values: ["shop-*"] }],
      actions: { assign: { userId: t.users.editor.id } },
    });
    await applyAll(org);
    const rows = await openFindings(org);
    expect(rows.find((f) => f.id === target.id)).toMatchObject({ assignee_id: t.users.admin.id, rule_marks: null });
    expect(rows.filter((f) => f.assignee_id === t.users.editor.id)).toHaveLength(3);
  });

  it("snoozes once: when the snooze runs out the rule does not snooze again", async () => {
    const { t } = await createEngineWorld();
    const org = t.org.id;
    const rule = await insertRule(org, {
      name: "Shop waits a day",
      conditions: [{ field: "namespace", values: ["shop-api"] }],
      actions: { snooze: { days: 1 } },
    });
    const now = new Date();
    expect((await applyAll(org, now)).changedFindings).toBe(2);
    expect(await expireSnoozes(new Date(now.getTime() + 2 * DAY))).toBeGreaterThanOrEqual(2);
    const rows = (await openFindings(org)).filter((f) => f.namespace === "shop-api");
    for (const f of rows) expect(f).toMatchObject({ snoozed_until: null, rule_marks: { snooze: `done:${rule.id}` } });
    expect((await applyAll(org, new Date(now.getTime() + 3 * DAY))).changedFindings).toBe(0);
  });

  it("keeps the team a rule gave a finding when owners are refreshed, and gives it back when the rule lets go", async () => {
    const { t, shop, platform } = await createEngineWorld();
    const org = t.org.id;
    const rule = await insertRule(org, {
      name: "Checkout is platform's",
      conditions: [{ field: "workload_name", values: ["checkout"] }],
      actions: { team: { teamId: platform.id } },
    });
    await applyAll(org);
    await inTransaction(pool, (client) => refreshFindingOwners(client, org, null));
    let checkout = (await openFindings(org)).filter((f) => f.name === "checkout");
    expect(checkout.map((f) => f.owner_team_id)).toEqual([platform.id, platform.id]);
    await pool.query(`UPDATE automation_rules SET expires_at = now() - interval '1 minute' WHERE id = $1`, [rule.id]);
    await applyAll(org);
    checkout = (await openFindings(org)).filter((f) => f.name === "checkout");
    expect(checkout.map((f) => f.owner_team_id)).toEqual([shop.id, shop.id]);
  });
});
