import { afterEach, describe, expect, it } from "vitest";
import { createRule } from "@/lib/automation/rules/create-rule";
import { createRuleTenant, lowKubeSystem, type TRuleTenant } from "@/lib/automation/rules/test-helpers";
import { errorOf } from "@/lib/testing/http";
import { signInAs } from "@/lib/testing/session";
import { createOrgToken } from "@/lib/tokens/create-org-token";
import * as exportRoute from "./automation/export/route";
import * as importRoute from "./automation/import/route";
import * as moveRoute from "./automation/rules/[id]/move/route";
import * as ruleRoute from "./automation/rules/[id]/route";
import * as rulesRoute from "./automation/rules/route";

// /api/v1/automation: the same verbs and checks as the pages, for scripts with org tokens (read
// tokens read, admin tokens write) and for signed-in callers by their roles.

const BASE = "http://bumpers.test";
type THandler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type TRule = { id: string; name: string; position: number; teamId: string | null };

function call(
  handler: unknown,
  method: string,
  path: string,
  init: { token?: string; body?: unknown; params?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = init.token ? { authorization: `Bearer ${init.token}` } : { origin: BASE };
  const body =
    init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body);
  return (handler as THandler)(new Request(BASE + path, { method, headers, body }), {
    params: Promise.resolve(init.params ?? {}),
  });
}

async function tokens(t: TRuleTenant) {
  const admin = await createOrgToken(t.org.id, t.actor, { name: "terraform", kind: "org_admin" });
  const read = await createOrgToken(t.org.id, t.actor, { name: "reader", kind: "org_read" });
  return { admin: admin.secret, read: read.secret };
}

afterEach(() => signInAs(null));

