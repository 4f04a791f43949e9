import { describe, expect, it } from "vitest";
import { createConnection } from "@/lib/notifications/connections/write";
import { createSubscription } from "@/lib/notifications/subscriptions/write";
import { createTestTenant } from "@/lib/testing/factories";
import { enableAuthInterrupts, orgPageProps, statusOf } from "@/lib/testing/page-status";
import { signInAs } from "@/lib/testing/session";
import IntegrationsPage from "./page";

enableAuthInterrupts();

describe("Settings → Integrations", () => {
  it("renders for org admins and owners, 403 for members (team admins included), 404 for another org", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    const actor = { userId: a.users.admin.id, label: a.users.admin.email };
    await createConnection(
      a.org.id,
      actor,
      { teamId: a.team.id },
      { kind: "webhook", name: "SIEM", url: "https://siem.example.com/hook" },
    );
    await createSubscription(
      a.org.id,
      actor,
      { teamId: null },
      {
        name: "Critical security",
        target: "security@example.com",
        events: ["finding_group.opened"],
        baseline: true,
      },
    );
    for (const role of ["admin", "owner"] as const) {
      signInAs(a.users[role]);
      expect(await statusOf(IntegrationsPage(orgPageProps(a.org.slug))), role).toBe("rendered");
    }
    for (const role of ["teamAdmin", "editor", "viewer", "member"] as const) {
      signInAs(a.users[role]);
      expect(await statusOf(IntegrationsPage(orgPageProps(a.org.slug))), role).toBe("403");
    }
    signInAs(b.users.owner);
    expect(await statusOf(IntegrationsPage(orgPageProps(a.org.slug)))).toBe("404");
  });
});
