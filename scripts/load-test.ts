// Load test: N simulated clusters (50; 25 in --short) upload every report type the agent sends, round
// after round, to `next start` with worker processes running, while an API client reads the
// findings list. Then the queue drains and the books must balance:
//
//   - every upload was accepted (no 5xx, no refusal), and each stored exactly once: one `reports`
//     row per distinct upload, none for the retries (same bytes again) it sends on purpose;
//   - every stored report was processed (or failed with a reason), and by exactly one worker, once:
//     the workers' logs name each report once, and each report's finding events match the counts
//     its processing recorded (a second pass would add events or change the counts);
//   - p95 of GET /api/v1/findings during the load is measured (and every read answered 200).
//
//   npm run load [-- --short] [--clusters 50 --seconds 180 --interval 20 --workers 2]
//                [--app-port N --pg-port N]
//
// Runs its own embedded PostgreSQL (data in .data/load-postgres, removed afterwards) and needs a
// production build (`npm run build`). The API and ingest rate limits are switched off: one agent
// token per cluster and one API token at full speed are the point, not the 429s of their limits.
// Prints one `CHECK PASS|FAIL <name>` line per check and a summary; exits 1 on any failure.
import { createHash } from "node:crypto";
import os from "node:os";
import path from "node:path";
import {
  createMigratedDatabase,
  processEnv,
  runCheckScript,
  finishedReports,
  percentile,
  startApp,
  startOwnedPostgres,
  startWorker,
  type TChild,
} from "./lib/app-processes";
import { createChecks } from "./lib/checks";
import { loadReportSet, REPORT_TYPES, type TReportType } from "./lib/load-reports";
import { createLoadTenant } from "./lib/load-tenant";
import { argNumber, root, SHORT } from "./lib/bench-kit";
import { freePort } from "./lib/ports";

