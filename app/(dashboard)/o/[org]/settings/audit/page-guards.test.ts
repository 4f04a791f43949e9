import { describe, expect, it } from "vitest";
import { createTestTenant } from "@/lib/testing/factories";
import { signInAs } from "@/lib/testing/session";
import { enableAuthInterrupts, orgPageProps, statusOf } from "@/lib/testing/page-status";
import AuditPage from "./page";
import TokensPage from "../tokens/page";
import ClustersPage from "../../clusters/page";

enableAuthInterrupts();

describe("page guards", () => {
  it("gives members a 403 on the tokens and audit pages and other orgs a 404 everywhere", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    signInAs(a.users.member);
    expect(await statusOf(TokensPage(orgPageProps(a.org.slug)))).toBe("403");
    expect(await statusOf(AuditPage(orgPageProps(a.org.slug)))).toBe("403");
    signInAs(b.users.owner);
    expect(await statusOf(TokensPage(orgPageProps(a.org.slug)))).toBe("404");
    expect(await statusOf(AuditPage(orgPageProps(a.org.slug)))).toBe("404");
    expect(await statusOf(ClustersPage(orgPageProps(a.org.slug)))).toBe("404");
  });

  it("renders the audit log for an admin, even with invalid filters in the URL", async () => {
    const a = await createTestTenant();
    signInAs(a.users.admin);
    expect(await statusOf(AuditPage(orgPageProps(a.org.slug, { from: "soon", cursor: "junk", action: "x.y" })))).toBe(
      "rendered",
    );
  });
});
