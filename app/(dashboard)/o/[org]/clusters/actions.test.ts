import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { createCluster } from "@/lib/clusters/create-cluster";
import { authenticateToken } from "@/lib/tokens/authenticate-token";
import { createTestTenant } from "@/lib/testing/factories";
import { signInAs } from "@/lib/testing/session";
import { createClusterAction, deleteClusterAction, rotateClusterTokenAction } from "./actions";

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};

describe("cluster actions", () => {
  it("lets an admin add, rotate and delete a cluster, each with an audit row", async () => {
    const t = await createTestTenant();
    signInAs(t.users.admin);
    const created = await createClusterAction(null, form({ org: t.org.slug, name: "Prod EU", slug: "prod-eu" }));
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const cluster = await db.cluster.findFirstOrThrow({ where: { orgId: t.org.id, slug: "prod-eu" } });
    expect(await authenticateToken(created.data.token)).toMatchObject({ clusterId: cluster.id });

    const rotated = await rotateClusterTokenAction(null, form({ org: t.org.slug, clusterId: cluster.id }));
    expect(rotated.ok && rotated.data.token).toMatch(/^bmp_cl_/);
    expect(await authenticateToken(created.data.token)).toBeNull();

    const wrong = await deleteClusterAction(null, form({ org: t.org.slug, clusterId: cluster.id, confirm: "prod" }));
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: "bad_request", fieldErrors: { confirm: [expect.any(String)] } },
    });
    const deleted = await deleteClusterAction(
      null,
      form({ org: t.org.slug, clusterId: cluster.id, confirm: "prod-eu" }),
    );
    expect(deleted).toEqual({ ok: true, data: { slug: "prod-eu" } });

    const actions = await db.auditLog.findMany({ where: { orgId: t.org.id }, orderBy: { id: "asc" } });
    expect(actions.map((a) => a.action)).toEqual(["cluster.created", "cluster.token_rotated", "cluster.deleted"]);
    expect(actions.every((a) => a.actorUserId === t.users.admin.id)).toBe(true);
  });

  it("shows a duplicate slug or bad input under the field", async () => {
    const t = await createTestTenant();
    signInAs(t.users.owner);
    await createClusterAction(null, form({ org: t.org.slug, name: "Prod", slug: "prod" }));
    const duplicate = await createClusterAction(null, form({ org: t.org.slug, name: "Prod 2", slug: "prod" }));
    expect(duplicate).toMatchObject({
      ok: false,
      error: { code: "conflict", fieldErrors: { slug: [expect.any(String)] } },
    });
    const invalid = await createClusterAction(null, form({ org: t.org.slug, name: "x", slug: "Bad Slug" }));
    expect(invalid).toMatchObject({ ok: false, error: { code: "bad_request" } });
    expect(Object.keys(invalid.ok ? {} : (invalid.error.fieldErrors ?? {})).sort()).toEqual(["name", "slug"]);
  });

  it("refuses members (forbidden) and other orgs' admins (not_found)", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    const { cluster, token } = await createCluster(
      a.org.id,
      { userId: a.users.admin.id, label: a.users.admin.email },
      { slug: "prod", name: "Prod" },
    );

    signInAs(a.users.member);
    expect(await createClusterAction(null, form({ org: a.org.slug, name: "Dev", slug: "dev" }))).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    expect(await rotateClusterTokenAction(null, form({ org: a.org.slug, clusterId: cluster.id }))).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });

    signInAs(b.users.admin);
    // Through their own org: the cluster is not there.
    expect(await rotateClusterTokenAction(null, form({ org: b.org.slug, clusterId: cluster.id }))).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
    expect(
      await deleteClusterAction(null, form({ org: b.org.slug, clusterId: cluster.id, confirm: "prod" })),
    ).toMatchObject({ ok: false, error: { code: "not_found" } });
    // Through org A's slug: not a member.
    expect(
      await deleteClusterAction(null, form({ org: a.org.slug, clusterId: cluster.id, confirm: "prod" })),
    ).toMatchObject({ ok: false, error: { code: "not_found" } });

    expect(await authenticateToken(token)).not.toBeNull();
    expect(await db.cluster.count({ where: { orgId: a.org.id } })).toBe(1);
  });
});
