import { describe, expect, it } from "vitest";
import { db, pool } from "@/lib/server/db";
import { createCluster } from "@/lib/clusters/create-cluster";
import { actorFor, createTestTenant } from "@/lib/testing/factories";
import { authenticateToken } from "./authenticate-token";
import { createOrgToken } from "./create-org-token";
import { revokeToken } from "./revoke-token";
import { listClusterTokens, listOrgTokens } from "./queries";
import { codeOf } from "@/lib/testing/errors";

describe("token authentication", () => {
  it("accepts a valid org token and returns its tenant and kind", async () => {
    const t = await createTestTenant();
    const { token, secret } = await createOrgToken(t.org.id, actorFor(t.users.admin), { name: "CI", kind: "org_read" });
    expect(secret).toMatch(/^bmp_org_[A-Za-z0-9_-]{43}$/);
    expect(await authenticateToken(secret)).toEqual({
      tokenId: token.id,
      orgId: t.org.id,
      kind: "org_read",
      clusterId: null,
      name: "CI",
    });
  });

  it("refuses revoked, malformed, unknown and wrong-prefix tokens", async () => {
    const t = await createTestTenant();
    const { token, secret } = await createOrgToken(t.org.id, actorFor(t.users.admin), {
      name: "CI",
      kind: "org_admin",
    });
    const { token: agent } = await createCluster(t.org.id, actorFor(t.users.admin), { slug: "prod", name: "Prod" });

    expect(await authenticateToken("bmp_org_short")).toBeNull();
    expect(await authenticateToken(`Bearer ${secret}`)).toBeNull();
    expect(await authenticateToken(secret.replace("bmp_org_", "bmp_xx_"))).toBeNull();
    // Same secret under the other family's prefix: a different hash, so unknown.
    expect(await authenticateToken(secret.replace("bmp_org_", "bmp_cl_"))).toBeNull();
    expect(await authenticateToken(`bmp_org_${"A".repeat(43)}`)).toBeNull();
    // A family filter refuses the other kind of token.
    expect(await authenticateToken(agent, "org")).toBeNull();
    expect((await authenticateToken(agent, "cluster"))?.kind).toBe("cluster");

    await revokeToken(t.org.id, actorFor(t.users.admin), token.id);
    expect(await authenticateToken(secret)).toBeNull();
  });

  it("records lastUsedAt at most once a minute", async () => {
    const t = await createTestTenant();
    const { token, secret } = await createOrgToken(t.org.id, actorFor(t.users.admin), { name: "CI", kind: "org_read" });
    const lastUsed = async () => (await db.apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt;

    expect(await lastUsed()).toBeNull();
    await authenticateToken(secret);
    const first = await lastUsed();
    expect(first).toBeInstanceOf(Date);

    // Within the minute: no write.
    const recent = new Date(Date.now() - 10_000);
    await pool.query("UPDATE api_tokens SET last_used_at = $2 WHERE id = $1", [token.id, recent]);
    await authenticateToken(secret);
    expect((await lastUsed())?.getTime()).toBe(recent.getTime());

    // Older than a minute: updated to now.
    const stale = new Date(Date.now() - 120_000);
    await pool.query("UPDATE api_tokens SET last_used_at = $2 WHERE id = $1", [token.id, stale]);
    await authenticateToken(secret);
    expect((await lastUsed())!.getTime()).toBeGreaterThan(Date.now() - 30_000);
  });
});

describe("org token management", () => {
  it("creates and revokes tokens with an audit row each, and lists them without the hash", async () => {
    const t = await createTestTenant();
    const actor = actorFor(t.users.admin);
    const { token, secret } = await createOrgToken(t.org.id, actor, { name: "Fleet install", kind: "org_admin" });
    await createCluster(t.org.id, actor, { slug: "prod", name: "Prod" });

    const listed = await listOrgTokens(t.org.id);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      id: token.id,
      name: "Fleet install",
      kind: "org_admin",
      hint: secret.slice(0, 12) + "…",
      createdBy: { email: t.users.admin.email },
      revokedAt: null,
      lastUsedAt: null,
    });
    expect(JSON.stringify(listed)).not.toContain("tokenHash");
    const clusterTokens = await listClusterTokens(t.org.id);
    expect(clusterTokens.map((c) => c.cluster?.slug)).toEqual(["prod"]);
    expect(JSON.stringify(clusterTokens)).not.toContain("tokenHash");

    await revokeToken(t.org.id, actor, token.id);
    expect(await codeOf(revokeToken(t.org.id, actor, token.id))).toBe("conflict");
    expect((await listOrgTokens(t.org.id))[0].revokedAt).toBeInstanceOf(Date);

    const audit = await db.auditLog.findMany({
      where: { orgId: t.org.id, targetType: "api_token" },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => [a.action, a.actorLabel, a.targetId])).toEqual([
      ["token.created", t.users.admin.email, token.id],
      ["token.revoked", t.users.admin.email, token.id],
    ]);
    expect(audit[0].after).toMatchObject({ name: "Fleet install", kind: "org_admin" });
    expect(audit[1].before).toMatchObject({ status: "active" });
    expect(audit[1].after).toMatchObject({ status: "revoked" });
  });

  it("never lets one org revoke another org's token", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    const { token, secret } = await createOrgToken(a.org.id, actorFor(a.users.admin), { name: "A", kind: "org_read" });
    const { cluster } = await createCluster(a.org.id, actorFor(a.users.admin), { slug: "prod", name: "Prod" });
    const agentToken = await db.apiToken.findFirstOrThrow({ where: { clusterId: cluster.id } });

    expect(await codeOf(revokeToken(b.org.id, actorFor(b.users.admin), token.id))).toBe("not_found");
    expect(await codeOf(revokeToken(b.org.id, actorFor(b.users.admin), agentToken.id))).toBe("not_found");
    expect(await codeOf(revokeToken(b.org.id, actorFor(b.users.admin), "not-a-uuid"))).toBe("not_found");
    expect(await authenticateToken(secret)).not.toBeNull();
    expect(await db.auditLog.count({ where: { orgId: b.org.id } })).toBe(0);
  });
});
