import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { createCluster } from "@/lib/clusters/create-cluster";
import { authenticateToken } from "@/lib/tokens/authenticate-token";
import { actorFor, createTestCluster, createTestTenant } from "@/lib/testing/factories";
import { signInAs } from "@/lib/testing/session";
import { createClusterAction, deleteClusterAction, reprocessReportAction, rotateClusterTokenAction } from "./actions";
import { formOf } from "@/lib/testing/forms";

describe("cluster actions", () => {
  it("lets an admin add, rotate and delete a cluster, each with an audit row", async () => {
    const t = await createTestTenant();
    signInAs(t.users.admin);
    const created = await createClusterAction(null, formOf({ org: t.org.slug, name: "Prod EU", slug: "prod-eu" }));
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const cluster = await db.cluster.findFirstOrThrow({ where: { orgId: t.org.id, slug: "prod-eu" } });
    expect(await authenticateToken(created.data.token)).toMatchObject({ clusterId: cluster.id });

    const rotated = await rotateClusterTokenAction(null, formOf({ org: t.org.slug, clusterId: cluster.id }));
    expect(rotated.ok && rotated.data.token).toMatch(/^bmp_cl_/);
    expect(await authenticateToken(created.data.token)).toBeNull();

    const wrong = await deleteClusterAction(null, formOf({ org: t.org.slug, clusterId: cluster.id, confirm: "prod" }));
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: "bad_request", fieldErrors: { confirm: [expect.any(String)] } },
    });
    const deleted = await deleteClusterAction(
      null,
      formOf({ org: t.org.slug, clusterId: cluster.id, confirm: "prod-eu" }),
    );
    expect(deleted).toEqual({ ok: true, data: { slug: "prod-eu" } });

    const actions = await db.auditLog.findMany({ where: { orgId: t.org.id }, orderBy: { id: "asc" } });
    expect(actions.map((a) => a.action)).toEqual(["cluster.created", "cluster.token_rotated", "cluster.deleted"]);
    expect(actions.every((a) => a.actorUserId === t.users.admin.id)).toBe(true);
  });

  it("shows a duplicate slug or bad input under the field", async () => {
    const t = await createTestTenant();
    signInAs(t.users.owner);
    await createClusterAction(null, formOf({ org: t.org.slug, name: "Prod", slug: "prod" }));
    const duplicate = await createClusterAction(null, formOf({ org: t.org.slug, name: "Prod 2", slug: "prod" }));
    expect(duplicate).toMatchObject({
      ok: false,
      error: { code: "conflict", fieldErrors: { slug: [expect.any(String)] } },
    });
    const invalid = await createClusterAction(null, formOf({ org: t.org.slug, name: "x", slug: "Bad Slug" }));
    expect(invalid).toMatchObject({ ok: false, error: { code: "bad_request" } });
    expect(Object.keys(invalid.ok ? {} : (invalid.error.fieldErrors ?? {})).sort()).toEqual(["name", "slug"]);
  });

  it("refuses members (forbidden) and other orgs' admins (not_found)", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    const { cluster, token } = await createCluster(a.org.id, actorFor(a.users.admin), { slug: "prod", name: "Prod" });

    signInAs(a.users.member);
    expect(await createClusterAction(null, formOf({ org: a.org.slug, name: "Dev", slug: "dev" }))).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    expect(await rotateClusterTokenAction(null, formOf({ org: a.org.slug, clusterId: cluster.id }))).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });

    signInAs(b.users.admin);
    // Through their own org: the cluster is not there.
    expect(await rotateClusterTokenAction(null, formOf({ org: b.org.slug, clusterId: cluster.id }))).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
    expect(
      await deleteClusterAction(null, formOf({ org: b.org.slug, clusterId: cluster.id, confirm: "prod" })),
    ).toMatchObject({ ok: false, error: { code: "not_found" } });
    // Through org A's slug: not a member.
    expect(
      await deleteClusterAction(null, formOf({ org: a.org.slug, clusterId: cluster.id, confirm: "prod" })),
    ).toMatchObject({ ok: false, error: { code: "not_found" } });

    expect(await authenticateToken(token)).not.toBeNull();
    expect(await db.cluster.count({ where: { orgId: a.org.id } })).toBe(1);
  });
});

describe("reprocess report action", () => {
  async function failedReport(orgId: string, clusterId: string) {
    const report = await db.report.create({
      data: {
        orgId,
        clusterId,
        type: "polaris",
        sha256: randomBytes(32).toString("hex"),
        body: Buffer.from("{}"),
        sizeBytes: 2,
        status: "failed",
        error: "Unexpected shape",
        processedAt: new Date(),
      },
    });
    return report.id;
  }

  it("lets an org admin queue a failed report again, with an audit row", async () => {
    const t = await createTestTenant();
    const cluster = await createTestCluster(t.org.id, { slug: "prod" });
    const reportId = await failedReport(t.org.id, cluster.id);
    signInAs(t.users.admin);
    expect(await reprocessReportAction(null, formOf({ org: t.org.slug, reportId }))).toEqual({
      ok: true,
      data: { type: "polaris", clusterSlug: "prod" },
    });
    expect(await db.report.findUniqueOrThrow({ where: { id: reportId } })).toMatchObject({
      status: "received",
      error: null,
    });
    // Twice in a row: the second finds it queued.
    expect(await reprocessReportAction(null, formOf({ org: t.org.slug, reportId }))).toMatchObject({
      ok: false,
      error: { code: "conflict" },
    });
    const audit = await db.auditLog.findMany({ where: { orgId: t.org.id, action: "report.reprocess" } });
    expect(audit.map((a) => a.actorUserId)).toEqual([t.users.admin.id]);
  });

  it("is forbidden to team viewers and editors and not_found for another org's report", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    const cluster = await createTestCluster(a.org.id);
    const reportId = await failedReport(a.org.id, cluster.id);

    for (const user of [a.users.viewer, a.users.editor, a.users.teamAdmin]) {
      signInAs(user);
      expect(await reprocessReportAction(null, formOf({ org: a.org.slug, reportId }))).toMatchObject({
        ok: false,
        error: { code: "forbidden" },
      });
    }
    signInAs(b.users.admin);
    expect(await reprocessReportAction(null, formOf({ org: b.org.slug, reportId }))).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
    expect(await reprocessReportAction(null, formOf({ org: a.org.slug, reportId }))).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });

    expect(await db.report.findUniqueOrThrow({ where: { id: reportId } })).toMatchObject({ status: "failed" });
    expect(
      await db.auditLog.count({ where: { action: "report.reprocess", orgId: { in: [a.org.id, b.org.id] } } }),
    ).toBe(0);
  });
});
