import { describe, expect, it } from "vitest";
import { createRule as createAlertRule } from "@/lib/alerting/rules/create-rule";
import { db } from "@/lib/server/db";
import { appErrorOf, codeOf } from "@/lib/testing/errors";
import { actorFor, addTeamMember, createTestTenant } from "@/lib/testing/factories";
import { MAX_RULES_PER_LIST } from "../schemas";
import { createRule } from "./create-rule";
import { deleteRule } from "./delete-rule";
import { moveRule } from "./move-rule";
import { getRule, listRules } from "./queries";
import { createRuleTenant, lowKubeSystem } from "./test-helpers";
import { setRuleEnabled, updateRule } from "./update-rule";

const names = (rules: { name: string; position: number }[]) => rules.map((r) => `${r.position}:${r.name}`);

describe("automation rule verbs", () => {
  it("keeps each list dense and in order through create (at the end or an index), move and delete", async () => {
    const t = await createRuleTenant();
    const a = await createRule(t.org.id, t.actor, null, lowKubeSystem({ name: "Ay" }));
    const b = await createRule(t.org.id, t.actor, null, lowKubeSystem({ name: "Bee" }));
    await createRule(t.org.id, t.actor, null, lowKubeSystem({ name: "First" }), { index: 0 });
    await createRule(t.org.id, t.actor, t.team.id, lowKubeSystem({ name: "Team" }));
    expect(names(await listRules(t.org.id, null))).toEqual(["1:First", "2:Ay", "3:Bee"]);
    expect(names(await listRules(t.org.id, t.team.id))).toEqual(["1:Team"]);

    expect(names(await moveRule(t.org.id, t.actor, null, b.id, "up"))).toEqual(["1:First", "2:Bee", "3:Ay"]);
    expect(names(await moveRule(t.org.id, t.actor, null, a.id, { index: 0 }))).toEqual(["1:Ay", "2:First", "3:Bee"]);
    // Past either end: clamped, nothing breaks.
    expect(names(await moveRule(t.org.id, t.actor, null, a.id, "up"))).toEqual(["1:Ay", "2:First", "3:Bee"]);
    expect(names(await moveRule(t.org.id, t.actor, null, a.id, { index: 99 }))).toEqual(["1:First", "2:Bee", "3:Ay"]);
    await deleteRule(t.org.id, t.actor, null, b.id);
    expect(names(await listRules(t.org.id, null))).toEqual(["1:First", "2:Ay"]);

    const view = await getRule(t.org.id, a.id);
    expect(view).toMatchObject({ teamId: null, createdBy: { id: t.users.admin.id }, lastRun: null, problem: null });
    expect(view.conditions[0]).toEqual({ field: "namespace", values: ["kube-system"], negate: false });
  });

  it("updates all or some settings, enables and disables, and audits each change with before and after", async () => {
    const t = await createRuleTenant();
    const rule = await createRule(t.org.id, t.actor, t.team.id, lowKubeSystem());
    const renamed = await updateRule(t.org.id, t.actor, t.team.id, rule.id, { name: "Renamed", note: "why" });
    expect(renamed).toMatchObject({ name: "Renamed", note: "why", conditions: rule.conditions, actions: rule.actions });
    const replaced = await updateRule(t.org.id, t.actor, t.team.id, rule.id, {
      ...lowKubeSystem({ name: "Snooze", actions: { snooze: { days: 7 } } }),
      stopProcessing: true,
      expiresAt: "2030-01-01T00:00:00Z",
    });
    expect(replaced.actions).toEqual({ snooze: { days: 7 } });
    expect(replaced).toMatchObject({ stopProcessing: true, expiresAt: new Date("2030-01-01T00:00:00Z") });
    expect((await setRuleEnabled(t.org.id, t.actor, t.team.id, rule.id, false)).enabled).toBe(false);
    await moveRule(t.org.id, t.actor, t.team.id, rule.id, "down");
    await deleteRule(t.org.id, t.actor, t.team.id, rule.id);

    const audit = await db.auditLog.findMany({
      where: { orgId: t.org.id, targetType: "automation_rule" },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual([
      "automation_rule.created",
      "automation_rule.updated",
      "automation_rule.updated",
      "automation_rule.disabled",
      "automation_rule.deleted",
    ]);
    expect(audit[0]).toMatchObject({ actorUserId: t.users.admin.id, targetId: rule.id, before: null });
    expect(audit[0].after).toMatchObject({ teamId: t.team.id, name: "kube-system on staging is low", position: 1 });
    expect(audit[1].before).toMatchObject({ name: "kube-system on staging is low", note: "" });
    expect(audit[1].after).toMatchObject({ name: "Renamed", note: "why" });
    expect(audit[2].after).toMatchObject({ actions: { snooze: { days: 7 } }, expiresAt: "2030-01-01T00:00:00.000Z" });
    expect(audit[4].before).toMatchObject({ name: "Snooze" });
  });

  it("refuses invalid input with a 400 naming the field", async () => {
    const t = await createRuleTenant();
    expect(await appErrorOf(createRule(t.org.id, t.actor, null, lowKubeSystem({ name: "x" })))).toMatchObject({
      code: "bad_request",
      details: { field: "name" },
    });
    expect(await appErrorOf(createRule(t.org.id, t.actor, null, lowKubeSystem({ actions: {} })))).toMatchObject({
      code: "bad_request",
      details: { field: "actions" },
    });
    const badPattern = lowKubeSystem({ conditions: [{ field: "namespace", values: ["kube system"] }] });
    expect(await appErrorOf(createRule(t.org.id, t.actor, null, badPattern))).toMatchObject({
      details: { field: "conditions.0.values.0" },
    });
  });

  it("keeps team rules inside their team: no team condition or action, the team's or org's connections", async () => {
    const t = await createRuleTenant();
    const team = (input: Parameters<typeof lowKubeSystem>[0]) =>
      appErrorOf(createRule(t.org.id, t.actor, t.team.id, lowKubeSystem(input)));
    expect(await team({ conditions: [{ field: "team", values: [t.team.id] }] })).toMatchObject({
      code: "bad_request",
      details: { field: "conditions.0.field" },
    });
    expect(await team({ actions: { team: { teamId: t.otherTeam.id } } })).toMatchObject({
      details: { field: "actions.team" },
    });
    expect(await team({ actions: { notify: { connectionId: t.connections.team, target: "#x" } } })).toEqual({
      code: "ok",
    });
    expect(await team({ actions: { notify: { connectionId: t.connections.org } } })).toEqual({ code: "ok" });
    expect(await team({ actions: { page: { destinationId: t.destinations.org } } })).toEqual({ code: "ok" });
    expect(await team({ actions: { page: { destinationId: t.destinations.otherTeam } } })).toMatchObject({
      details: { field: "actions.page.destinationId" },
    });
    // The org's rules may not send through a team's own connection.
    const org = await appErrorOf(
      createRule(t.org.id, t.actor, null, lowKubeSystem({ actions: { notify: { connectionId: t.connections.team } } })),
    );
    expect(org).toMatchObject({ details: { field: "actions.notify.connectionId" } });
  });

  it("assigns only to people who can see the findings, and names only the org's own teams and targets", async () => {
    const t = await createRuleTenant();
    const other = await createRuleTenant();
    const assign = (teamId: string | null, userId: string, extra: Partial<Parameters<typeof lowKubeSystem>[0]> = {}) =>
      appErrorOf(createRule(t.org.id, t.actor, teamId, lowKubeSystem({ actions: { assign: { userId } }, ...extra })));
    expect(await assign(t.team.id, t.users.editor.id)).toEqual({ code: "ok" });
    expect(await assign(t.team.id, t.users.admin.id)).toEqual({ code: "ok" });
    expect(await assign(t.team.id, t.users.member.id)).toMatchObject({ details: { field: "actions.assign.userId" } });
    expect(await assign(t.team.id, other.users.admin.id)).toMatchObject({
      details: { field: "actions.assign.userId" },
    });
    // An org rule: an org admin, or a member of every team it is limited to.
    expect(await assign(null, t.users.owner.id)).toEqual({ code: "ok" });
    expect(await assign(null, t.users.editor.id)).toMatchObject({ details: { field: "actions.assign.userId" } });
    expect(
      await assign(null, t.users.editor.id, {
        conditions: [{ field: "team", values: [t.team.id] }],
        actions: { assign: { userId: t.users.editor.id } },
      }),
    ).toEqual({ code: "ok" });

    const foreign = [
      { actions: { team: { teamId: other.team.id } }, field: "actions.team.teamId" },
      { conditions: [{ field: "team" as const, values: [other.team.id] }], field: "conditions.0.values" },
      { actions: { notify: { connectionId: other.connections.org } }, field: "actions.notify.connectionId" },
      { actions: { page: { destinationId: other.destinations.org } }, field: "actions.page.destinationId" },
    ];
    for (const { field, ...input } of foreign) {
      expect(await appErrorOf(createRule(t.org.id, t.actor, null, lowKubeSystem(input)))).toMatchObject({
        code: "bad_request",
        details: { field },
      });
    }
  });

  it("refuses a team rule that lowers what the org baseline pages for, naming the baseline rule", async () => {
    const t = await createRuleTenant();
    await createAlertRule(t.org.id, t.actor, null, {
      name: "Critical security",
      match: { minSeverity: "critical", categories: ["security"] },
      destinationId: t.destinations.org,
      pdSeverity: "critical",
    });
    const lowering = await appErrorOf(createRule(t.org.id, t.actor, t.team.id, lowKubeSystem()));
    expect(lowering).toMatchObject({ code: "bad_request", details: { field: "actions.severity.to" } });
    expect(lowering.message).toContain("Critical security");
    // Narrowed below what pages, or an org rule (the engine clamps only team rules): fine.
    const narrowed = lowKubeSystem({
      conditions: [{ field: "severity", op: "at_most", value: "high" }],
    });
    expect(await codeOf(createRule(t.org.id, t.actor, t.team.id, narrowed))).toBe("ok");
    expect(await codeOf(createRule(t.org.id, t.actor, null, lowKubeSystem()))).toBe("ok");
  });

  it("caps a list at MAX_RULES_PER_LIST", async () => {
    const t = await createRuleTenant();
    await db.automationRule.createMany({
      data: Array.from({ length: MAX_RULES_PER_LIST }, (_, i) => ({
        orgId: t.org.id,
        teamId: t.team.id,
        position: i + 1,
        name: `Rule ${i}`,
        actions: { snooze: { days: 1 } },
      })),
    });
    expect(
      await appErrorOf(createRule(t.org.id, t.actor, t.team.id, lowKubeSystem({ actions: { snooze: { days: 2 } } }))),
    ).toMatchObject({
      code: "bad_request",
    });
    expect(await codeOf(createRule(t.org.id, t.actor, t.otherTeam.id, lowKubeSystem()))).toBe("ok");
  });

  it("never reaches another list's or org's rule: not_found", async () => {
    const t = await createRuleTenant();
    const other = await createTestTenant();
    const rule = await createRule(t.org.id, t.actor, t.team.id, lowKubeSystem());
    const theirs = actorFor(other.users.admin);
    expect(await codeOf(updateRule(t.org.id, t.actor, t.otherTeam.id, rule.id, { name: "Mine now" }))).toBe(
      "not_found",
    );
    expect(await codeOf(updateRule(t.org.id, t.actor, null, rule.id, { name: "Org's now" }))).toBe("not_found");
    expect(await codeOf(deleteRule(t.org.id, t.actor, t.otherTeam.id, rule.id))).toBe("not_found");
    expect(await codeOf(moveRule(t.org.id, t.actor, t.otherTeam.id, rule.id, "up"))).toBe("not_found");
    expect(await codeOf(setRuleEnabled(t.org.id, t.actor, t.otherTeam.id, rule.id, false))).toBe("not_found");
    expect(await codeOf(deleteRule(other.org.id, theirs, t.team.id, rule.id))).toBe("not_found");
    expect(await codeOf(getRule(other.org.id, rule.id))).toBe("not_found");
    expect(await codeOf(getRule(t.org.id, "not-a-uuid"))).toBe("not_found");
    expect(await codeOf(createRule(other.org.id, theirs, t.team.id, lowKubeSystem()))).toBe("not_found");
    await addTeamMember(t.org.id, t.otherTeam.id, t.users.editor.id, "viewer");
    expect((await getRule(t.org.id, rule.id)).name).toBe("kube-system on staging is low");
  });
});
