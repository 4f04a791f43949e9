import { describe, expect, it, vi } from "vitest";
import { createTestCluster, createTestTenant } from "@/lib/testing/factories";
import { signInAs } from "@/lib/testing/session";
import { enableAuthInterrupts, orgPageProps, statusOf } from "@/lib/testing/page-status";
import ChecksPage from "./(checks)/page";
import DecisionsPage from "./decisions/page";
import ExemptionsPage from "./exemptions/page";

// The empty admission log shows the webhook URL, read from the request's host.
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: "bumpers.test", "x-forwarded-proto": "https" }),
}));

enableAuthInterrupts();

describe("policies page guards", () => {
  it("every member reads the checks and exemptions; strangers get a 404", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    signInAs(a.users.member);
    expect(
      await statusOf(ChecksPage({ params: Promise.resolve({ org: a.org.slug }), searchParams: Promise.resolve({}) })),
    ).toBe("rendered");
    expect(
      await statusOf(
        ExemptionsPage({ params: Promise.resolve({ org: a.org.slug }), searchParams: Promise.resolve({}) }),
      ),
    ).toBe("rendered");
    signInAs(b.users.owner);
    expect(
      await statusOf(ChecksPage({ params: Promise.resolve({ org: a.org.slug }), searchParams: Promise.resolve({}) })),
    ).toBe("404");
  });

  it("admission log filters: another team, decisions of no team for a member, or another org's cluster are a 404", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    await createTestCluster(a.org.id, { slug: "prod" });
    const foreign = await createTestCluster(b.org.id, { slug: `edge-${b.org.slug}` });
    signInAs(a.users.viewer);
    expect(await statusOf(DecisionsPage(orgPageProps(a.org.slug, { team: a.team.slug })))).toBe("rendered");
    expect(await statusOf(DecisionsPage(orgPageProps(a.org.slug, { team: a.otherTeam.slug })))).toBe("404");
    expect(await statusOf(DecisionsPage(orgPageProps(a.org.slug, { team: "none" })))).toBe("404");
    expect(await statusOf(DecisionsPage(orgPageProps(a.org.slug, { cluster: foreign.slug })))).toBe("404");
    signInAs(a.users.admin);
    expect(
      await statusOf(DecisionsPage(orgPageProps(a.org.slug, { team: "none", cluster: "prod", outcome: "bogus" }))),
    ).toBe("rendered");
  });
});
