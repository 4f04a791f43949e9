import { describe, expect, it } from "vitest";
import { createSubscription } from "@/lib/notifications/subscriptions/write";
import { createTestTenant } from "@/lib/testing/factories";
import { enableAuthInterrupts, orgPageProps, statusOf } from "@/lib/testing/page-status";
import { signInAs } from "@/lib/testing/session";
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
    for (const role of ["owner", "admin", "teamAdmin", "editor", "viewer", "member"] as const) {
      signInAs(a.users[role]);
      expect(await statusOf(MyNotificationsPage(orgPageProps(a.org.slug))), role).toBe("rendered");
    }
    signInAs(b.users.owner);
    expect(await statusOf(MyNotificationsPage(orgPageProps(a.org.slug)))).toBe("404");
  });
});
