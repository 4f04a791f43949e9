import { describe, expect, it } from "vitest";
import { createTestTenant } from "@/lib/testing/factories";
import { signInAs } from "@/lib/testing/session";
import { enableAuthInterrupts, statusOf } from "@/lib/testing/page-status";
import TeamLayout from "./layout";
import TeamHomePage from "./page";

enableAuthInterrupts();

const props = (org: string, team: string) => ({
  params: Promise.resolve({ org, team }),
  searchParams: Promise.resolve({}),
});

describe("team home page", () => {
  it("renders for any role on the team and for org admins; 404 for other teams and other orgs", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    for (const user of [a.users.viewer, a.users.editor, a.users.teamAdmin, a.users.admin, a.users.owner]) {
      signInAs(user);
      expect(await statusOf(TeamHomePage(props(a.org.slug, a.team.slug)))).toBe("rendered");
    }
    signInAs(a.users.member);
    expect(await statusOf(TeamHomePage(props(a.org.slug, a.team.slug)))).toBe("404");
    signInAs(a.users.viewer);
    expect(await statusOf(TeamHomePage(props(a.org.slug, a.otherTeam.slug)))).toBe("404");
    signInAs(b.users.owner);
    expect(await statusOf(TeamHomePage(props(a.org.slug, a.team.slug)))).toBe("404");
    expect(await statusOf(TeamHomePage(props(b.org.slug, a.team.slug)))).toBe("404");
  });

  it("refuses in the layout too, before the page's loading skeleton streams a 200", async () => {
    const a = await createTestTenant();
    const layout = (org: string, team: string) => TeamLayout({ children: null, ...props(org, team) });
    signInAs(a.users.viewer);
    expect(await statusOf(layout(a.org.slug, a.team.slug))).toBe("rendered");
    expect(await statusOf(layout(a.org.slug, a.otherTeam.slug))).toBe("404");
    signInAs(a.users.member);
    expect(await statusOf(layout(a.org.slug, a.team.slug))).toBe("404");
  });
});
