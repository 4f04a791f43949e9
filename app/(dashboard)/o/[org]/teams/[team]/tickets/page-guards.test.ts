import { describe, expect, it } from "vitest";
import { createTestTenant } from "@/lib/testing/factories";
import {
  enableAuthInterrupts,
  statusOf,
  teamPageProps,
  teamPageStatuses,
  SEEN_BY_THE_TEAM,
} from "@/lib/testing/page-status";
import { signInAs } from "@/lib/testing/session";
import TeamTicketsPage from "./page";

enableAuthInterrupts();

describe("a team's Tickets tab", () => {
  it("renders for everyone on the team and org admins; 404 for other teams' members and other orgs", async () => {
    expect(await teamPageStatuses(TeamTicketsPage)).toEqual(SEEN_BY_THE_TEAM);
  });

  it("shows the list when a filter or a cursor does not parse", async () => {
    const a = await createTestTenant();
    signInAs(a.users.viewer);
    const page = TeamTicketsPage(teamPageProps(a.org.slug, a.team.slug, { state: "maybe", cursor: "x" }));
    expect(await statusOf(page)).toBe("rendered");
  });
});
