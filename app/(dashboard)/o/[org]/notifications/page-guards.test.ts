import { describe, expect, it } from "vitest";
import { createSubscription } from "@/lib/notifications/subscriptions/write";
import { createTestTenant } from "@/lib/testing/factories";
import { enableAuthInterrupts, orgPageProps, statusesByRole } from "@/lib/testing/page-status";
import MyNotificationsPage from "./page";

enableAuthInterrupts();

describe("My notifications", () => {
  it("renders for every member of the org, on a team or not; 404 for another org", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    await createSubscription(
      a.org.id,
      { userId: a.users.viewer.id, label: a.users.viewer.email },
      { teamId: a.team.id, userId: a.users.viewer.id },
      { name: "My weekly digest", kind: "digest" },
    );
    const page = () => MyNotificationsPage(orgPageProps(a.org.slug));
    const roles = ["owner", "admin", "teamAdmin", "editor", "viewer", "member"] as const;
    expect(Object.values(await statusesByRole(a, roles, page))).toEqual(roles.map(() => "rendered"));
    expect(await statusesByRole(b, ["owner"], page)).toEqual({ owner: "404" });
  });
});
