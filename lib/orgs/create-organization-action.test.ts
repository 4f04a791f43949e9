import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { createTestOrg, createTestUser, uniqueSuffix } from "@/lib/testing/factories";
import { signInAs } from "@/lib/testing/session";
import { createOrganizationAction } from "./actions";
import { formOf } from "@/lib/testing/forms";

afterEach(() => signInAs(null));

describe("creating another organization", () => {
  it("needs a signed-in user", async () => {
    expect(await createOrganizationAction(null, formOf({ orgName: "Nope", orgSlug: "nope" }))).toMatchObject({
      ok: false,
      error: { code: "unauthorized" },
    });
  });

  it("makes the user owner of the new org, with an audit row", async () => {
    const user = await createTestUser();
    signInAs(user);
    const slug = `globex-${uniqueSuffix()}`;
    expect(await createOrganizationAction(null, formOf({ orgName: "Globex", orgSlug: slug }))).toEqual({
      ok: true,
      data: { orgSlug: slug },
    });
    const org = await db.organization.findUniqueOrThrow({ where: { slug } });
    const membership = await db.membership.findUniqueOrThrow({
      where: { orgId_userId: { orgId: org.id, userId: user.id } },
    });
    expect(membership.role).toBe("owner");
    expect(await db.auditLog.count({ where: { orgId: org.id, action: "org.created" } })).toBe(1);
  });

  it("names the field for a bad or taken URL", async () => {
    const user = await createTestUser();
    signInAs(user);
    const taken = await createTestOrg();
    expect(await createOrganizationAction(null, formOf({ orgName: "Copy", orgSlug: taken.slug }))).toMatchObject({
      ok: false,
      error: { code: "conflict", fieldErrors: { orgSlug: [expect.stringContaining("taken")] } },
    });
    expect(await createOrganizationAction(null, formOf({ orgName: "X", orgSlug: "-bad-" }))).toMatchObject({
      ok: false,
      error: { code: "bad_request", fieldErrors: { orgName: [expect.any(String)], orgSlug: [expect.any(String)] } },
    });
    expect(await db.membership.count({ where: { userId: user.id } })).toBe(0);
  });
});
