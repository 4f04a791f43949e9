import { describe, expect, it } from "vitest";
import { enableAuthInterrupts, SEEN_BY_THE_TEAM, teamPageStatuses } from "@/lib/testing/page-status";
import TeamNotificationsPage from "./page";

enableAuthInterrupts();

describe("a team's Notifications tab", () => {
  it("renders for everyone on the team and org admins; 404 for other teams' members and other orgs", async () => {
    expect(await teamPageStatuses(TeamNotificationsPage)).toEqual(SEEN_BY_THE_TEAM);
  });
});
