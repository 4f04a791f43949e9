import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { db } from "@/lib/server/db";
import { appErrorOf } from "@/lib/testing/errors";
import { createRule } from "./create-rule";
import { listRules } from "./queries";
import { createRuleTenant, lowKubeSystem, type TRuleTenant } from "./test-helpers";
import { exportRulesYaml, importRulesYaml, type TYamlIssue } from "./yaml";

async function seedRules(t: TRuleTenant) {
  await createRule(t.org.id, t.actor, null, {
    name: "Payments owns shop",
    conditions: [
      { field: "namespace", values: ["shop-*"] },
      { field: "team", values: [t.otherTeam.id], negate: true },
    ],
    actions: {
      team: { teamId: t.team.id },
      assign: { userId: t.users.owner.id },
      page: { destinationId: t.destinations.org, severity: "critical" },
    },
    stopProcessing: true,
    expiresAt: "2031-05-01T00:00:00Z",
    note: "Until the shop moves",
  });
  await createRule(t.org.id, t.actor, null, lowKubeSystem({ enabled: false }));
  await createRule(
    t.org.id,
    t.actor,
    t.team.id,
    lowKubeSystem({
      name: "Tell the team",
      actions: { notify: { connectionId: t.connections.team, target: "#payments" }, due: { days: 14 } },
    }),
  );
}

const issuesOf = async (promise: Promise<unknown>) =>
  ((await appErrorOf(promise)) as { details?: { issues?: TYamlIssue[] } }).details?.issues ?? [];

