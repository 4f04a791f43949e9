import { describe, expect, it } from "vitest";
import { teamPageStatuses, SEEN_BY_THE_TEAM, enableAuthInterrupts } from "@/lib/testing/page-status";
import TeamSlaPage from "./page";

enableAuthInterrupts();

describe("a team's SLA tab", () => {
  it("renders for everyone on the team and org admins; 404 for other teams' members and other orgs", async () => {
    expect(await teamPageStatuses(TeamSlaPage)).toEqual(SEEN_BY_THE_TEAM);
  });
});