describe("/api/v1/automation/rules with org tokens", () => {
  it("an admin token creates, reads, changes, moves and deletes; a read token only reads", async () => {
    const t = await createRuleTenant();
    const { admin, read } = await tokens(t);
    const created = await call(rulesRoute.POST, "POST", "/api/v1/automation/rules", {
      token: admin,
      body: lowKubeSystem(),
    });
    expect(created.status).toBe(201);
    const rule = ((await created.json()) as { data: TRule }).data;
    const first = await call(rulesRoute.POST, "POST", "/api/v1/automation/rules", {
      token: admin,
      body: { ...lowKubeSystem({ name: "Goes first" }), index: 0 },
    });
    expect(first.status).toBe(201);
    const team = await call(rulesRoute.POST, "POST", `/api/v1/automation/rules?team=${t.team.slug}`, {
      token: admin,
      body: lowKubeSystem({ name: "Team rule" }),
    });
    expect(((await team.json()) as { data: TRule }).data.teamId).toBe(t.team.id);

    const list = await call(rulesRoute.GET, "GET", "/api/v1/automation/rules", { token: read });
    expect(((await list.json()) as { data: TRule[] }).data.map((r) => [r.position, r.name])).toEqual([
      [1, "Goes first"],
      [2, "kube-system on staging is low"],
    ]);
    const teamList = await call(rulesRoute.GET, "GET", `/api/v1/automation/rules?team=${t.team.slug}`, { token: read });
    expect(((await teamList.json()) as { data: TRule[] }).data.map((r) => r.name)).toEqual(["Team rule"]);

    const params = { id: rule.id };
    const patched = await call(ruleRoute.PATCH, "PATCH", `/api/v1/automation/rules/${rule.id}`, {
      token: admin,
      body: { enabled: false, note: "Paused" },
      params,
    });
    expect(((await patched.json()) as { data: TRule & { enabled: boolean } }).data).toMatchObject({
      enabled: false,
      note: "Paused",
      name: "kube-system on staging is low",
    });
    const moved = await call(moveRoute.POST, "POST", `/api/v1/automation/rules/${rule.id}/move`, {
      token: admin,
      body: { direction: "up" },
      params,
    });
    expect(((await moved.json()) as { data: TRule[] }).data[0].id).toBe(rule.id);

    for (const [handler, method, body] of [
      [rulesRoute.POST, "POST", lowKubeSystem()],
      [ruleRoute.PATCH, "PATCH", { name: "Nope" }],
      [ruleRoute.DELETE, "DELETE", undefined],
      [moveRoute.POST, "POST", { index: 0 }],
    ] as const) {
      const res = await call(handler, method, `/api/v1/automation/rules/${rule.id}`, { token: read, body, params });
      expect(res.status, method).toBe(403);
    }
    const got = await call(ruleRoute.GET, "GET", `/api/v1/automation/rules/${rule.id}`, { token: read, params });
    expect(((await got.json()) as { data: TRule }).data.name).toBe("kube-system on staging is low");
    const deleted = await call(ruleRoute.DELETE, "DELETE", `/api/v1/automation/rules/${rule.id}`, {
      token: admin,
      params,
    });
    expect(deleted.status).toBe(200);
    expect(
      (await call(ruleRoute.GET, "GET", `/api/v1/automation/rules/${rule.id}`, { token: read, params })).status,
    ).toBe(404);
  });

  it("validates like the editor: 400 naming the field, unknown keys refused, unknown team 404", async () => {
    const t = await createRuleTenant();
    const { admin } = await tokens(t);
    const bad = await call(rulesRoute.POST, "POST", "/api/v1/automation/rules", {
      token: admin,
      body: lowKubeSystem({ actions: { severity: { to: "low", reason: "" } } }),
    });
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).details).toMatchObject({ field: "actions.severity.reason" });
    const typo = await call(rulesRoute.POST, "POST", "/api/v1/automation/rules", {
      token: admin,
      body: { ...lowKubeSystem(), stopProcesing: true },
    });
    expect(typo.status).toBe(400);
    const teamRuleWithTeamAction = await call(rulesRoute.POST, "POST", `/api/v1/automation/rules?team=${t.team.slug}`, {
      token: admin,
      body: lowKubeSystem({ actions: { team: { teamId: t.otherTeam.id } } }),
    });
    expect((await errorOf(teamRuleWithTeamAction)).details).toMatchObject({ field: "actions.team" });
    const noTeam = await call(rulesRoute.GET, "GET", "/api/v1/automation/rules?team=nope", { token: admin });
    expect(noTeam.status).toBe(404);
  });

  it("never reaches another org's rules", async () => {
    const a = await createRuleTenant();
    const b = await createRuleTenant();
    const rule = await createRule(a.org.id, a.actor, a.team.id, lowKubeSystem());
    const { admin } = await tokens(b);
    const params = { id: rule.id };
    expect(
      (await call(ruleRoute.GET, "GET", `/api/v1/automation/rules/${rule.id}`, { token: admin, params })).status,
    ).toBe(404);
    const patch = await call(ruleRoute.PATCH, "PATCH", "/x", { token: admin, body: { name: "Mine" }, params });
    expect(patch.status).toBe(404);
    expect((await call(ruleRoute.DELETE, "DELETE", "/x", { token: admin, params })).status).toBe(404);
    // Naming org A while holding org B's token is refused, not a switch.
    const named = await call(rulesRoute.GET, "GET", `/api/v1/automation/rules?org=${a.org.slug}`, { token: admin });
    expect(named.status).toBe(403);
    const teamOfA = await call(rulesRoute.GET, "GET", `/api/v1/automation/rules?team=${a.team.slug}`, { token: admin });
    expect(teamOfA.status).toBe(404);
  });
});