const CLUSTERS = argNumber("clusters", SHORT ? 25 : 50);
const SECONDS = argNumber("seconds", SHORT ? 15 : 180);
const INTERVAL_S = argNumber("interval", SHORT ? 10 : 20);
const WORKERS = argNumber("workers", 2);
const DRAIN_S = argNumber("drain", SHORT ? 120 : 600);
const log = (line: string) => console.log(`[load] ${line}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type TUpload = { cluster: string; type: TReportType; sha256: string; status: number; retry: boolean; ms: number };

async function main() {
  const checks = createChecks("load");
  const pgPort = argNumber("pg-port", 0) || (await freePort());
  const appPort = argNumber("app-port", 0) || (await freePort());
  const logDir = path.join(root, "test-results/load");
  log(`${CLUSTERS} clusters × ${REPORT_TYPES.length} report types, ${SECONDS} s, a round every ~${INTERVAL_S} s`);
  const pg = await startOwnedPostgres({ dir: path.join(root, ".data/load-postgres"), port: pgPort });
  const children: TChild[] = [];
  try {
    const databaseUrl = await createMigratedDatabase(pg, "bumpers_load");
    const tenant = await createLoadTenant({ clusters: CLUSTERS });
    const { pool } = await import("@/lib/server/db");
    const { startFakePagerDuty } = await import("@/lib/testing/fake-pagerduty");
    const fake = await startFakePagerDuty({ port: 0 });

    const env = processEnv(databaseUrl, fake.url);
    const options = { root, env, logDir };
    const [app, ...workers] = await Promise.all([
      startApp(appPort, options),
      ...Array.from({ length: WORKERS }, (_, i) => startWorker(`worker-${i + 1}`, options)),
    ]);
    children.push(app!, ...workers);
    const base = `http://127.0.0.1:${appPort}`;
    const reports = loadReportSet(root, { heavyShare: SHORT ? 0.1 : 0.5 });

    // 1. The load: each cluster sends its reports one after another (an agent runs its plugins as
    //    separate jobs), then waits for its next round; the clusters start spread over one interval.
    const uploads: TUpload[] = [];
    const started = Date.now();
    const deadline = started + SECONDS * 1000;
    async function upload(cluster: (typeof tenant.clusters)[number], type: TReportType, body: Buffer, retry: boolean) {
      const t0 = performance.now();
      let status = 0;
      try {
        const res = await fetch(`${base}/v0/organizations/${tenant.orgSlug}/clusters/${cluster.slug}/data/${type}`, {
          method: "POST",
          headers: { authorization: `Bearer ${cluster.token}`, "content-type": "application/json" },
          body: new Uint8Array(body),
          signal: AbortSignal.timeout(60_000),
        });
        status = res.status;
        await res.arrayBuffer();
      } catch {
        status = 0; // no answer (timeout, connection refused): counted as a failure below
      }
      const sha256 = createHash("sha256").update(body).digest("hex");
      uploads.push({ cluster: cluster.slug, type, sha256, status, retry, ms: performance.now() - t0 });
    }
    async function agent(index: number) {
      const cluster = tenant.clusters[index]!;
      await sleep((index / CLUSTERS) * INTERVAL_S * 1000);
      for (let round = 0; Date.now() < deadline; round++) {
        const roundStart = Date.now();
        for (const type of REPORT_TYPES) {
          const body = reports.body(type, index, round);
          await upload(cluster, type, body, false);
          // Every third round the agent retries its Polaris upload (a lost answer): same bytes again.
          if (type === "polaris" && round % 3 === 1) await upload(cluster, type, body, true);
        }
        const jitter = (0.8 + Math.random() * 0.4) * INTERVAL_S * 1000;
        // No sleeping past the end: the load window is the time uploads were being made.
        await sleep(Math.max(0, Math.min(roundStart + jitter, deadline) - Date.now()));
      }
    }

    // 2. Meanwhile an API client reads the findings list, one request at a time.
    const reads: { ms: number; status: number }[] = [];
    let loading = true;
    async function reader() {
      const views = ["limit=50", "severity=critical,high&limit=50", "group=check&limit=50", "q=nginx&limit=50"];
      for (let i = 0; loading; i++) {
        const t0 = performance.now();
        let status = 0;
        try {
          const res = await fetch(`${base}/api/v1/findings?${views[i % views.length]}`, {
            headers: { authorization: `Bearer ${tenant.readToken}` },
            signal: AbortSignal.timeout(30_000),
          });
          status = res.status;
          await res.arrayBuffer();
        } catch {
          status = 0;
        }
        reads.push({ ms: performance.now() - t0, status });
        await sleep(100);
      }
    }
    const progress = setInterval(() => {
      const accepted = uploads.filter((u) => u.status === 200).length;
      log(
        `${Math.round((Date.now() - started) / 1000)} s: ${uploads.length} uploads (${accepted} accepted), ${reads.length} reads, load ${os.loadavg()[0]!.toFixed(1)}`,
      );
    }, 10_000);
    const readerDone = reader();
    await Promise.all(tenant.clusters.map((_, i) => agent(i)));
    const loadEnded = Date.now();
    loading = false;
    await readerDone;
    clearInterval(progress);
    log(`load done after ${((loadEnded - started) / 1000).toFixed(0)} s; waiting for the queue to drain…`);

    // 3. Drain: every stored report leaves 'received'.
    const drainDeadline = Date.now() + DRAIN_S * 1000;
    let waiting = Infinity;
    while (Date.now() < drainDeadline) {
      const { rows } = await pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM reports WHERE status = 'received'`,
      );
      waiting = rows[0]!.n;
      if (waiting === 0) break;
      await sleep(1000);
    }
    const drained = Date.now();
    // A last moment for the workers' log lines of the final reports to arrive.
    await sleep(500);

    // 4. The books.
    const fresh = uploads.filter((u) => !u.retry);
    const retries = uploads.filter((u) => u.retry);
    const byStatus = new Map<number, number>();
    for (const u of [...uploads]) byStatus.set(u.status, (byStatus.get(u.status) ?? 0) + 1);
    const statusText = [...byStatus].map(([s, n]) => `${n}× ${s || "no answer"}`).join(", ");
    const serverErrors = uploads.filter((u) => u.status >= 500 || u.status === 0).length;
    const readErrors = reads.filter((r) => r.status >= 500 || r.status === 0).length;
    checks.record(
      "no 5xx or unanswered request",
      serverErrors + readErrors === 0,
      `uploads: ${statusText}; reads with 5xx/no answer: ${readErrors}`,
    );
    checks.record(
      "every upload accepted (200)",
      uploads.every((u) => u.status === 200),
      statusText,
    );

    const { rows: stored } = await pool.query<{
      id: string;
      slug: string;
      type: string;
      sha256: string;
      status: string;
      error: string | null;
      summary: Record<string, unknown> | null;
    }>(
      `SELECT r.id, c.slug, r.type, r.sha256, r.status::text AS status, r.error, r.summary
         FROM reports r JOIN clusters c ON c.id = r.cluster_id WHERE r.org_id = $1`,
      [tenant.orgId],
    );
    const key = (slug: string, type: string, sha: string) => `${slug}/${type}/${sha}`;
    const acceptedKeys = new Set(fresh.filter((u) => u.status === 200).map((u) => key(u.cluster, u.type, u.sha256)));
    const storedKeys = new Map<string, number>();
    for (const r of stored)
      storedKeys.set(key(r.slug, r.type, r.sha256), (storedKeys.get(key(r.slug, r.type, r.sha256)) ?? 0) + 1);
    const missing = [...acceptedKeys].filter((k) => !storedKeys.has(k));
    const unexpected = [...storedKeys.keys()].filter((k) => !acceptedKeys.has(k));
    checks.record(
      "every accepted upload stored exactly once (retries deduplicated)",
      missing.length === 0 && unexpected.length === 0 && stored.length === acceptedKeys.size,
      `${fresh.length} uploads + ${retries.length} retries sent, ${acceptedKeys.size} distinct accepted, ${stored.length} rows` +
        (missing.length ? `; missing ${missing.slice(0, 3).join(", ")}` : "") +
        (unexpected.length ? `; unexpected ${unexpected.slice(0, 3).join(", ")}` : ""),
    );

    const counts = { processed: 0, failed: 0, received: 0, failedWithoutReason: 0 };
    for (const r of stored) {
      if (r.status === "processed") counts.processed++;
      else if (r.status === "failed") {
        counts.failed++;
        if (!r.error) counts.failedWithoutReason++;
      } else counts.received++;
    }
    const failures = stored.filter((r) => r.status === "failed").slice(0, 3);
    checks.record(
      `queue drained within ${DRAIN_S} s, every report processed (or failed with a reason)`,
      waiting === 0 && counts.received === 0 && counts.failedWithoutReason === 0,
      `${counts.processed} processed, ${counts.failed} failed, ${counts.received} still waiting` +
        (failures.length ? `; e.g. ${failures.map((f) => `${f.type}: ${f.error}`).join(" | ")}` : ""),
    );
    checks.record("no report failed (all variants are valid)", counts.failed === 0, `${counts.failed} failed`);

    const finished = finishedReports(workers);
    const twice = [...finished].filter(([, n]) => n > 1);
    const unlogged = stored.filter((r) => !finished.has(r.id));
    checks.record(
      "each report finished by exactly one worker, once",
      twice.length === 0 && unlogged.length === 0,
      `${finished.size} reports in the workers' logs (${workers.map((w) => `${w.name}: ${finishedReports([w]).size}`).join(", ")})` +
        (twice.length
          ? `; twice: ${twice
              .slice(0, 3)
              .map(([id]) => id)
              .join(", ")}`
          : "") +
        (unlogged.length ? `; never logged: ${unlogged.length}` : ""),
    );

    // A report's events are written in the transaction that records its counts: a report applied
    // twice would have more events than its summary says, or two events of a kind for one finding.
    const { rows: mismatched } = await pool.query<{ id: string; type: string }>(
      `WITH ev AS (
         SELECT report_id, kind::text AS kind, count(*)::int AS n FROM finding_events
          WHERE org_id = $1 AND report_id IS NOT NULL GROUP BY report_id, kind)
       SELECT r.id, r.type FROM reports r
        WHERE r.org_id = $1 AND r.status = 'processed' AND r.summary ? 'opened'
          AND (COALESCE((r.summary->>'opened')::int, 0), COALESCE((r.summary->>'reopened')::int, 0),
               COALESCE((r.summary->>'fixed')::int, 0), COALESCE((r.summary->>'removed')::int, 0))
              IS DISTINCT FROM
              (COALESCE((SELECT n FROM ev WHERE ev.report_id = r.id AND kind = 'opened'), 0),
               COALESCE((SELECT n FROM ev WHERE ev.report_id = r.id AND kind = 'reopened'), 0),
               COALESCE((SELECT n FROM ev WHERE ev.report_id = r.id AND kind = 'fixed'), 0),
               COALESCE((SELECT n FROM ev WHERE ev.report_id = r.id AND kind = 'removed'), 0))
       UNION ALL
       SELECT r.id, r.type FROM reports r
        WHERE r.org_id = $1 AND r.status = 'processed' AND r.summary ? 'findingsRemoved'
          AND (r.summary->>'findingsRemoved')::int <>
              (SELECT count(*) FROM finding_events e WHERE e.report_id = r.id AND e.kind = 'removed')`,
      [tenant.orgId],
    );
    const { rows: doubled } = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (
         SELECT 1 FROM finding_events WHERE org_id = $1 AND report_id IS NOT NULL
          GROUP BY finding_id, kind, report_id HAVING count(*) > 1) d`,
      [tenant.orgId],
    );
    const { rows: lifecycle } = await pool.query<{ kind: string; n: number }>(
      `SELECT kind::text AS kind, count(*)::int AS n FROM finding_events WHERE org_id = $1 GROUP BY kind ORDER BY kind`,
      [tenant.orgId],
    );
    checks.record(
      "finding events match each report's recorded counts (nothing applied twice)",
      mismatched.length === 0 && doubled[0]!.n === 0,
      `events: ${lifecycle.map((l) => `${l.n} ${l.kind}`).join(", ")}` +
        (mismatched.length
          ? `; ${mismatched.length} reports differ, e.g. ${mismatched[0]!.type} ${mismatched[0]!.id}`
          : "") +
        (doubled[0]!.n ? `; ${doubled[0]!.n} duplicated events` : ""),
    );

    const readOk = reads.filter((r) => r.status === 200);
    checks.record(
      "findings API answered during the load",
      readOk.length > 0 && readOk.length === reads.length,
      `${readOk.length}/${reads.length} reads answered 200`,
    );

    // 5. Figures.
    const loadS = (loadEnded - started) / 1000;
    const accepted = fresh.filter((u) => u.status === 200).length;
    const uploadMs = uploads.map((u) => u.ms);
    const readMs = readOk.map((r) => r.ms);
    const { rows: size } = await pool.query<{ mb: number; findings: number; processing_s: number }>(
      `SELECT (SELECT sum(size_bytes) FROM reports WHERE org_id = $1)::float / 1048576 AS mb,
              (SELECT count(*)::int FROM findings WHERE org_id = $1) AS findings,
              (SELECT extract(epoch FROM max(processed_at) - min(received_at)) FROM reports WHERE org_id = $1)::float
                AS processing_s`,
      [tenant.orgId],
    );
    console.log(`
Load test ${SHORT ? "(short) " : ""}— ${new Date().toISOString().slice(0, 16)}Z, ${os.cpus().length} CPUs, load average at the end ${os
      .loadavg()
      .map((n) => n.toFixed(1))
      .join(" ")}
| Figure | Value |
| --- | --- |
| Clusters × report types | ${CLUSTERS} × ${REPORT_TYPES.length}, a round every ~${INTERVAL_S} s for ${Math.round(loadS)} s, ${WORKERS} worker process(es) |
| Uploads sent (+ deliberate retries) | ${fresh.length} (+ ${retries.length}); answers: ${statusText} |
| Stored / processed / failed | ${stored.length} / ${counts.processed} / ${counts.failed} (${size[0]!.mb.toFixed(0)} MB of reports, ${size[0]!.findings.toLocaleString("en")} findings) |
| Accepted uploads per second | ${(accepted / loadS).toFixed(1)} |
| Reports processed per second (first report received to last processed) | ${(counts.processed / size[0]!.processing_s).toFixed(1)} (queue drained ${Math.round((drained - loadEnded) / 1000)} s after the last upload) |
| Upload latency p50 / p95 / max | ${Math.round(percentile(uploadMs, 50))} / ${Math.round(percentile(uploadMs, 95))} / ${Math.round(Math.max(0, ...uploadMs))} ms |
| GET /api/v1/findings during the load: p50 / p95 / max | ${Math.round(percentile(readMs, 50))} / ${Math.round(percentile(readMs, 95))} / ${Math.round(Math.max(0, ...readMs))} ms (${reads.length} reads) |
`);
    await fake.close();
    await pool.end();
    const failed = checks.summary();
    process.exitCode = failed ? 1 : 0;
  } finally {
    await Promise.all(children.map((c) => c.kill("SIGTERM")));
    await pg.dispose();
  }
}

runCheckScript("load", main);
