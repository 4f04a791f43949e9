import { describe, expect, it } from "vitest";
import { createTestTenant } from "@/lib/testing/factories";
import { enableAuthInterrupts, statusOf } from "@/lib/testing/page-status";
import { signInAs } from "@/lib/testing/session";
import TeamNotificationsPage from "./page";

enableAuthInterrupts();

const props = (org: string, team: string) => ({
  params: Promise.resolve({ org, team }),
  searchParams: Promise.resolve({}),
});

describe("a team's Notifications tab", () => {
  it("renders for everyone on the team and org admins; 404 for other teams' members and other orgs", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    for (const role of ["viewer", "editor", "teamAdmin", "admin", "owner"] as const) {
      signInAs(a.users[role]);
      expect(await statusOf(TeamNotificationsPage(props(a.org.slug, a.team.slug))), role).toBe("rendered");
    }
    signInAs(a.users.member);
    expect(await statusOf(TeamNotificationsPage(props(a.org.slug, a.team.slug)))).toBe("404");
    signInAs(a.users.teamAdmin);
    expect(await statusOf(TeamNotificationsPage(props(a.org.slug, a.otherTeam.slug)))).toBe("404");
    signInAs(b.users.owner);
    expect(await statusOf(TeamNotificationsPage(props(a.org.slug, a.team.slug)))).toBe("404");
    expect(await statusOf(TeamNotificationsPage(props(b.org.slug, a.team.slug)))).toBe("404");
  });
});