describe("/api/v1/automation/rules signed in", () => {
  it("team admins manage their own team's list only; editors and members read at most", async () => {
    const t = await createRuleTenant();
    const orgRule = await createRule(t.org.id, t.actor, null, lowKubeSystem({ name: "Org rule" }));
    const otherRule = await createRule(t.org.id, t.actor, t.otherTeam.id, lowKubeSystem({ name: "Other team" }));
    const q = (team?: string) => `/api/v1/automation/rules?org=${t.org.slug}${team ? `&team=${team}` : ""}`;
    const post = (team?: string) => call(rulesRoute.POST, "POST", q(team), { body: lowKubeSystem() });

    signInAs(t.users.teamAdmin);
    expect((await post(t.team.slug)).status).toBe(201);
    expect((await post(t.otherTeam.slug)).status).toBe(404);
    expect((await post()).status).toBe(403);
    expect((await call(rulesRoute.GET, "GET", q())).status).toBe(200);
    const other = { id: otherRule.id };
    expect((await call(ruleRoute.GET, "GET", `/x?org=${t.org.slug}`, { params: other })).status).toBe(404);
    const orgPatch = await call(ruleRoute.PATCH, "PATCH", `/x?org=${t.org.slug}`, {
      body: { name: "Mine" },
      params: { id: orgRule.id },
    });
    expect(orgPatch.status).toBe(403);

    signInAs(t.users.editor);
    expect((await post(t.team.slug)).status).toBe(403);
    expect((await call(rulesRoute.GET, "GET", q(t.team.slug))).status).toBe(200);

    signInAs(t.users.member);
    expect((await call(rulesRoute.GET, "GET", q(t.team.slug))).status).toBe(404);
    expect((await call(rulesRoute.GET, "GET", q())).status).toBe(200);
    expect((await post()).status).toBe(403);

    signInAs(t.users.admin);
    expect((await post()).status).toBe(201);
    expect((await post(t.otherTeam.slug)).status).toBe(201);

    const stranger = await createRuleTenant();
    signInAs(stranger.users.owner);
    expect((await call(rulesRoute.GET, "GET", q())).status).toBe(404);
  });
});

describe("/api/v1/automation export and import", () => {
  it("exports YAML and imports it back (dry run by default); read tokens are refused", async () => {
    const t = await createRuleTenant();
    await createRule(t.org.id, t.actor, null, lowKubeSystem());
    const { admin, read } = await tokens(t);
    const exported = await call(exportRoute.GET, "GET", "/api/v1/automation/export", { token: admin });
    expect(exported.headers.get("content-type")).toContain("text/yaml");
    const text = await exported.text();
    expect(text).toContain("kind: AutomationRules");
    expect((await call(exportRoute.GET, "GET", "/api/v1/automation/export", { token: read })).status).toBe(200);

    const changed = text.replace("Platform noise on staging", "Noise");
    const dry = await call(importRoute.POST, "POST", "/api/v1/automation/import", { token: admin, body: changed });
    expect(((await dry.json()) as { data: unknown }).data).toMatchObject({
      applied: false,
      diff: { counts: { changed: 1 } },
    });
    const wrote = await call(importRoute.POST, "POST", "/api/v1/automation/import?dryRun=false", {
      token: admin,
      body: changed,
    });
    expect(((await wrote.json()) as { data: { applied: boolean } }).data.applied).toBe(true);
    const again = await call(exportRoute.GET, "GET", "/api/v1/automation/export", { token: admin });
    expect(await again.text()).toContain("reason: Noise");

    const refused = await call(importRoute.POST, "POST", "/api/v1/automation/import", { token: read, body: text });
    expect(refused.status).toBe(403);
    const broken = await call(importRoute.POST, "POST", "/api/v1/automation/import", {
      token: admin,
      body: "rules: [",
    });
    expect(broken.status).toBe(400);
    expect((await errorOf(broken)).details).toMatchObject({ issues: [{ line: expect.any(Number) }] });
    const badFlag = await call(importRoute.POST, "POST", "/api/v1/automation/import?dryRun=maybe", {
      token: admin,
      body: text,
    });
    expect((await errorOf(badFlag)).details).toMatchObject({ field: "dryRun" });

    signInAs(t.users.teamAdmin);
    const teamAdmin = await call(exportRoute.GET, "GET", `/api/v1/automation/export?org=${t.org.slug}`);
    expect(teamAdmin.status).toBe(403);
  });
});
