// Fault test: the processes of `npm start` die or lose their database at the worst moment, and
// nothing may be lost or done twice.
//
//   (a) ingest: the worker is SIGKILLed in the middle of processing a big Trivy report (and the
//       app in the middle of receiving one); after a restart every report is processed exactly
//       once and the cluster's findings and events equal those of a clean run of the same reports;
//   (b) PagerDuty delivery: the worker is SIGKILLed between sending an event and recording the
//       answer (PagerDuty got it, the answer was lost); after a restart every outbox event is
//       delivered and the fake PagerDuty holds no duplicate incident (same dedup key);
//   (c) database: PostgreSQL stops while the app serves; meanwhile the API and the agent endpoint
//       answer 503 `unavailable` with a clear message (not a 500, not a hang), and once it is back
//       the same app process answers 200 again by itself.
//
//   npm run faults [-- --short] [--app-port N --pg-port N]
//
// Runs its own embedded PostgreSQL (data in .data/faults-postgres, removed afterwards; the
// machine's server is never touched) and needs a production build. Prints one `CHECK PASS|FAIL`
// line per check; exits 1 on any failure.
import http from "node:http";
import type { Socket } from "node:net";
import os from "node:os";
import path from "node:path";
import { generatedTrivyReport } from "./bench-ingest-data";
import {
  createMigratedDatabase,
  processEnv,
  runCheckScript,
  finishedReports,
  startApp,
  startOwnedPostgres,
  startWorker,
  type TChild,
} from "./lib/app-processes";
import { createChecks } from "./lib/checks";
import { loadReportSet } from "./lib/load-reports";
import { createLoadTenant } from "./lib/load-tenant";
import { argNumber, root, SHORT } from "./lib/bench-kit";
import { freePort } from "./lib/ports";

