import { describe, expect, it } from "vitest";
import { createTestTenant } from "@/lib/testing/factories";
import { signInAs } from "@/lib/testing/session";
import { enableAuthInterrupts, statusOf } from "@/lib/testing/page-status";
import TeamsSettingsPage from "./page";
import TeamSettingsPage from "./[team]/page";

enableAuthInterrupts();

const noQuery = () => Promise.resolve({});
const orgProps = (org: string) => ({ params: Promise.resolve({ org }), searchParams: noQuery() });
const teamProps = (org: string, team: string) => ({ params: Promise.resolve({ org, team }), searchParams: noQuery() });

describe("team settings pages", () => {
  it("render for org admins, 403 for members (team admins included), 404 across orgs and for unknown teams", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    signInAs(a.users.admin);
    expect(await statusOf(TeamsSettingsPage(orgProps(a.org.slug)))).toBe("rendered");
    expect(await statusOf(TeamSettingsPage(teamProps(a.org.slug, a.team.slug)))).toBe("rendered");
    expect(await statusOf(TeamSettingsPage(teamProps(a.org.slug, "no-such-team")))).toBe("404");
    expect(await statusOf(TeamSettingsPage(teamProps(a.org.slug, b.team.slug)))).toBe("404");
    signInAs(a.users.teamAdmin);
    expect(await statusOf(TeamsSettingsPage(orgProps(a.org.slug)))).toBe("403");
    expect(await statusOf(TeamSettingsPage(teamProps(a.org.slug, a.team.slug)))).toBe("403");
    signInAs(b.users.owner);
    expect(await statusOf(TeamsSettingsPage(orgProps(a.org.slug)))).toBe("404");
    expect(await statusOf(TeamSettingsPage(teamProps(a.org.slug, a.team.slug)))).toBe("404");
  });
});
