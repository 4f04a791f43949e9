import { describe, expect, it } from "vitest";
import { createTestTenant } from "@/lib/testing/factories";
import { enableAuthInterrupts, statusOf } from "@/lib/testing/page-status";
import { signInAs } from "@/lib/testing/session";
import TeamRulesLayout from "./alerting/rules/[team]/layout";
import TeamPolicyLayout from "./policies/teams/[team]/layout";
import { sectionLayout, TeamGuardLayout } from "./section-layouts";
import TeamLayout from "./teams/[team]/layout";

enableAuthInterrupts();

describe("team guard layout", () => {
  it("is the layout of a team's home, its alerting rules and its policy", () => {
    expect(TeamLayout).toBe(TeamGuardLayout);
    expect(TeamRulesLayout).toBe(TeamGuardLayout);
    expect(TeamPolicyLayout).toBe(TeamGuardLayout);
  });

  it("the caller's teams only, decided in the layout (a real 404 before the skeleton streams)", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    const layout = (org: string, team: string) =>
      TeamGuardLayout({ children: null, params: Promise.resolve({ org, team }) });
    signInAs(a.users.viewer);
    expect(await statusOf(layout(a.org.slug, a.team.slug))).toBe("rendered");
    expect(await statusOf(layout(a.org.slug, a.otherTeam.slug))).toBe("404");
    signInAs(a.users.admin);
    expect(await statusOf(layout(a.org.slug, a.otherTeam.slug))).toBe("rendered");
    signInAs(b.users.owner);
    expect(await statusOf(layout(b.org.slug, a.team.slug))).toBe("404");
  });
});

describe("section layout", () => {
  it("guards its section: another org's members get a 404, a missing permission a 403", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    const Layout = sectionLayout({
      title: "Section",
      description: "A section.",
      Tabs: () => null,
      permission: "org:integrations:manage",
    });
    const layout = (org: string) => Layout({ children: null, params: Promise.resolve({ org }) });
    signInAs(a.users.admin);
    expect(await statusOf(layout(a.org.slug))).toBe("rendered");
    signInAs(a.users.viewer);
    expect(await statusOf(layout(a.org.slug))).toBe("403");
    signInAs(b.users.owner);
    expect(await statusOf(layout(a.org.slug))).toBe("404");
  });
});
