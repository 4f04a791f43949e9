import { describe, expect, it } from "vitest";
import { pool } from "@/lib/server/db";
import { createTriageTenant } from "@/lib/findings/triage-testing";
import { pruneRetention } from "./prune";

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);
const RETENTION = { reportDays: 30, findingEventDays: 30, deliveryLogDays: 30 };

async function addReport(orgId: string, clusterId: string, type: string, status: string, age: number) {
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO reports (org_id, cluster_id, type, sha256, size_bytes, body, status, received_at)
     VALUES ($1, $2, $3, md5(random()::text) || md5(random()::text), 2, '{}'::bytea, $4::report_status, $5)
     RETURNING id`,
    [orgId, clusterId, type, status, daysAgo(age)],
  );
  return rows[0].id;
}

const idsOf = async (table: string, orgId: string) =>
  new Set(
    (await pool.query<{ id: string }>(`SELECT id::text FROM ${table} WHERE org_id = $1`, [orgId])).rows.map(
      (r) => r.id,
    ),
  );

describe("retention pruning", () => {
  it("drops old reports but keeps the last processed one per cluster and type, newer ones and queued ones", async () => {
    const t = await createTriageTenant();
    const oldest = await addReport(t.org.id, t.cluster.id, "nova", "processed", 100);
    const lastProcessed = await addReport(t.org.id, t.cluster.id, "nova", "processed", 90);
    const failedAfter = await addReport(t.org.id, t.cluster.id, "nova", "failed", 80);
    const queued = await addReport(t.org.id, t.cluster.id, "pluto", "received", 100);
    const { rows: polaris } = await pool.query<{ id: string }>(
      "UPDATE reports SET received_at = $2 WHERE org_id = $1 AND type = 'polaris' RETURNING id",
      [t.org.id, daysAgo(60)],
    );

    const pruned = await pruneRetention(RETENTION, { orgId: t.org.id });
    expect(pruned.reports).toBe(1);
    const left = await idsOf("reports", t.org.id);
    expect(left.has(oldest)).toBe(false);
    for (const kept of [lastProcessed, failedAfter, queued, polaris[0].id]) expect(left.has(kept)).toBe(true);
    // The findings that pointed at nothing pruned still point at their report.
    const { rows } = await pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM findings WHERE org_id = $1 AND last_report_id IS NULL",
      [t.org.id],
    );
    expect(rows[0].n).toBe(0);
  });

  it("drops old finding history except each finding's opened event and its notes", async () => {
    const t = await createTriageTenant();
    const finding = t.findings.team[0];
    await pool.query(
      `INSERT INTO finding_events (org_id, finding_id, kind, data, created_at) VALUES
         ($1, $2, 'fixed', '{}', $3), ($1, $2, 'reopened', '{}', $3), ($1, $2, 'commented', '{"text":"why"}', $3),
         ($1, $2, 'snoozed', '{}', now())`,
      [t.org.id, finding, daysAgo(45)],
    );
    await pool.query("UPDATE finding_events SET created_at = $2 WHERE org_id = $1 AND kind = 'opened'", [
      t.org.id,
      daysAgo(45),
    ]);

    const pruned = await pruneRetention(RETENTION, { orgId: t.org.id });
    expect(pruned.findingEvents).toBe(2);
    const { rows } = await pool.query<{ kind: string }>(
      "SELECT kind::text FROM finding_events WHERE finding_id = $1 ORDER BY kind",
      [finding],
    );
    expect(rows.map((r) => r.kind)).toEqual(["commented", "opened", "snoozed"]);
  });

  it("drops old sent and failed PagerDuty events from the delivery log, never pending ones", async () => {
    const t = await createTriageTenant();
    const { rows } = await pool.query<{ status: string }>(
      `INSERT INTO alert_events (org_id, destination_id, destination_name, routing_key_ciphertext, key_fingerprint,
                                 action, dedup_key, payload, status, created_at)
       SELECT $1, gen_random_uuid(), 'Platform', 'v1.x', 'f', 'trigger', 'k', '{}', s::alert_delivery_status, $2
         FROM unnest(ARRAY['delivered', 'failed', 'pending']) AS s
       RETURNING status::text`,
      [t.org.id, daysAgo(45)],
    );
    expect(rows).toHaveLength(3);
    expect((await pruneRetention(RETENTION, { orgId: t.org.id })).deliveryLog).toBe(2);
    const left = await pool.query<{ status: string }>("SELECT status::text FROM alert_events WHERE org_id = $1", [
      t.org.id,
    ]);
    expect(left.rows.map((r) => r.status)).toEqual(["pending"]);
  });

  it("drops old admission decisions, CI scans and CI findings not seen for the period", async () => {
    const t = await createTriageTenant();
    await pool.query(
      `INSERT INTO admission_decisions (org_id, cluster_id, uid, operation, kind, outcome, created_at)
       SELECT $1, $2, 'u' || n, 'CREATE', 'Deployment', 'allowed', now() - make_interval(days => n)
         FROM unnest(ARRAY[1, 45]) AS n`,
      [t.org.id, t.cluster.id],
    );
    await pool.query(
      `INSERT INTO ci_scans (org_id, repository, branch, "commit", results, blocking, opened, fixed, created_at)
       SELECT $1, 'acme/app', 'main', 'abcdef1', 0, 0, 0, 0, now() - make_interval(days => n)
         FROM unnest(ARRAY[2, 60]) AS n`,
      [t.org.id],
    );
    await pool.query(
      `INSERT INTO ci_findings (org_id, fingerprint, repository, branch, "commit", check_id, category, severity,
                                title, kind, name, status, last_seen_at)
       SELECT $1, 'fp' || n, 'acme/app', b, 'abcdef1', 'hostPathSet', 'security', 'high', 'x', 'Deployment', 'a',
              s::finding_status, now() - make_interval(days => n)
         FROM (VALUES (1, 'main', 'open'), (50, 'main', 'fixed'), (70, 'old-feature', 'open')) AS v(n, b, s)`,
      [t.org.id],
    );
    const pruned = await pruneRetention({ ...RETENTION, admissionLogDays: 30, ciDays: 30 }, { orgId: t.org.id });
    expect(pruned).toMatchObject({ admissionLog: 1, ciScans: 1, ciFindings: 2 });
    const left = await pool.query<{ branch: string }>("SELECT branch FROM ci_findings WHERE org_id = $1", [t.org.id]);
    expect(left.rows).toEqual([{ branch: "main" }]);
  });

  it("keeps everything when a retention is 0, and touches no other organization", async () => {
    const t = await createTriageTenant();
    const other = await createTriageTenant();
    await addReport(t.org.id, t.cluster.id, "nova", "processed", 100);
    await addReport(t.org.id, t.cluster.id, "nova", "processed", 90);
    const otherOld = await addReport(other.org.id, other.cluster.id, "nova", "processed", 100);
    await addReport(other.org.id, other.cluster.id, "nova", "processed", 90);

    expect(
      await pruneRetention({ reportDays: 0, findingEventDays: 0, deliveryLogDays: 0 }, { orgId: t.org.id }),
    ).toEqual({
      reports: 0,
      findingEvents: 0,
      deliveryLog: 0,
      admissionLog: 0,
      ciScans: 0,
      ciFindings: 0,
      webhookDeliveries: 0,
      ruleRuns: 0,
      automationJobs: 0,
    });
    expect((await pruneRetention(RETENTION, { orgId: t.org.id })).reports).toBe(1);
    expect((await idsOf("reports", other.org.id)).has(otherOld)).toBe(true);
  });
});
