import { describe, expect, it } from "vitest";
import { createTestTenant } from "@/lib/testing/factories";
import { enableAuthInterrupts, orgPageProps, statusesByRole, teamPageStatuses } from "@/lib/testing/page-status";
import TeamTicketSettingsPage from "../../teams/[team]/tickets/settings/page";
import TicketSettingsPage from "./page";

enableAuthInterrupts();

describe("ticket settings pages", () => {
  it("Settings → Tickets: org admins and owners; 403 for members; 404 for another org", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    const page = () => TicketSettingsPage(orgPageProps(a.org.slug));
    expect(await statusesByRole(a, ["admin", "owner", "teamAdmin", "viewer"], page)).toEqual({
      admin: "rendered",
      owner: "rendered",
      teamAdmin: "403",
      viewer: "403",
    });
    expect(await statusesByRole(b, ["owner"], page)).toEqual({ owner: "404" });
  });

  it("a team's ticket settings: its admins and org admins; 403 for its other roles; 404 elsewhere", async () => {
    expect(await teamPageStatuses(TeamTicketSettingsPage)).toEqual({
      viewer: "403",
      editor: "403",
      teamAdmin: "rendered",
      admin: "rendered",
      owner: "rendered",
      member: "404",
      otherTeam: "404",
      otherOrg: "404",
      otherOrgsTeam: "404",
    });
  });
});
