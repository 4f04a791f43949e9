import { describe, expect, it } from "vitest";
import { createDestination } from "@/lib/alerting/destinations/create-destination";
import { createTestTenant } from "@/lib/testing/factories";
import { signInAs } from "@/lib/testing/session";
import { enableAuthInterrupts, orgPageProps, statusOf } from "@/lib/testing/page-status";
import DestinationLayout from "./destinations/[id]/layout";
import DestinationPage from "./destinations/[id]/page";
import DeliveryLogPage from "./log/page";
import AlertFeedPage from "./page";

enableAuthInterrupts();

describe("alerting page guards", () => {
  it("a destination's page: 403 for members (team admins included), 404 for another org's or no destination", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    const destination = await createDestination(
      a.org.id,
      { userId: a.users.admin.id, label: a.users.admin.email },
      { name: "Platform", routingKey: "k".repeat(32), teamId: a.team.id },
    );
    const params = (org: string, id: string) => Promise.resolve({ org, id });
    const layout = (org: string, id: string) => DestinationLayout({ children: null, params: params(org, id) });
    const page = (org: string, id: string) =>
      DestinationPage({ params: params(org, id), searchParams: Promise.resolve({}) });
    // Issue 16: any member could open any destination's page (its team, last PagerDuty error, log).
    for (const role of ["member", "viewer", "editor", "teamAdmin"] as const) {
      signInAs(a.users[role]);
      expect(await statusOf(layout(a.org.slug, destination.id)), role).toBe("403");
      expect(await statusOf(page(a.org.slug, destination.id)), role).toBe("403");
      expect(await statusOf(layout(a.org.slug, "not-a-uuid")), role).toBe("403");
    }
    for (const role of ["admin", "owner"] as const) {
      signInAs(a.users[role]);
      expect(await statusOf(layout(a.org.slug, destination.id)), role).toBe("rendered");
      expect(await statusOf(page(a.org.slug, destination.id)), role).toBe("rendered");
      expect(await statusOf(layout(a.org.slug, "not-a-uuid")), role).toBe("404");
    }
    signInAs(b.users.owner);
    expect(await statusOf(layout(b.org.slug, destination.id))).toBe("404");
    expect(await statusOf(page(b.org.slug, destination.id))).toBe("404");
    expect(await statusOf(layout(a.org.slug, destination.id))).toBe("404");
    expect(await statusOf(DeliveryLogPage(orgPageProps(b.org.slug, { destination: destination.id })))).toBe("404");
  });

  it("feed and log filters: another team, or unassigned alerts for a member, are a 404", async () => {
    const a = await createTestTenant();
    signInAs(a.users.viewer);
    expect(await statusOf(AlertFeedPage(orgPageProps(a.org.slug, { team: a.team.slug })))).toBe("rendered");
    expect(await statusOf(AlertFeedPage(orgPageProps(a.org.slug, { team: a.otherTeam.slug })))).toBe("404");
    expect(await statusOf(AlertFeedPage(orgPageProps(a.org.slug, { team: "none" })))).toBe("404");
    expect(await statusOf(DeliveryLogPage(orgPageProps(a.org.slug, { team: a.otherTeam.slug })))).toBe("404");
    expect(
      await statusOf(DeliveryLogPage(orgPageProps(a.org.slug, { group: "5f0c2a4e-8d1b-4c3a-9e2f-1a2b3c4d5e6f" }))),
    ).toBe("404");
    signInAs(a.users.admin);
    expect(await statusOf(AlertFeedPage(orgPageProps(a.org.slug, { team: "none", status: "bogus" })))).toBe("rendered");
  });
});
