import { describe, expect, it } from "vitest";
import { createTestTenant } from "@/lib/testing/factories";
import { enableAuthInterrupts, statusOf } from "@/lib/testing/page-status";
import { signInAs } from "@/lib/testing/session";
import TeamTicketsPage from "./page";

enableAuthInterrupts();

const props = (org: string, team: string, search: Record<string, string> = {}) => ({
  params: Promise.resolve({ org, team }),
  searchParams: Promise.resolve(search),
});

describe("a team's Tickets tab", () => {
  it("renders for everyone on the team and org admins; 404 for other teams' members and other orgs", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    for (const role of ["viewer", "editor", "teamAdmin", "admin", "owner"] as const) {
      signInAs(a.users[role]);
      expect(await statusOf(TeamTicketsPage(props(a.org.slug, a.team.slug))), role).toBe("rendered");
    }
    // A filter or a cursor that does not parse still shows the list.
    expect(await statusOf(TeamTicketsPage(props(a.org.slug, a.team.slug, { state: "maybe", cursor: "x" })))).toBe(
      "rendered",
    );
    signInAs(a.users.member);
    expect(await statusOf(TeamTicketsPage(props(a.org.slug, a.team.slug)))).toBe("404");
    signInAs(a.users.teamAdmin);
    expect(await statusOf(TeamTicketsPage(props(a.org.slug, a.otherTeam.slug)))).toBe("404");
    signInAs(b.users.owner);
    expect(await statusOf(TeamTicketsPage(props(a.org.slug, a.team.slug)))).toBe("404");
  });
});
