import { describe, expect, it } from "vitest";
import type { Notification } from "pg";
import { db, pool } from "@/lib/server/db";
import { createTestCluster, createTestOrg, createTestUser } from "@/lib/testing/factories";
import { REPORTS_CHANNEL } from "./notify";
import { reprocessReport } from "./reprocess";

type TStatus = "received" | "processed" | "failed";

async function insertReport(cluster: { orgId: string; id: string }, status: TStatus, error: string | null = null) {
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO reports (org_id, cluster_id, type, sha256, body, size_bytes, status, error, processed_at)
     VALUES ($1, $2, 'polaris', md5(random()::text), '\\x7b7d', 2, $3::report_status, $4,
             CASE WHEN $3 = 'received' THEN NULL ELSE now() END)
     RETURNING id`,
    [cluster.orgId, cluster.id, status, error],
  );
  return rows[0].id;
}

let actor: { userId: string; label: string };

async function setup() {
  const org = await createTestOrg();
  const cluster = await createTestCluster(org.id, { slug: "prod" });
  const user = await createTestUser();
  actor = { userId: user.id, label: user.email };
  return { org, cluster };
}

/** Resolves with the payloads the ingest worker would be woken with while `during` runs. */
async function notificationsDuring(during: () => Promise<unknown>): Promise<string[]> {
  const client = await pool.connect();
  const payloads: string[] = [];
  const onNotification = (n: Notification) => {
    if (n.channel === REPORTS_CHANNEL && n.payload) payloads.push(n.payload);
  };
  client.on("notification", onNotification);
  try {
    await client.query(`LISTEN ${REPORTS_CHANNEL}`);
    await during();
    // A round trip on the listening connection delivers any notification committed before it.
    await client.query("SELECT 1");
    return payloads;
  } finally {
    client.off("notification", onNotification);
    await client.query(`UNLISTEN ${REPORTS_CHANNEL}`);
    client.release();
  }
}

describe("reprocessReport", () => {
  it("queues a failed report again, clears its error, records who did it and wakes the worker", async () => {
    const { org, cluster } = await setup();
    const reportId = await insertReport(cluster, "failed", "Polaris report: Results must be an array");

    const woken = await notificationsDuring(() => reprocessReport(org.id, actor, reportId));

    expect(woken).toEqual([reportId]);
    const report = await db.report.findUniqueOrThrow({ where: { id: reportId } });
    expect(report).toMatchObject({ status: "received", error: null, processedAt: null });
    const audit = await db.auditLog.findFirstOrThrow({ where: { orgId: org.id, action: "report.reprocess" } });
    expect(audit).toMatchObject({ targetType: "report", targetId: reportId, targetLabel: "prod/polaris" });
    expect(audit).toMatchObject({ actorUserId: actor.userId, actorLabel: actor.label });
    expect(audit.before).toEqual({ status: "failed", error: "Polaris report: Results must be an array" });
    expect(audit.after).toEqual({ status: "received" });
  });

  it("queues a processed report again", async () => {
    const { org, cluster } = await setup();
    const reportId = await insertReport(cluster, "processed");
    await expect(reprocessReport(org.id, actor, reportId)).resolves.toMatchObject({ id: reportId, type: "polaris" });
    expect((await db.report.findUniqueOrThrow({ where: { id: reportId } })).status).toBe("received");
  });

  it("refuses a report that is still queued (conflict) and changes nothing", async () => {
    const { org, cluster } = await setup();
    const reportId = await insertReport(cluster, "received");
    const woken = await notificationsDuring(() =>
      expect(reprocessReport(org.id, actor, reportId)).rejects.toMatchObject({ code: "conflict" }),
    );
    expect(woken).toEqual([]);
    expect(await db.auditLog.count({ where: { orgId: org.id } })).toBe(0);
  });

  it("answers not_found for another org's report or an id that is not one", async () => {
    const { cluster } = await setup();
    const reportId = await insertReport(cluster, "failed", "boom");
    const stranger = await createTestOrg();
    await expect(reprocessReport(stranger.id, actor, reportId)).rejects.toMatchObject({ code: "not_found" });
    await expect(reprocessReport(stranger.id, actor, "not-a-uuid")).rejects.toMatchObject({ code: "not_found" });
    const report = await db.report.findUniqueOrThrow({ where: { id: reportId } });
    expect(report).toMatchObject({ status: "failed", error: "boom" });
    expect(await db.auditLog.count({ where: { orgId: stranger.id } })).toBe(0);
  });

  it("keeps only the start of a long error in the audit log", async () => {
    const { org, cluster } = await setup();
    const reportId = await insertReport(cluster, "failed", "x".repeat(5000));
    await reprocessReport(org.id, actor, reportId);
    const audit = await db.auditLog.findFirstOrThrow({ where: { orgId: org.id, action: "report.reprocess" } });
    expect((audit.before as { error: string }).error).toHaveLength(500);
  });
});