// Big enough that processing takes seconds, so a kill lands inside the transaction.
const IMAGES = SHORT ? 150 : 400;
const PER_IMAGE = SHORT ? 40 : 50;
const OUTAGE_MS = SHORT ? 4000 : 10_000;
// Namespace of processReport's advisory lock (lib/worker/process-report.ts): held while a
// report is being applied.
const PROCESS_LOCK_NAMESPACE = 72707370;
const log = (line: string) => console.log(`[faults] ${line}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined | false>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await sleep(100);
  }
}

/**
 * In front of the fake PagerDuty: forwards every event, and for the next `swallow` of them keeps
 * PagerDuty's answer from the worker (the request hangs): the event arrived, the answer is lost.
 */
async function lossyProxy(target: string) {
  let swallow = 0;
  let swallowed = 0;
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => (body += c));
    req.on("end", async () => {
      const answer = await fetch(target + req.url, {
        method: req.method,
        body: req.method === "POST" ? body : undefined,
      });
      const text = await answer.text();
      if (req.url === "/v2/enqueue" && swallow > 0) {
        swallow--;
        swallowed++;
        return; // never answered
      }
      res.writeHead(answer.status, { "content-type": "application/json" });
      res.end(text);
    });
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    swallowNext: (n: number) => (swallow += n),
    swallowed: () => swallowed,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A session cookie through next-auth's credentials flow, as the sign-in page does it. */
async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  return [...jar, ...res.headers.getSetCookie().map((c) => c.split(";")[0])].join("; ");
}

async function main() {
  const checks = createChecks("faults");
  const pgPort = argNumber("pg-port", 0) || (await freePort());
  const appPort = argNumber("app-port", 0) || (await freePort());
  const logDir = path.join(root, "test-results/faults");
  const pg = await startOwnedPostgres({ dir: path.join(root, ".data/faults-postgres"), port: pgPort });
  const children: TChild[] = [];
  const workers: TChild[] = [];
  let closeFakes = async () => {};
  try {
    const databaseUrl = await createMigratedDatabase(pg, "bumpers_faults");
    const tenant = await createLoadTenant({ clusters: 3, alerting: true });
    const [clean, faulty, paged] = tenant.clusters as [
      (typeof tenant.clusters)[0],
      (typeof tenant.clusters)[0],
      (typeof tenant.clusters)[0],
    ];
    const { pool } = await import("@/lib/server/db");
    const { startFakePagerDuty } = await import("@/lib/testing/fake-pagerduty");
    const fake = await startFakePagerDuty({ port: 0 });
    const proxy = await lossyProxy(fake.url);
    closeFakes = async () => {
      await proxy.close();
      await fake.close();
    };
    const env = processEnv(databaseUrl, proxy.url);
    const options = { root, env, logDir };
    let worker = await startWorker("worker-1", options);
    workers.push(worker);
    let app = await startApp(appPort, options);
    children.push(app);
    const base = `http://127.0.0.1:${appPort}`;
    const restartWorker = async () => {
      worker = await startWorker(`worker-${workers.length + 1}`, options);
      workers.push(worker);
    };

    const upload = async (cluster: { slug: string; token: string }, type: string, body: Buffer, timeoutMs = 60_000) => {
      const res = await fetch(`${base}/v0/organizations/${tenant.orgSlug}/clusters/${cluster.slug}/data/${type}`, {
        method: "POST",
        headers: { authorization: `Bearer ${cluster.token}`, "content-type": "application/json" },
        body: new Uint8Array(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      return { status: res.status, body: await res.text() };
    };
    const reportsOf = async (clusterId: string) =>
      (
        await pool.query<{ id: string; status: string; sha256: string }>(
          `SELECT id, status::text AS status, sha256 FROM reports WHERE cluster_id = $1 ORDER BY received_at`,
          [clusterId],
        )
      ).rows;
    const drained = (clusterId: string) =>
      until(`the reports of ${clusterId} to be processed`, 180_000, async () => {
        const rows = await reportsOf(clusterId);
        return rows.length > 0 && rows.every((r) => r.status !== "received") && rows;
      });

    // ── (a) ingest ──────────────────────────────────────────────────────────────────────────
    const reportA = generatedTrivyReport(IMAGES, PER_IMAGE, IMAGES * 4);
    // The second report: a fifth of the images gone (their findings become "removed"), the rest unchanged.
    const reportB = generatedTrivyReport(Math.round(IMAGES * 0.8), PER_IMAGE, IMAGES * 4);
    log(`(a) reports of ${(reportA.length / 1048576).toFixed(1)} MB; the clean run first`);
    const cleanStarted = performance.now();
    for (const body of [reportA, reportB]) {
      const answer = await upload(clean, "trivy", body);
      if (answer.status !== 200) throw new Error(`clean upload answered ${answer.status}: ${answer.body}`);
      await drained(clean.id);
    }
    log(`(a) clean run: ${Math.round(performance.now() - cleanStarted)} ms for both reports`);

    /** Waits until a worker holds the processing lock, lets it work a moment, then SIGKILLs it. */
    async function killWorkerMidIngest(clusterId: string): Promise<boolean> {
      await until("the worker to start processing", 60_000, async () => {
        const { rows } = await pool.query(`SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND classid = $1`, [
          PROCESS_LOCK_NAMESPACE,
        ]);
        return rows.length > 0;
      });
      await sleep(300);
      await worker.kill("SIGKILL");
      // The killed worker's transaction rolls back: the report must still be waiting.
      const rows = await reportsOf(clusterId);
      return rows.some((r) => r.status === "received");
    }

    // Report A: the worker dies mid-processing.
    let answer = await upload(faulty, "trivy", reportA);
    if (answer.status !== 200) throw new Error(`upload answered ${answer.status}: ${answer.body}`);
    const landedA = await killWorkerMidIngest(faulty.id);
    await restartWorker();
    await drained(faulty.id);

    // Report B: the app dies while receiving it; the agent retries until it gets 200. Then the
    // worker dies mid-processing as well. (The worker is stopped meanwhile, so it cannot finish B
    // before the kill if the interrupted upload was stored after all.)
    await worker.kill("SIGTERM");
    const inFlight = upload(faulty, "trivy", reportB).catch((err: Error) => ({ status: 0, body: err.message }));
    await sleep(150);
    await app.kill("SIGKILL");
    const interrupted = await inFlight;
    app = await startApp(appPort, options);
    children.push(app);
    for (let attempt = 0; ; attempt++) {
      answer = await upload(faulty, "trivy", reportB).catch((err: Error) => ({ status: 0, body: err.message }));
      if (answer.status === 200 || attempt >= 5) break;
      await sleep(1000);
    }
    const retriedOk = answer.status === 200;
    await restartWorker();
    const landedB = retriedOk ? await killWorkerMidIngest(faulty.id) : false;
    await restartWorker();
    const faultyReports = await drained(faulty.id);
    checks.record(
      "(a) kills landed mid-ingest (report still waiting after the SIGKILL)",
      landedA && landedB,
      `report A: ${landedA ? "rolled back" : "already committed"}, report B: ${landedB ? "rolled back" : "already committed"}; app killed during an upload (answer ${interrupted.status || "none"}), retry answered ${answer.status}`,
    );
    checks.record(
      "(a) each report stored once and processed",
      retriedOk && faultyReports.length === 2 && faultyReports.every((r) => r.status === "processed"),
      faultyReports.map((r) => r.status).join(", "),
    );

    // Same findings and events as the clean run, cluster ids aside.
    const snapshot = async (clusterId: string) => {
      const findings = await pool.query<{ line: string }>(
        `SELECT concat_ws('|', source, check_id, namespace, kind, name, container, vulnerability_id, severity, status) AS line
           FROM findings WHERE cluster_id = $1 ORDER BY 1`,
        [clusterId],
      );
      const events = await pool.query<{ kind: string; n: number }>(
        `SELECT e.kind::text AS kind, count(*)::int AS n FROM finding_events e JOIN findings f ON f.id = e.finding_id
          WHERE f.cluster_id = $1 GROUP BY 1 ORDER BY 1`,
        [clusterId],
      );
      return {
        findings: findings.rows.map((r) => r.line),
        events: events.rows.map((e) => `${e.n} ${e.kind}`).join(", "),
      };
    };
    const [cleanState, faultyState] = [await snapshot(clean.id), await snapshot(faulty.id)];
    const sameFindings =
      cleanState.findings.length === faultyState.findings.length &&
      cleanState.findings.every((line, i) => line === faultyState.findings[i]);
    checks.record(
      "(a) findings equal a clean run's",
      sameFindings && cleanState.findings.length > 0,
      `${faultyState.findings.length} findings after the kills, ${cleanState.findings.length} in the clean run`,
    );
    checks.record(
      "(a) finding events not doubled",
      cleanState.events === faultyState.events,
      `after the kills: ${faultyState.events}; clean run: ${cleanState.events}`,
    );
    const finished = finishedReports(workers);
    const twice = [...finished].filter(([, n]) => n > 1);
    checks.record(
      "(a) no report finished twice (workers' logs)",
      twice.length === 0 && faultyReports.every((r) => finished.get(r.id) === 1),
      `${faultyReports.map((r) => `${r.id.slice(0, 8)}: ${finished.get(r.id) ?? 0}×`).join(", ")}`,
    );

    // ── (b) PagerDuty delivery ──────────────────────────────────────────────────────────────
    log("(b) a Polaris report that pages; the first event's answer is lost and the worker killed");
    proxy.swallowNext(1);
    const polaris = loadReportSet(root).body("polaris", 1, 0);
    answer = await upload(paged, "polaris", polaris);
    if (answer.status !== 200) throw new Error(`polaris upload answered ${answer.status}: ${answer.body}`);
    await until("PagerDuty to receive the first event", 60_000, async () => proxy.swallowed() > 0);
    const leased = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM alert_events WHERE org_id = $1 AND status = 'pending' AND lease_until > now()`,
      [tenant.orgId],
    );
    await worker.kill("SIGKILL");
    const killedAt = Date.now();
    await restartWorker();

    // ── (c) database outage, while (b)'s claimed events wait for their lease to run out ──────
    log(`(c) stopping PostgreSQL for ${OUTAGE_MS / 1000} s while the app serves`);
    const appPid = app.process.pid;
    const cookie = await signIn(base, tenant.owner.email, tenant.owner.password);
    type TProbe = { what: string; status: number; ms: number; code?: string; message?: string };
    const probe = async (what: string, run: () => Promise<Response>): Promise<TProbe> => {
      const t0 = performance.now();
      try {
        const res = await run();
        if (!(res.headers.get("content-type") ?? "").includes("json")) {
          // A page: the message is the paragraph of its text that mentions the database.
          const paragraphs = (await res.text()).split(/<\/?(?:p|h1|div|body)[^>]*>/);
          const text = paragraphs.map((p) =>
            p
              .replace(/<[^>]+>/g, " ")
              .replace(/\s+/g, " ")
              .trim(),
          );
          const shown = text.find((p) => /database/i.test(p)) ?? text.join(" ").slice(0, 80);
          return { what, status: res.status, ms: performance.now() - t0, message: shown };
        }
        const body = (await res.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
        return {
          what,
          status: res.status,
          ms: performance.now() - t0,
          code: body.error?.code,
          message: body.error?.message,
        };
      } catch (err) {
        return { what, status: 0, ms: performance.now() - t0, message: (err as Error).message };
      }
    };
    const requests = () => [
      probe("GET /api/health", () => fetch(`${base}/api/health`, { signal: AbortSignal.timeout(15_000) })),
      probe("GET /api/v1/findings", () =>
        fetch(`${base}/api/v1/findings?limit=20`, {
          headers: { authorization: `Bearer ${tenant.readToken}` },
          signal: AbortSignal.timeout(15_000),
        }),
      ),
      probe("GET findings page", () =>
        fetch(`${base}/o/${tenant.orgSlug}/findings`, {
          headers: { cookie },
          redirect: "manual",
          signal: AbortSignal.timeout(15_000),
        }),
      ),
      probe("POST agent upload", () =>
        fetch(`${base}/v0/organizations/${tenant.orgSlug}/clusters/${paged.slug}/data/nova`, {
          method: "POST",
          headers: { authorization: `Bearer ${paged.token}`, "content-type": "application/json" },
          body: new Uint8Array(loadReportSet(root).body("nova", 2, 0)),
          signal: AbortSignal.timeout(15_000),
        }),
      ),
    ];
    await pg.stop();
    const outageStarted = Date.now();
    const during: TProbe[] = [];
    while (Date.now() - outageStarted < OUTAGE_MS) {
      during.push(...(await Promise.all(requests())));
      await sleep(500);
    }
    await pg.start();
    const restartedAt = Date.now();
    const recovered = await until("the app to answer 200 again", 60_000, async () => {
      const round = await Promise.all(requests());
      return round.every((r) => r.status === 200) && round;
    }).catch(() => undefined);
    const recoveryMs = Date.now() - restartedAt;

    const describe = (probes: TProbe[]) => {
      const by = new Map<string, number>();
      for (const p of probes)
        by.set(`${p.what} → ${p.status || "no answer"}`, (by.get(`${p.what} → ${p.status || "no answer"}`) ?? 0) + 1);
      return [...by].map(([k, n]) => `${n}× ${k}`).join("; ");
    };
    const api = during.filter((p) => p.what !== "GET /api/health" && p.what !== "GET findings page");
    const pages = during.filter((p) => p.what === "GET findings page");
    checks.record(
      "(c) during the outage the API and agent endpoint answer 503 unavailable with a clear message",
      api.length > 0 &&
        api.every((p) => p.status === 503 && p.code === "unavailable" && /database/i.test(p.message ?? "")),
      `${describe(api)}; message: "${api.find((p) => p.message)?.message ?? "none"}"`,
    );
    checks.record(
      "(c) during the outage pages answer 503 with a clear message",
      pages.length > 0 && pages.every((p) => p.status === 503 && /database/i.test(p.message ?? "")),
      `${describe(pages)}; shown: "${pages[0]?.message ?? "nothing"}"`,
    );
    checks.record(
      "(c) /api/health answers 503 during the outage",
      during.filter((p) => p.what === "GET /api/health").every((p) => p.status === 503),
      describe(during.filter((p) => p.what === "GET /api/health")),
    );
    const slowest = Math.max(...during.map((p) => p.ms));
    checks.record(
      "(c) no request hangs during the outage (each answered within 5 s)",
      slowest < 5000,
      `slowest ${Math.round(slowest)} ms`,
    );
    checks.record(
      "(c) the same app process answers 200 again after PostgreSQL is back",
      !!recovered && app.alive() && app.process.pid === appPid,
      recovered ? `${recoveryMs} ms after the restart, app pid unchanged` : "still failing after 60 s",
    );

    // (b) checks: every event delivered once its lease expired, no duplicate incident.
    const delivered = await until("every alert event to be delivered", 150_000, async () => {
      const { rows } = await pool.query<{ status: string; n: number }>(
        `SELECT status::text AS status, count(*)::int AS n FROM alert_events WHERE org_id = $1 GROUP BY 1`,
        [tenant.orgId],
      );
      const total = rows.reduce((s, r) => s + r.n, 0);
      const done = rows.find((r) => r.status === "delivered")?.n ?? 0;
      return total > 0 && done === total && { total };
    }).catch(() => undefined);
    const { rows: keys } = await pool.query<{ dedup_key: string }>(
      `SELECT DISTINCT dedup_key FROM alert_events WHERE org_id = $1 AND action = 'trigger'`,
      [tenant.orgId],
    );
    const incidents = fake.incidents({ routingKey: tenant.routingKey });
    const perKey = new Map<string, number>();
    for (const i of incidents) perKey.set(i.dedupKey, (perKey.get(i.dedupKey) ?? 0) + 1);
    const duplicates = [...perKey].filter(([, n]) => n > 1);
    const resent = incidents.filter((i) => i.triggers > 1).length;
    checks.record(
      "(b) the kill landed between sending and recording (PagerDuty had the event, the answer was lost)",
      proxy.swallowed() === 1 && leased.rows[0]!.n > 0,
      `${proxy.swallowed()} answer lost, ${leased.rows[0]!.n} event(s) claimed at the kill`,
    );
    checks.record(
      "(b) every outbox event delivered after the restart",
      !!delivered,
      delivered
        ? `${delivered.total} events delivered ${Math.round((Date.now() - killedAt) / 1000)} s after the kill (a claim's lease is 60 s)`
        : "some events not delivered",
    );
    checks.record(
      "(b) no duplicate incident at PagerDuty",
      duplicates.length === 0 && incidents.length === keys.length && resent >= 1,
      `${incidents.length} incidents for ${keys.length} dedup keys; ${resent} received its trigger again after the kill`,
    );

    // After all that: the worker processes what was uploaded once PostgreSQL was back.
    const after = await drained(paged.id).catch(() => undefined);
    checks.record(
      "reports uploaded around the outage are processed",
      !!after && after.every((r) => r.status === "processed"),
      after ? `${after.length} reports of that cluster processed` : "not drained",
    );

    console.log(`
Fault test ${SHORT ? "(short) " : ""}— ${new Date().toISOString().slice(0, 16)}Z, ${os.cpus().length} CPUs, load average ${os
      .loadavg()
      .map((n) => n.toFixed(1))
      .join(" ")}
| Fault | What happened |
| --- | --- |
| (a) worker SIGKILL mid-ingest (${faultyState.findings.length.toLocaleString("en")} findings, 2 reports), app SIGKILL mid-upload | ${landedA && landedB ? "both kills rolled back the report's transaction" : "a kill landed after commit"}; after restarts: ${faultyReports.length} reports, each processed once; findings ${sameFindings ? "identical to" : "DIFFERENT from"} the clean run; events ${faultyState.events} |
| (b) worker SIGKILL between PagerDuty's receipt and the recorded answer | ${delivered ? `all ${delivered.total} events delivered after the lease (${Math.round((Date.now() - killedAt) / 1000)} s)` : "not all delivered"}; ${incidents.length} incidents for ${keys.length} dedup keys |
| (c) PostgreSQL stopped ${OUTAGE_MS / 1000} s | ${describe(during)}; slowest answer ${Math.round(slowest)} ms; 200 again ${recovered ? `${recoveryMs} ms` : "never"} after the restart, same app process |
`);
    await pool.end();
    process.exitCode = checks.summary() ? 1 : 0;
  } finally {
    await Promise.all([...children, ...workers].map((c) => c.kill("SIGTERM")));
    await closeFakes();
    await pg.dispose();
  }
}

runCheckScript("faults", main);
