import { beforeAll, describe, expect, it } from "vitest";
import { createTestTenant } from "@/lib/testing/factories";
import { signInAs } from "@/lib/testing/session";
import AuditPage from "./page";
import TokensPage from "../tokens/page";
import ClustersPage from "../../clusters/page";

// next.config.js enables authInterrupts; the flag reaches forbidden() through this variable.
beforeAll(() => {
  process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";
});

const statusOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "rendered",
    (err: { digest?: string }) => err.digest?.split(";").pop() ?? String(err),
  );

const props = (org: string, searchParams: Record<string, string> = {}) => ({
  params: Promise.resolve({ org }),
  searchParams: Promise.resolve(searchParams),
});

describe("page guards", () => {
  it("gives members a 403 on the tokens and audit pages and other orgs a 404 everywhere", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    signInAs(a.users.member);
    expect(await statusOf(TokensPage(props(a.org.slug)))).toBe("403");
    expect(await statusOf(AuditPage(props(a.org.slug)))).toBe("403");
    signInAs(b.users.owner);
    expect(await statusOf(TokensPage(props(a.org.slug)))).toBe("404");
    expect(await statusOf(AuditPage(props(a.org.slug)))).toBe("404");
    expect(await statusOf(ClustersPage(props(a.org.slug)))).toBe("404");
  });

  it("renders the audit log for an admin, even with invalid filters in the URL", async () => {
    const a = await createTestTenant();
    signInAs(a.users.admin);
    expect(await statusOf(AuditPage(props(a.org.slug, { from: "soon", cursor: "junk", action: "x.y" })))).toBe(
      "rendered",
    );
  });
});
