import { describe, expect, it } from "vitest";
import { createTestTenant } from "@/lib/testing/factories";
import { enableAuthInterrupts, orgPageProps, statusOf } from "@/lib/testing/page-status";
import { signInAs } from "@/lib/testing/session";
import { setOrgSlaPolicy } from "@/lib/sla/set-org-sla-policy";
import { setTeamSlaPolicy } from "@/lib/sla/set-team-sla-policy";
import { authorizeOrg } from "@/lib/auth/access";
import { slaContextOf } from "@/lib/sla/context";
import SlaSettingsPage from "./page";

enableAuthInterrupts();

describe("Settings → SLAs", () => {
  it("renders for org admins, with teams' own policies; 403 for members, 404 for other orgs", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    signInAs(a.users.admin);
    expect(await statusOf(SlaSettingsPage(orgPageProps(a.org.slug)))).toBe("rendered");
    const ctx = slaContextOf(await authorizeOrg(a.org.slug));
    await setTeamSlaPolicy(ctx, a.team.id, { critical: 3, high: null, medium: null, low: null });
    await setOrgSlaPolicy(ctx, { critical: 2, high: 30, medium: 90, low: null });
    expect(await statusOf(SlaSettingsPage(orgPageProps(a.org.slug)))).toBe("rendered");
    signInAs(a.users.teamAdmin);
    expect(await statusOf(SlaSettingsPage(orgPageProps(a.org.slug)))).toBe("403");
    signInAs(b.users.owner);
    expect(await statusOf(SlaSettingsPage(orgPageProps(a.org.slug)))).toBe("404");
  });
});
