import { beforeAll, describe, expect, it, vi } from "vitest";
import { createTestCluster, createTestTenant } from "@/lib/testing/factories";
import { signInAs } from "@/lib/testing/session";
import ChecksPage from "./(checks)/page";
import DecisionsPage from "./decisions/page";
import ExemptionsPage from "./exemptions/page";
import TeamPolicyLayout from "./teams/[team]/layout";

// The empty admission log shows the webhook URL, read from the request's host.
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: "bumpers.test", "x-forwarded-proto": "https" }),
}));

// next.config.js enables authInterrupts; the flag reaches forbidden() through this variable.
beforeAll(() => {
  process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";
});

const statusOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "rendered",
    (err: { digest?: string }) => err.digest?.split(";").pop() ?? String(err),
  );

const withQuery = (org: string, query: Record<string, string> = {}) => ({
  params: Promise.resolve({ org }),
  searchParams: Promise.resolve(query),
});

describe("policies page guards", () => {
  it("a team's overrides: the caller's teams only, decided in the layout (a real 404 before the skeleton streams)", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    const layout = (org: string, team: string) =>
      TeamPolicyLayout({ children: null, params: Promise.resolve({ org, team }) });
    signInAs(a.users.viewer);
    expect(await statusOf(layout(a.org.slug, a.team.slug))).toBe("rendered");
    expect(await statusOf(layout(a.org.slug, a.otherTeam.slug))).toBe("404");
    signInAs(a.users.admin);
    expect(await statusOf(layout(a.org.slug, a.otherTeam.slug))).toBe("rendered");
    signInAs(b.users.owner);
    expect(await statusOf(layout(b.org.slug, a.team.slug))).toBe("404");
  });

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
    expect(await statusOf(DecisionsPage(withQuery(a.org.slug, { team: a.team.slug })))).toBe("rendered");
    expect(await statusOf(DecisionsPage(withQuery(a.org.slug, { team: a.otherTeam.slug })))).toBe("404");
    expect(await statusOf(DecisionsPage(withQuery(a.org.slug, { team: "none" })))).toBe("404");
    expect(await statusOf(DecisionsPage(withQuery(a.org.slug, { cluster: foreign.slug })))).toBe("404");
    signInAs(a.users.admin);
    expect(
      await statusOf(DecisionsPage(withQuery(a.org.slug, { team: "none", cluster: "prod", outcome: "bogus" }))),
    ).toBe("rendered");
  });
});