describe("rules as YAML", () => {
  it("exports readable names, and importing the export changes nothing", async () => {
    const t = await createRuleTenant();
    await seedRules(t);
    const text = await exportRulesYaml(t.org.id);
    const doc = parse(text);
    expect(doc).toMatchObject({ apiVersion: "bumpers/v1", kind: "AutomationRules", org: t.org.slug });
    expect(doc.rules[0]).toEqual({
      name: "Payments owns shop",
      stopProcessing: true,
      expiresAt: "2031-05-01T00:00:00.000Z",
      note: "Until the shop moves",
      conditions: [
        { field: "namespace", values: ["shop-*"] },
        { field: "team", values: [t.otherTeam.slug], negate: true },
      ],
      actions: {
        team: { team: t.team.slug },
        assign: { user: t.users.owner.email },
        page: { destination: "Platform on call", severity: "critical" },
      },
    });
    expect(doc.rules[1]).toMatchObject({ name: "kube-system on staging is low", enabled: false });
    expect(doc.teams[t.team.slug][0].actions.notify).toEqual({ connection: "Team Slack", target: "#payments" });
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);

    const before = await db.auditLog.count({ where: { orgId: t.org.id } });
    const again = await importRulesYaml(t.org.id, t.actor, text, { dryRun: false });
    expect(again).toEqual({
      diff: { lists: [], counts: { added: 0, changed: 0, removed: 0, reordered: 0 }, unchanged: true },
      applied: false,
    });
    expect(await db.auditLog.count({ where: { orgId: t.org.id } })).toBe(before);
  });

  it("moves to another org by names, shows the diff on a dry run, then replaces the lists keeping ids", async () => {
    const a = await createRuleTenant();
    await seedRules(a);
    const b = await createRuleTenant();
    // The other org has the same names: its own teams are slugs of their own, so rename the file's.
    let text = (await exportRulesYaml(a.org.id))
      .replaceAll(a.team.slug, b.team.slug)
      .replaceAll(a.otherTeam.slug, b.otherTeam.slug)
      .replaceAll(a.users.owner.email, b.users.owner.email);
    const kept = await createRule(b.org.id, b.actor, null, lowKubeSystem({ name: "kube-system on staging is low" }));
    await createRule(b.org.id, b.actor, b.otherTeam.id, lowKubeSystem({ name: "Old team rule" }));

    const dry = await importRulesYaml(b.org.id, b.actor, text, { dryRun: true });
    expect(dry.applied).toBe(false);
    expect(dry.diff.counts).toEqual({ added: 2, changed: 1, removed: 1, reordered: 0 });
    expect(dry.diff.lists).toEqual(
      expect.arrayContaining([
        {
          team: null,
          added: ["Payments owns shop"],
          changed: [{ name: "kube-system on staging is low", fields: ["enabled"] }],
          removed: [],
          reordered: false,
        },
        { team: b.team.slug, added: ["Tell the team"], changed: [], removed: [], reordered: false },
        { team: b.otherTeam.slug, added: [], changed: [], removed: ["Old team rule"], reordered: false },
      ]),
    );
    expect(await listRules(b.org.id, b.otherTeam.id)).toHaveLength(1);

    const applied = await importRulesYaml(b.org.id, b.actor, text, { dryRun: false });
    expect(applied.applied).toBe(true);
    const org = await listRules(b.org.id, null);
    expect(org.map((r) => [r.position, r.name, r.enabled])).toEqual([
      [1, "Payments owns shop", true],
      [2, "kube-system on staging is low", false],
    ]);
    expect(org[1].id).toBe(kept.id);
    expect(org[0].actions.team).toEqual({ teamId: b.team.id });
    expect(await listRules(b.org.id, b.otherTeam.id)).toEqual([]);
    const actions = (
      await db.auditLog.findMany({ where: { orgId: b.org.id, action: { startsWith: "automation_rule" } } })
    )
      .map((r) => r.action)
      .sort();
    expect(actions).toEqual(
      [
        "automation_rule.created",
        "automation_rule.created",
        "automation_rule.created",
        "automation_rule.created",
        "automation_rule.deleted",
        "automation_rule.updated",
        "automation_rules.imported",
      ].sort(),
    );

    // Reordering is a change of its own.
    text = await exportRulesYaml(b.org.id);
    const swapped = parse(text);
    swapped.rules.reverse();
    const { Document } = await import("yaml");
    const reordered = await importRulesYaml(b.org.id, b.actor, new Document(swapped).toString(), { dryRun: true });
    expect(reordered.diff.lists).toEqual([{ team: null, added: [], changed: [], removed: [], reordered: true }]);
  });

  it("checks the whole file first and reports every problem with its line", async () => {
    const t = await createRuleTenant();
    await seedRules(t);
    const before = await exportRulesYaml(t.org.id);
    const text = [
      "apiVersion: bumpers/v1",
      "kind: AutomationRules",
      "rules:",
      "  - name: Bad pattern",
      "    conditions:",
      "      - field: namespace",
      "        values: [kube system]",
      "    actions:",
      "      assign: { user: nobody@example.com }",
      "  - name: x",
      "    actions: { snooze: { days: 7 }, explode: {} }",
      "teams:",
      "  no-such-team:",
      "    - name: Whatever",
      "      actions: { due: { days: 3 } }",
      `  ${t.team.slug}:`,
      "    - name: Reaches out",
      "      actions: { team: { team: " + t.otherTeam.slug + " } }",
    ].join("\n");
    const issues = await issuesOf(importRulesYaml(t.org.id, t.actor, text, { dryRun: true }));
    expect(issues.map((i) => [i.line, i.path])).toEqual(
      expect.arrayContaining([
        [13, "teams.no-such-team"],
        [7, "rules.0.conditions.0.values.0"],
        [9, "rules.0.actions.assign.user"],
        [11, "rules.1.actions.explode"],
        [10, "rules.1.name"],
        [18, `teams.${t.team.slug}.0.actions.team`],
      ]),
    );
    expect(issues.find((i) => i.path === "rules.0.actions.assign.user")?.message).toContain("nobody@example.com");
    // Nothing was written.
    expect(await exportRulesYaml(t.org.id)).toBe(before);

    const syntax = await appErrorOf(
      importRulesYaml(t.org.id, t.actor, "rules:\n  - name: [unclosed\n", { dryRun: true }),
    );
    expect(syntax.code).toBe("bad_request");
    expect((syntax.details as { issues: TYamlIssue[] }).issues[0].line).toBeGreaterThan(0);
    const shape = await issuesOf(
      importRulesYaml(t.org.id, t.actor, "apiVersion: v2\nkind: AutomationRules\n", { dryRun: true }),
    );
    expect(shape).toEqual([{ path: "apiVersion", line: 1, message: "apiVersion must be bumpers/v1." }]);
    const dup = await issuesOf(
      importRulesYaml(
        t.org.id,
        t.actor,
        "apiVersion: bumpers/v1\nkind: AutomationRules\nrules:\n  - {name: Same, actions: {due: {days: 1}}}\n  - {name: Same, actions: {due: {days: 2}}}\n",
        { dryRun: true },
      ),
    );
    expect(dup).toEqual([
      { path: "rules.1.name", line: 5, message: "Another rule of this list is already named “Same”." },
    ]);
  });
});
