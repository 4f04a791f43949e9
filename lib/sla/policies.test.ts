import { afterEach, describe, expect, it } from "vitest";
import { authorizeOrg } from "@/lib/auth/access";
import { db } from "@/lib/server/db";
import { createTestTenant } from "@/lib/testing/factories";
import { formOf } from "@/lib/testing/forms";
import { signInAs } from "@/lib/testing/session";
import { clearTeamSlaPolicyAction, setOrgSlaPolicyAction, setTeamSlaPolicyAction } from "./actions";
import { orgTokenSlaContext, slaContextOf } from "./context";
import { effectiveSlaPolicy, teamPolicyProblems } from "./policy-rules";
import { getEffectiveSla, getSlaPolicies } from "./queries";
import { DEFAULT_SLA_POLICY } from "./schemas";
import { setOrgSlaPolicy } from "./set-org-sla-policy";
import { clearTeamSlaPolicy, setTeamSlaPolicy } from "./set-team-sla-policy";

// SLA policies: the org's days per severity (built-in defaults until saved), a team's stricter own,
// who may change which, and that another tenant can do neither.

afterEach(() => signInAs(null));

const ctxAs = async (user: { id: string; email: string; name: string }, orgSlug: string) => {
  signInAs(user);
  return slaContextOf(await authorizeOrg(orgSlug));
};

describe("policy rules", () => {
  it("lets a team only be stricter, and set days where the org has none", () => {
    const org = { critical: 7, high: 30, medium: null, low: null };
    expect(teamPolicyProblems(org, { critical: 3, high: 30, medium: 45, low: null })).toEqual({});
    expect(teamPolicyProblems(org, { critical: 8, high: 31, medium: null, low: null })).toEqual({
      critical: expect.stringContaining("at most 7 days"),
      high: expect.stringContaining("at most 30 days"),
    });
  });

  it("applies the stricter of the org's and the team's own days", () => {
    const org = { critical: 7, high: 30, medium: null, low: 90 };
    expect(effectiveSlaPolicy(org, { critical: 3, high: null, medium: 60, low: 120 })).toEqual({
      critical: 3,
      high: 30,
      medium: 60,
      low: 90,
    });
    expect(effectiveSlaPolicy(org, null)).toEqual(org);
  });
});

