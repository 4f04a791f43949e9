import { beforeAll, describe, expect, it } from "vitest";
import { createTestCluster, createTestTenant } from "@/lib/testing/factories";
import { signInAs } from "@/lib/testing/session";
import { db } from "@/lib/server/db";
import FindingLayout from "./layout";

beforeAll(() => {
  process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";
});

const statusOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "rendered",
    (err: { digest?: string }) => err.digest?.split(";").pop() ?? String(err),
  );

describe("finding detail", () => {
  it("refuses another tenant's finding in the layout, before the loading skeleton streams a 200", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    const cluster = await createTestCluster(a.org.id, { slug: "prod" });
    const finding = await db.finding.create({
      data: {
        orgId: a.org.id,
        clusterId: cluster.id,
        fingerprint: "f".repeat(64),
        source: "polaris",
        checkId: "runAsPrivileged",
        title: "Privileged",
        category: "security",
        severity: "high",
        score: 0.75,
        namespace: "shop",
        kind: "Deployment",
        name: "web",
      },
    });
    const layout = (org: string, id: string) => FindingLayout({ children: null, params: Promise.resolve({ org, id }) });
    signInAs(a.users.admin);
    expect(await statusOf(layout(a.org.slug, finding.id))).toBe("rendered");
    signInAs(b.users.owner);
    expect(await statusOf(layout(b.org.slug, finding.id))).toBe("404");
    expect(await statusOf(layout(a.org.slug, finding.id))).toBe("404");
  });
});
