import { describe, expect, it } from "vitest";
import { authorizeOrg, authorizeTeam } from "@/lib/auth/access";
import { findingScopeOf } from "@/lib/auth/visibility-scope";
import { createTriageTenant } from "@/lib/findings/triage-testing";
import { pool } from "@/lib/server/db";
import { signInAs } from "@/lib/testing/session";
import { getTeamPolicy, listOrgChecks, summarizeTeamOverrides } from "./queries";
import { updateOrgCheckSetting, updateTeamCheckSetting } from "./update-settings";

const defaults = { enabled: false, severity: "", blockAdmission: false, blockCi: false };

/** The check with the most findings of `teamId` in the tenant's Polaris report. */
async function busiestCheck(orgId: string, teamId: string) {
  const { rows } = await pool.query<{ checkId: string; ids: string[] }>(
    `SELECT check_id AS "checkId", array_agg(id ORDER BY id) AS ids FROM findings
      WHERE org_id = $1 AND owner_team_id = $2 AND state = 'open'
      GROUP BY check_id ORDER BY count(*) DESC, check_id LIMIT 1`,
    [orgId, teamId],
  );
  return rows[0]!;
}

describe("policy queries", () => {
  it("counts a check's open findings as the findings list does, within the caller's teams", async () => {
    const t = await createTriageTenant();
    const { checkId, ids } = await busiestCheck(t.org.id, t.team.id);
    expect(ids.length).toBeGreaterThanOrEqual(3);
    signInAs(t.users.admin);
    const admin = findingScopeOf(await authorizeOrg(t.org.slug));
    signInAs(t.users.viewer);
    const viewer = findingScopeOf(await authorizeOrg(t.org.slug));
    const countOf = async (scope: typeof admin) =>
      (await listOrgChecks(scope)).checks.find((c) => c.check.id === checkId)!.openFindings;

    const { rows } = await pool.query<{ all: number; team: number }>(
      `SELECT count(*)::int AS all, count(*) FILTER (WHERE owner_team_id = $3)::int AS team
         FROM findings WHERE org_id = $1 AND check_id = $2 AND state = 'open'`,
      [t.org.id, checkId, t.team.id],
    );
    expect(await countOf(admin)).toBe(rows[0]!.all);
    expect(await countOf(viewer)).toBe(rows[0]!.team);

    // Snoozed, resolved and fixed findings are not open.
    await pool.query(`UPDATE findings SET snoozed_until = now() + interval '1 day' WHERE id = $1`, [ids[0]]);
    await pool.query(`UPDATE findings SET resolution = 'will_not_fix' WHERE id = $1`, [ids[1]]);
    await pool.query(`UPDATE findings SET status = 'fixed', fixed_at = now() WHERE id = $1`, [ids[2]]);
    expect(await countOf(admin)).toBe(rows[0]!.all - 3);
    expect(await countOf(viewer)).toBe(rows[0]!.team - 3);
  });

  it("counts the teams that tighten a check, until the org's own setting makes their override moot", async () => {
    const t = await createTriageTenant();
    signInAs(t.users.admin);
    const admin = await authorizeOrg(t.org.slug, "org:settings:manage");
    const scope = findingScopeOf(admin);
    const tighteningOf = async () =>
      (await listOrgChecks(scope)).checks.find((c) => c.check.id === "hostPortSet")!.tighteningTeams;

    for (const team of [t.team, t.otherTeam]) {
      const access = await authorizeTeam(t.org.slug, team.slug, "team:policies:manage");
      await updateTeamCheckSetting(access, { ...defaults, checkId: "hostPortSet", blockAdmission: true });
    }
    expect(await tighteningOf()).toBe(2);
    const teams = [t.team, t.otherTeam].map((team) => ({ id: team.id, slug: team.slug, name: team.name }));
    expect((await summarizeTeamOverrides(t.org.id, teams)).map((s) => s.stricter)).toEqual([
      [
        {
          checkId: "hostPortSet",
          title: "Host port used",
          effective: expect.objectContaining({ blockAdmission: true }),
        },
      ],
      [
        {
          checkId: "hostPortSet",
          title: "Host port used",
          effective: expect.objectContaining({ blockAdmission: true }),
        },
      ],
    ]);

    await updateOrgCheckSetting(admin, { ...defaults, enabled: true, checkId: "hostPortSet", blockAdmission: true });
    expect(await tighteningOf()).toBe(0);
    expect((await summarizeTeamOverrides(t.org.id, teams)).map((s) => s.stricter)).toEqual([[], []]);
    const view = (await getTeamPolicy(t.org.id, t.team.id)).checks.find((c) => c.check.id === "hostPortSet")!;
    expect(view.org.blockAdmission).toBe(true);
    expect(view.effective).toEqual(view.org);
  });

  it("shows a team the org's baseline, its override and the stricter of the two", async () => {
    const t = await createTriageTenant();
    signInAs(t.users.admin);
    const admin = await authorizeOrg(t.org.slug, "org:settings:manage");
    await updateOrgCheckSetting(admin, { ...defaults, checkId: "cpuLimitsMissing" });
    const access = await authorizeTeam(t.org.slug, t.team.slug, "team:policies:manage");
    await updateTeamCheckSetting(access, { ...defaults, checkId: "cpuLimitsMissing", enabled: true, severity: "high" });
    const policy = await getTeamPolicy(t.org.id, t.team.id);
    const view = policy.checks.find((c) => c.check.id === "cpuLimitsMissing")!;
    expect(view.org).toEqual({ enabled: false, severity: "low", blockAdmission: false, blockCi: false });
    expect(view.team).toMatchObject({ enabled: true, severity: "high" });
    expect(view.effective).toEqual({ enabled: true, severity: "high", blockAdmission: false, blockCi: false });
    expect(policy.passive).toBe(false);
  });
});
