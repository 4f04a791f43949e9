import { describe, expect, it } from "vitest";
import { setPolicyModeAction, updateOrgCheckAction, updateTeamCheckAction } from "@/lib/policies/actions";
import { createExemptionAction, deleteExemptionAction } from "@/lib/policies/actions";
import { authorizeOrg, authorizeTeam } from "@/lib/auth/access";
import { db } from "@/lib/server/db";
import { createTestTenant } from "@/lib/testing/factories";
import { signInAs } from "@/lib/testing/session";
import { createPolicyExemption } from "./exemptions-admin";
import { getTeamPolicy, listExemptions, listOrgChecks } from "./queries";
import { updateOrgCheckSetting, updateTeamCheckSetting } from "./update-settings";
import { formOf } from "@/lib/testing/forms";

// Policy settings are a tenant's own: another org's admin neither reads nor changes them, a team
// admin changes only their own team's overrides, and an override can only tighten.

async function tenantWithPolicies() {
  const t = await createTestTenant();
  signInAs(t.users.admin);
  const admin = await authorizeOrg(t.org.slug, "org:settings:manage");
  const flags = { enabled: false, severity: "", blockAdmission: true, blockCi: false };
  await updateOrgCheckSetting(admin, { ...flags, checkId: "hostNetworkSet", enabled: true });
  const teamAccess = await authorizeTeam(t.org.slug, t.team.slug, "team:policies:manage");
  await updateTeamCheckSetting(teamAccess, { ...flags, checkId: "runAsRootAllowed" });
  const exemption = await createPolicyExemption(admin, {
    checkIds: ["hostPathSet"],
    namespace: "monitoring",
    reason: "Node exporter reads the host's /proc",
    expiresAt: null,
  });
  signInAs(null);
  return { ...t, exemptionId: exemption.id };
}

/** Everything of the tenant's policy that a stranger must not have changed. */
async function policyState(orgId: string) {
  const [org, settings, teams, exemptions] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: orgId }, select: { policyPassive: true } }),
    db.policySetting.findMany({ where: { orgId }, orderBy: { checkId: "asc" } }),
    db.teamPolicySetting.findMany({ where: { orgId }, orderBy: { checkId: "asc" } }),
    db.policyExemption.findMany({ where: { orgId }, orderBy: { id: "asc" } }),
  ]);
  return { org, settings, teams, exemptions };
}

describe("policy settings across tenants", () => {
  it("another org's admin can neither read nor change this org's settings, overrides or exemptions", async () => {
    const a = await tenantWithPolicies();
    const b = await createTestTenant();
    const before = await policyState(a.org.id);
    signInAs(b.users.owner);

    // Reading goes through the org guard, which does not know the caller in org A.
    await expect(authorizeOrg(a.org.slug)).rejects.toMatchObject({ code: "not_found" });
    await expect(authorizeTeam(a.org.slug, a.team.slug)).rejects.toMatchObject({ code: "not_found" });

    const notFound = { ok: false, error: { code: "not_found" } };
    expect(
      await updateOrgCheckAction(null, formOf({ org: a.org.slug, checkId: "hostNetworkSet", severity: "" })),
    ).toMatchObject(notFound);
    expect(await setPolicyModeAction(null, formOf({ org: a.org.slug, passive: "on" }))).toMatchObject(notFound);
    expect(
      await updateTeamCheckAction(null, formOf({ org: a.org.slug, team: a.team.slug, checkId: "runAsRootAllowed" })),
    ).toMatchObject(notFound);
    // Their own org's slug with org A's ids: the team is not found in B, the exemption neither.
    expect(
      await updateTeamCheckAction(null, formOf({ org: b.org.slug, team: a.team.slug, checkId: "runAsRootAllowed" })),
    ).toMatchObject(notFound);
    expect(await deleteExemptionAction(null, formOf({ org: a.org.slug, id: a.exemptionId }))).toMatchObject(notFound);
    expect(await deleteExemptionAction(null, formOf({ org: b.org.slug, id: a.exemptionId }))).toMatchObject(notFound);
    expect(
      await createExemptionAction(
        null,
        formOf({ org: b.org.slug, checkIds: "hostPathSet", teamId: a.team.id, reason: "Borrowing a team" }),
      ),
    ).toMatchObject({ ok: false, error: { code: "not_found", fieldErrors: { teamId: ["Team not found."] } } });

    expect(await policyState(a.org.id)).toEqual(before);
    expect(await db.policyExemption.count({ where: { orgId: b.org.id } })).toBe(0);
    // B's own reads show B's defaults, nothing of A.
    const own = await listOrgChecks({ orgId: b.org.id, teamIds: null, unassigned: true });
    expect(own.checks.every((c) => !c.customized && c.tighteningTeams === 0)).toBe(true);
    expect(await listExemptions(b.org.id)).toEqual([]);
  });

  it("a team admin changes their own team's overrides, not another team's, and members change no org setting", async () => {
    const t = await tenantWithPolicies();
    const before = await policyState(t.org.id);
    signInAs(t.users.teamAdmin);
    const check = (team: string) => formOf({ org: t.org.slug, team, checkId: "hostPortSet", blockCi: "on" });
    expect(await updateTeamCheckAction(null, check(t.otherTeam.slug))).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
    expect(
      await updateOrgCheckAction(null, formOf({ org: t.org.slug, checkId: "hostPortSet", blockCi: "on" })),
    ).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(
      await createExemptionAction(null, formOf({ org: t.org.slug, checkIds: "*", reason: "Everything, please" })),
    ).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await policyState(t.org.id)).toEqual(before);

    // An editor of the same team reads it but does not change it.
    signInAs(t.users.editor);
    expect(await updateTeamCheckAction(null, check(t.team.slug))).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    expect(await policyState(t.org.id)).toEqual(before);

    signInAs(t.users.teamAdmin);
    expect(await updateTeamCheckAction(null, check(t.team.slug))).toEqual({
      ok: true,
      data: { checkId: "hostPortSet", saved: true },
    });
    const policy = await getTeamPolicy(t.org.id, t.team.id);
    expect(policy.checks.find((c) => c.check.id === "hostPortSet")?.effective.blockCi).toBe(true);
    const other = await getTeamPolicy(t.org.id, t.otherTeam.id);
    expect(other.checks.find((c) => c.check.id === "hostPortSet")?.effective.blockCi).toBe(false);
  });

  it("refuses a team severity below the org's, naming the org's value, and keeps the override as it was", async () => {
    const t = await tenantWithPolicies();
    signInAs(t.users.admin);
    expect(
      await updateOrgCheckAction(null, formOf({ org: t.org.slug, checkId: "livenessProbeMissing", severity: "high" })),
    ).toMatchObject({ ok: true });
    signInAs(t.users.teamAdmin);
    const looser = await updateTeamCheckAction(
      null,
      formOf({ org: t.org.slug, team: t.team.slug, checkId: "livenessProbeMissing", severity: "medium" }),
    );
    expect(looser).toEqual({
      ok: false,
      error: {
        code: "conflict",
        message: "The org sets this check to high; a team can raise it but not lower it to medium.",
        fieldErrors: { severity: [expect.stringContaining("to high")] },
      },
    });
    expect(await db.teamPolicySetting.count({ where: { teamId: t.team.id, checkId: "livenessProbeMissing" } })).toBe(0);
    const stricter = await updateTeamCheckAction(
      null,
      formOf({ org: t.org.slug, team: t.team.slug, checkId: "livenessProbeMissing", severity: "critical" }),
    );
    expect(stricter).toEqual({ ok: true, data: { checkId: "livenessProbeMissing", saved: true } });
  });
});
