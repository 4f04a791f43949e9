import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { createOrgToken } from "@/lib/tokens/create-org-token";
import { authenticateToken } from "@/lib/tokens/authenticate-token";
import { actorFor, createTestTenant } from "@/lib/testing/factories";
import { signInAs } from "@/lib/testing/session";
import { createOrgTokenAction, revokeTokenAction } from "./actions";
import { formOf } from "@/lib/testing/forms";

describe("token actions", () => {
  it("creates a token shown once and revokes it", async () => {
    const t = await createTestTenant();
    signInAs(t.users.admin);
    const created = await createOrgTokenAction(
      null,
      formOf({ org: t.org.slug, name: "Deploy bot", kind: "org_admin" }),
    );
    if (!created.ok) throw new Error(created.error.message);
    const principal = await authenticateToken(created.data.token);
    expect(principal).toMatchObject({ orgId: t.org.id, kind: "org_admin", name: "Deploy bot" });

    expect(await revokeTokenAction(null, formOf({ org: t.org.slug, tokenId: principal!.tokenId }))).toEqual({
      ok: true,
      data: { name: "Deploy bot" },
    });
    expect(await authenticateToken(created.data.token)).toBeNull();
    expect(await db.auditLog.count({ where: { orgId: t.org.id, targetId: principal!.tokenId } })).toBe(2);
  });

  it("validates the name and the kind", async () => {
    const t = await createTestTenant();
    signInAs(t.users.admin);
    const result = await createOrgTokenAction(null, formOf({ org: t.org.slug, name: " ", kind: "cluster" }));
    expect(result.ok).toBe(false);
    expect(Object.keys(result.ok ? {} : (result.error.fieldErrors ?? {})).sort()).toEqual(["kind", "name"]);
  });

  it("refuses members and other orgs' admins", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    const { token, secret } = await createOrgToken(a.org.id, actorFor(a.users.admin), { name: "CI", kind: "org_read" });
    signInAs(a.users.member);
    expect(await createOrgTokenAction(null, formOf({ org: a.org.slug, name: "Mine", kind: "org_read" }))).toMatchObject(
      {
        ok: false,
        error: { code: "forbidden" },
      },
    );
    signInAs(b.users.owner);
    expect(await revokeTokenAction(null, formOf({ org: b.org.slug, tokenId: token.id }))).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
    expect(await revokeTokenAction(null, formOf({ org: a.org.slug, tokenId: token.id }))).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
    expect(await authenticateToken(secret)).not.toBeNull();
  });

  it("leaves SCIM tokens to the owners' SSO settings: an admin cannot revoke one here", async () => {
    const t = await createTestTenant();
    const scim = await db.apiToken.create({
      data: {
        orgId: t.org.id,
        kind: "scim",
        name: "Okta provisioning",
        tokenHash: `hash-${t.org.id}`,
        hint: "bmp_scim_abcd…",
      },
    });
    signInAs(t.users.admin);
    expect(await revokeTokenAction(null, formOf({ org: t.org.slug, tokenId: scim.id }))).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: scim.id } })).revokedAt).toBeNull();
  });
});
