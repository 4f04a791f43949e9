import { describe, expect, it } from "vitest";
import { createTestTenant } from "@/lib/testing/factories";
import { signInAs } from "@/lib/testing/session";
import {
  enableAuthInterrupts,
  statusOf,
  teamPageProps,
  teamPageStatuses,
  SEEN_BY_THE_TEAM,
} from "@/lib/testing/page-status";
import TeamLayout from "./layout";
import TeamHomePage from "./(overview)/page";

enableAuthInterrupts();

describe("team home page", () => {
  it("renders for any role on the team and for org admins; 404 for other teams and other orgs", async () => {
    expect(await teamPageStatuses(TeamHomePage)).toEqual(SEEN_BY_THE_TEAM);
  });

  it("refuses in the layout too, before the page's loading skeleton streams a 200", async () => {
    const a = await createTestTenant();
    const layout = (org: string, team: string) => TeamLayout({ children: null, ...teamPageProps(org, team) });
    signInAs(a.users.viewer);
    expect(await statusOf(layout(a.org.slug, a.team.slug))).toBe("rendered");
    expect(await statusOf(layout(a.org.slug, a.otherTeam.slug))).toBe("404");
    signInAs(a.users.member);
    expect(await statusOf(layout(a.org.slug, a.team.slug))).toBe("404");
  });
});