describe("SLA policies", () => {
  it("starts at the built-in defaults and saves the org's policy with an audit row", async () => {
    const t = await createTestTenant();
    expect(await getSlaPolicies(t.org.id)).toEqual({ org: DEFAULT_SLA_POLICY, orgIsDefault: true, teams: [] });

    const admin = await ctxAs(t.users.admin, t.org.slug);
    await setOrgSlaPolicy(admin, { critical: 5, high: "", medium: "60", low: null });
    const saved = await getSlaPolicies(t.org.id);
    expect(saved).toMatchObject({ org: { critical: 5, high: null, medium: 60, low: null }, orgIsDefault: false });

    const audit = await db.auditLog.findFirstOrThrow({ where: { orgId: t.org.id, action: "sla.org_policy_changed" } });
    expect(audit.before).toEqual({ ...DEFAULT_SLA_POLICY, default: true });
    expect(audit.after).toEqual({ critical: 5, high: null, medium: 60, low: null });
  });

  it("refuses bad days field by field", async () => {
    const t = await createTestTenant();
    const result = await (async () => {
      signInAs(t.users.admin);
      return setOrgSlaPolicyAction(null, formOf({ org: t.org.slug, critical: "0", high: "1.5", medium: "x", low: "" }));
    })();
    expect(result).toMatchObject({ ok: false, error: { code: "bad_request" } });
    if (result.ok) throw new Error("unreachable");
    expect(Object.keys(result.error.fieldErrors ?? {}).sort()).toEqual(["critical", "high", "medium"]);
  });

  it("lets a team admin set a stricter policy, refuses a laxer one per field, and clears it", async () => {
    const t = await createTestTenant();
    const teamAdmin = await ctxAs(t.users.teamAdmin, t.org.slug);

    await expect(
      setTeamSlaPolicy(teamAdmin, t.team.id, { critical: 10, high: 20, medium: null, low: 400 }),
    ).rejects.toMatchObject({
      code: "bad_request",
      details: { fieldErrors: { critical: [expect.stringContaining("at most 7 days")] } },
    });
    // Low has no SLA at the org (defaults): a team may set one.
    await setTeamSlaPolicy(teamAdmin, t.team.id, { critical: 3, high: null, medium: null, low: 120 });
    expect(await getEffectiveSla(t.org.id, t.team.id)).toMatchObject({
      policy: { critical: 3, high: 30, medium: 90, low: 120 },
      team: { critical: 3, high: null, medium: null, low: 120 },
    });
    expect((await getSlaPolicies(t.org.id)).teams).toEqual([
      { teamId: t.team.id, teamSlug: t.team.slug, teamName: t.team.name, policy: expect.any(Object) },
    ]);
    expect(await getEffectiveSla(t.org.id, t.otherTeam.id)).toMatchObject({ policy: DEFAULT_SLA_POLICY, team: null });

    // Through the action: the form's field errors.
    const refused = await setTeamSlaPolicyAction(
      null,
      formOf({ org: t.org.slug, team: t.team.slug, critical: "9", high: "", medium: "", low: "" }),
    );
    expect(refused).toMatchObject({ ok: false, error: { fieldErrors: { critical: [expect.any(String)] } } });

    expect(await clearTeamSlaPolicyAction(null, formOf({ org: t.org.slug, team: t.team.slug }))).toEqual({
      ok: true,
      data: { cleared: true },
    });
    expect(await getEffectiveSla(t.org.id, t.team.id)).toMatchObject({ team: null });
    const actions = await db.auditLog.findMany({
      where: { orgId: t.org.id, action: { startsWith: "sla.team" } },
      orderBy: { createdAt: "asc" },
      select: { action: true, before: true, after: true },
    });
    expect(actions.map((a) => a.action)).toEqual(["sla.team_policy_changed", "sla.team_policy_cleared"]);
    expect(actions[1]!.before).toMatchObject({ critical: 3, low: 120 });
  });

  it("refuses members what their role does not allow", async () => {
    const t = await createTestTenant();
    const policy = { critical: 3, high: null, medium: null, low: null };
    // A team admin cannot change the org's policy nor another team's.
    const teamAdmin = await ctxAs(t.users.teamAdmin, t.org.slug);
    await expect(setOrgSlaPolicy(teamAdmin, DEFAULT_SLA_POLICY)).rejects.toMatchObject({ code: "forbidden" });
    await expect(setTeamSlaPolicy(teamAdmin, t.otherTeam.id, policy)).rejects.toMatchObject({ code: "not_found" });
    // An editor of the team reads but does not change it.
    const editor = await ctxAs(t.users.editor, t.org.slug);
    await expect(setTeamSlaPolicy(editor, t.team.id, policy)).rejects.toMatchObject({ code: "forbidden" });
    await expect(clearTeamSlaPolicy(editor, t.team.id)).rejects.toMatchObject({ code: "forbidden" });
    signInAs(t.users.editor);
    expect(
      await setOrgSlaPolicyAction(null, formOf({ org: t.org.slug, critical: "1", high: "", medium: "", low: "" })),
    ).toMatchObject({ ok: false, error: { code: "forbidden" } });
    // Org admins act as admins of every team; an admin token as an org admin, a read token not.
    const admin = await ctxAs(t.users.admin, t.org.slug);
    await setTeamSlaPolicy(admin, t.otherTeam.id, policy);
    const token = { tokenId: "00000000-0000-0000-0000-000000000001", label: "terraform" };
    await expect(setOrgSlaPolicy(orgTokenSlaContext(t.org.id, token, false), policy)).rejects.toMatchObject({
      code: "forbidden",
    });
    expect(await db.slaPolicy.count({ where: { orgId: t.org.id } })).toBe(1);
  });

  it("keeps tenants apart: another org's admin neither reads nor changes this org's policies", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    const aAdmin = await ctxAs(a.users.admin, a.org.slug);
    await setOrgSlaPolicy(aAdmin, { critical: 2, high: 10, medium: 30, low: null });
    const stranger = await ctxAs(b.users.owner, b.org.slug);
    // Org B's context names org B: org A's team is not found, org A's policy untouched.
    await expect(setTeamSlaPolicy(stranger, a.team.id, { ...DEFAULT_SLA_POLICY, critical: 1 })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(clearTeamSlaPolicy(stranger, a.team.id)).rejects.toMatchObject({ code: "not_found" });
    await setOrgSlaPolicy(stranger, { critical: 1, high: 1, medium: 1, low: 1 });
    expect((await getSlaPolicies(a.org.id)).org).toEqual({ critical: 2, high: 10, medium: 30, low: null });
    // The actions resolve the org from the form: org A is not found for B's owner.
    signInAs(b.users.owner);
    const form = { org: a.org.slug, critical: "1", high: "", medium: "", low: "" };
    expect(await setOrgSlaPolicyAction(null, formOf(form))).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await setTeamSlaPolicyAction(null, formOf({ ...form, team: a.team.slug }))).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
  });
});
