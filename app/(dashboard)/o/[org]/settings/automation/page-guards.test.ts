import { describe, expect, it } from "vitest";
import { createRule } from "@/lib/automation/rules/create-rule";
import { actorFor, createTestTenant } from "@/lib/testing/factories";
import {
  enableAuthInterrupts,
  orgPageProps,
  SEEN_BY_THE_TEAM,
  statusesByRole,
  teamPageProps,
  teamPageStatuses,
} from "@/lib/testing/page-status";
import TeamAutomationPage from "../../teams/[team]/automation/page";
import NewTeamRulePage from "../../teams/[team]/automation/new/page";
import TeamRulePage from "../../teams/[team]/automation/[id]/page";
import NewOrgRulePage from "./new/page";
import OrgRulePage from "./[id]/page";
import AutomationSettingsPage from "./page";

enableAuthInterrupts();

const rule = { name: "Snooze sandbox", conditions: [], actions: { snooze: { days: 7 } } };
const ADMINS_ONLY = { admin: "rendered", owner: "rendered", teamAdmin: "403", editor: "403", member: "403" };

describe("automation pages", () => {
  it("Settings → Automation and its rule pages: org admins and owners; 403 for members; 404 for another org", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    const orgRule = await createRule(a.org.id, actorFor(a.users.admin), null, rule);
    const teamRule = await createRule(a.org.id, actorFor(a.users.admin), a.team.id, rule);
    const roles = ["admin", "owner", "teamAdmin", "editor", "member"] as const;
    const withId = (id: string) => ({ ...orgPageProps(a.org.slug), params: Promise.resolve({ org: a.org.slug, id }) });
    expect(await statusesByRole(a, roles, () => AutomationSettingsPage(orgPageProps(a.org.slug)))).toEqual(ADMINS_ONLY);
    expect(await statusesByRole(a, roles, () => NewOrgRulePage(orgPageProps(a.org.slug)))).toEqual(ADMINS_ONLY);
    expect(await statusesByRole(a, roles, () => OrgRulePage(withId(orgRule.id)))).toEqual(ADMINS_ONLY);
    // A team's rule is not an org rule page.
    expect(await statusesByRole(a, ["owner"], () => OrgRulePage(withId(teamRule.id)))).toEqual({ owner: "404" });
    expect(await statusesByRole(b, ["owner"], () => AutomationSettingsPage(orgPageProps(a.org.slug)))).toEqual({
      owner: "404",
    });
  });

  it("a team's Automation tab: the whole team reads it; its admins (and org admins) add rules", async () => {
    expect(await teamPageStatuses(TeamAutomationPage)).toEqual(SEEN_BY_THE_TEAM);
    expect(await teamPageStatuses(NewTeamRulePage)).toEqual({
      ...SEEN_BY_THE_TEAM,
      viewer: "403",
      editor: "403",
    });
  });

  it("a team rule's page is the team's: another team's rule (or the org's) is a 404 there", async () => {
    const a = await createTestTenant();
    const actor = actorFor(a.users.admin);
    const own = await createRule(a.org.id, actor, a.team.id, rule);
    const other = await createRule(a.org.id, actor, a.otherTeam.id, rule);
    const org = await createRule(a.org.id, actor, null, rule);
    const props = (id: string) => ({
      ...teamPageProps(a.org.slug, a.team.slug),
      params: Promise.resolve({ org: a.org.slug, team: a.team.slug, id }),
    });
    const roles = ["viewer", "teamAdmin", "admin", "member"] as const;
    expect(await statusesByRole(a, roles, () => TeamRulePage(props(own.id)))).toEqual({
      viewer: "rendered",
      teamAdmin: "rendered",
      admin: "rendered",
      member: "404",
    });
    expect(await statusesByRole(a, ["admin"], () => TeamRulePage(props(other.id)))).toEqual({ admin: "404" });
    expect(await statusesByRole(a, ["admin"], () => TeamRulePage(props(org.id)))).toEqual({ admin: "404" });
  });
});
