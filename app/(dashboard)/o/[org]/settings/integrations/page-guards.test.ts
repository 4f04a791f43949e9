import { describe, expect, it } from "vitest";
import { createConnection } from "@/lib/notifications/connections/write";
import { createSubscription } from "@/lib/notifications/subscriptions/write";
import { createTestTenant } from "@/lib/testing/factories";
import { enableAuthInterrupts, orgPageProps, statusesByRole } from "@/lib/testing/page-status";
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
    const page = () => IntegrationsPage(orgPageProps(a.org.slug));
    expect(await statusesByRole(a, ["admin", "owner", "teamAdmin", "editor", "viewer", "member"], page)).toEqual({
      admin: "rendered",
      owner: "rendered",
      teamAdmin: "403",
      editor: "403",
      viewer: "403",
      member: "403",
    });
    expect(await statusesByRole(b, ["owner"], page)).toEqual({ owner: "404" });
  });
});
