import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { authenticateToken } from "@/lib/tokens/authenticate-token";
import { actorFor, createTestTenant } from "@/lib/testing/factories";
import { openAgentToken } from "./agent-token-secret";
import { createCluster } from "./create-cluster";
import { deleteCluster } from "./delete-cluster";
import { listClusters } from "./queries";
import { rotateClusterToken } from "./rotate-cluster-token";
import { codeOf } from "@/lib/testing/errors";

async function addInventory(orgId: string, clusterId: string) {
  await db.resource.createMany({
    data: [
      { orgId, clusterId, namespace: "payments", kind: "Namespace", name: "payments" },
      { orgId, clusterId, namespace: "payments", kind: "Deployment", name: "api" },
      { orgId, clusterId, namespace: "payments", kind: "CronJob", name: "reconcile" },
      { orgId, clusterId, namespace: "web", kind: "Deployment", name: "storefront" },
      // Gone from the inventory: not counted.
      { orgId, clusterId, namespace: "old", kind: "Deployment", name: "legacy", removedAt: new Date() },
    ],
  });
}

describe("clusters", () => {
  it("lists clusters with inventory counts and the active agent token", async () => {
    const t = await createTestTenant();
    const actor = actorFor(t.users.admin);
    const { cluster: prod, token } = await createCluster(t.org.id, actor, { slug: "prod", name: "Prod" });
    await createCluster(t.org.id, actor, { slug: "dev", name: "Dev" });
    await addInventory(t.org.id, prod.id);
    await authenticateToken(token);

    const { clusters, hasMore } = await listClusters(t.org.id);
    expect(hasMore).toBe(false);
    expect(clusters.map((c) => c.slug)).toEqual(["dev", "prod"]);
    const listedProd = clusters[1];
    expect(listedProd).toMatchObject({ workloads: 3, namespaces: 2, kubernetesVersion: null });
    expect(listedProd.agentToken?.hint).toBe(token.slice(0, 11) + "…");
    expect(listedProd.agentToken?.lastUsedAt).toBeInstanceOf(Date);
    expect(clusters[0]).toMatchObject({ workloads: 0, namespaces: 0 });
    expect(clusters[0].agentToken?.lastUsedAt).toBeNull();

    const firstPage = await listClusters(t.org.id, { limit: 1 });
    expect(firstPage.clusters.map((c) => c.slug)).toEqual(["dev"]);
    expect(firstPage.hasMore).toBe(true);
    const secondPage = await listClusters(t.org.id, { limit: 1, cursor: firstPage.nextCursor! });
    expect(secondPage).toMatchObject({ hasMore: false, nextCursor: null, clusters: [{ slug: "prod" }] });
  });

  it("pages by slug with an opaque cursor; a tampered cursor is a bad_request", async () => {
    const t = await createTestTenant();
    const other = await createTestTenant();
    const slugs = ["a-1", "a-10", "a-2", "b", "c"];
    for (const slug of [...slugs].reverse())
      await createCluster(t.org.id, actorFor(t.users.admin), { slug, name: slug });
    await createCluster(other.org.id, actorFor(other.users.admin), { slug: "a-3", name: "Not ours" });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listClusters(t.org.id, { limit: 2, cursor });
      seen.push(...page.clusters.map((c) => c.slug));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(slugs);
    const forged = Buffer.from(JSON.stringify({ d: "next", k: [{ slug: "b" }] })).toString("base64url");
    expect(await codeOf(listClusters(t.org.id, { limit: 2, cursor: forged }))).toBe("bad_request");
    expect(await codeOf(listClusters(t.org.id, { limit: 2, cursor: "not-a-cursor" }))).toBe("bad_request");
  });

  it("rotation revokes the old token and returns a working new one, with an audit row", async () => {
    const t = await createTestTenant();
    const actor = actorFor(t.users.admin);
    const { cluster, token: oldToken } = await createCluster(t.org.id, actor, { slug: "prod", name: "Prod" });

    const rotated = await rotateClusterToken(t.org.id, actor, cluster.id);
    expect(rotated.secret).toMatch(/^bmp_cl_/);
    expect(await authenticateToken(oldToken)).toBeNull();
    expect(await authenticateToken(rotated.secret)).toMatchObject({ clusterId: cluster.id, kind: "cluster" });
    expect(await db.apiToken.count({ where: { clusterId: cluster.id, revokedAt: null } })).toBe(1);

    const audit = await db.auditLog.findFirstOrThrow({ where: { orgId: t.org.id, action: "cluster.token_rotated" } });
    expect(audit).toMatchObject({ targetId: cluster.id, targetLabel: "prod", actorUserId: t.users.admin.id });
    expect(audit.before).toEqual({ token: oldToken.slice(0, 11) + "…" });
    expect(audit.after).toEqual({ token: rotated.token.hint });
  });

  it("keeps the agent token encrypted for fleet installs, bound to its cluster, and only the active one", async () => {
    const t = await createTestTenant();
    const actor = actorFor(t.users.admin);
    const { cluster, token } = await createCluster(t.org.id, actor, { slug: "prod", name: "Prod" });
    const { cluster: other } = await createCluster(t.org.id, actor, { slug: "dev", name: "Dev" });
    const stored = await db.apiToken.findFirstOrThrow({ where: { clusterId: cluster.id } });
    expect(stored.tokenCiphertext).toMatch(/^v1\./);
    expect(stored.tokenCiphertext).not.toContain(token.slice(7));
    expect(openAgentToken(cluster.id, stored.tokenCiphertext!)).toBe(token);
    // Copied onto another cluster's row, the value does not open.
    expect(() => openAgentToken(other.id, stored.tokenCiphertext!)).toThrow(/another record/);

    const rotated = await rotateClusterToken(t.org.id, actor, cluster.id);
    const rows = await db.apiToken.findMany({ where: { clusterId: cluster.id }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => [r.revokedAt === null, r.tokenCiphertext === null])).toEqual([
      [false, true],
      [true, false],
    ]);
    expect(openAgentToken(cluster.id, rows[1].tokenCiphertext!)).toBe(rotated.secret);
  });

  it("concurrent rotations leave exactly one active token", async () => {
    const t = await createTestTenant();
    const actor = actorFor(t.users.admin);
    const { cluster } = await createCluster(t.org.id, actor, { slug: "prod", name: "Prod" });
    await Promise.all([1, 2, 3].map(() => rotateClusterToken(t.org.id, actor, cluster.id)));
    expect(await db.apiToken.count({ where: { clusterId: cluster.id, revokedAt: null } })).toBe(1);
  });

  it("deletion cascades to tokens and resources and records what was deleted", async () => {
    const t = await createTestTenant();
    const actor = actorFor(t.users.admin);
    const { cluster, token } = await createCluster(t.org.id, actor, { slug: "prod", name: "Prod" });
    await addInventory(t.org.id, cluster.id);

    expect(await codeOf(deleteCluster(t.org.id, actor, { clusterId: cluster.id, confirmSlug: "prd" }))).toBe(
      "bad_request",
    );
    await deleteCluster(t.org.id, actor, { clusterId: cluster.id, confirmSlug: "prod" });

    expect(await db.cluster.count({ where: { id: cluster.id } })).toBe(0);
    expect(await db.apiToken.count({ where: { clusterId: cluster.id } })).toBe(0);
    expect(await db.resource.count({ where: { clusterId: cluster.id } })).toBe(0);
    expect(await authenticateToken(token)).toBeNull();
    const audit = await db.auditLog.findFirstOrThrow({ where: { orgId: t.org.id, action: "cluster.deleted" } });
    expect(audit.before).toEqual({
      name: "Prod",
      slug: "prod",
      kubernetesVersion: null,
      resources: 4,
      activeTokens: 1,
    });
  });

  it("an admin of another org can neither rotate nor delete the cluster", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    const { cluster, token } = await createCluster(a.org.id, actorFor(a.users.admin), { slug: "prod", name: "Prod" });
    const intruder = actorFor(b.users.admin);

    expect(await codeOf(rotateClusterToken(b.org.id, intruder, cluster.id))).toBe("not_found");
    expect(await codeOf(deleteCluster(b.org.id, intruder, { clusterId: cluster.id, confirmSlug: "prod" }))).toBe(
      "not_found",
    );
    expect(await codeOf(rotateClusterToken(b.org.id, intruder, "prod"))).toBe("not_found");
    expect(await authenticateToken(token)).not.toBeNull();
    expect(await db.cluster.count({ where: { id: cluster.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { orgId: b.org.id } })).toBe(0);
  });
});
