import { describe, expect, it } from "vitest";
import { createTestTenant } from "@/lib/testing/factories";
import { enableAuthInterrupts, orgPageProps, statusOf } from "@/lib/testing/page-status";
import { signInAs } from "@/lib/testing/session";
import TeamTicketSettingsPage from "../../teams/[team]/tickets/settings/page";
import TicketSettingsPage from "./page";

enableAuthInterrupts();

const teamProps = (org: string, team: string) => ({
  params: Promise.resolve({ org, team }),
  searchParams: Promise.resolve({}),
});

describe("ticket settings pages", () => {
  it("Settings → Tickets: org admins and owners; 403 for members; 404 for another org", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    for (const role of ["admin", "owner"] as const) {
      signInAs(a.users[role]);
      expect(await statusOf(TicketSettingsPage(orgPageProps(a.org.slug))), role).toBe("rendered");
    }
    for (const role of ["teamAdmin", "viewer"] as const) {
      signInAs(a.users[role]);
      expect(await statusOf(TicketSettingsPage(orgPageProps(a.org.slug))), role).toBe("403");
    }
    signInAs(b.users.owner);
    expect(await statusOf(TicketSettingsPage(orgPageProps(a.org.slug)))).toBe("404");
  });

  it("a team's ticket settings: its admins and org admins; 403 for its viewers; 404 elsewhere", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    for (const role of ["teamAdmin", "admin"] as const) {
      signInAs(a.users[role]);
      expect(await statusOf(TeamTicketSettingsPage(teamProps(a.org.slug, a.team.slug))), role).toBe("rendered");
    }
    signInAs(a.users.viewer);
    expect(await statusOf(TeamTicketSettingsPage(teamProps(a.org.slug, a.team.slug)))).toBe("403");
    signInAs(a.users.teamAdmin);
    expect(await statusOf(TeamTicketSettingsPage(teamProps(a.org.slug, a.otherTeam.slug)))).toBe("404");
    signInAs(b.users.owner);
    expect(await statusOf(TeamTicketSettingsPage(teamProps(a.org.slug, a.team.slug)))).toBe("404");
  });
});
