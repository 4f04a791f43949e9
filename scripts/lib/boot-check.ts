import { spawn } from "node:child_process";
import { chmod, mkdtemp, readdir, rm, symlink } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort, isPortOpen, waitForHealthy } from "./ports";
import { prefixLines } from "./run-streamed";

// The embedded boot check: `npm start`'s own script (scripts/start.ts) with no DATABASE_URL, as a
// first-time user runs it, then Ctrl-C. It runs in a scratch directory that links to the checkout
// but has its own empty .data/, so the developer's data and running instance are never touched.

const INHERITED_BUT_UNWANTED = [
  "DATABASE_URL",
  "NEXTAUTH_URL",
  "NEXTAUTH_SECRET",
  "BUMPERS_ENCRYPTION_KEY",
  "BUMPERS_ENCRYPTION_KEY_PREVIOUS",
  "BUMPERS_INIT_ORG_SLUG",
  "BUMPERS_INIT_ORG_NAME",
  "BUMPERS_INIT_USER_EMAIL",
  "BUMPERS_INIT_USER_PASSWORD",
  "BUMPERS_INIT_ORG_TOKEN",
];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitUntil(check: () => Promise<boolean> | boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await sleep(250);
  }
  return check();
}

/**
 * Stores a small Polaris report for a demo cluster, the way the upload route does, and waits for
 * the worker that `npm start` runs beside Next.js to process it. Returns a problem, or null.
 */
async function checkWorker(databaseUrl: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const body = JSON.stringify({ PolarisOutputVersion: "1.0", AuditTime: new Date().toISOString(), Results: [] });
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO reports (org_id, cluster_id, type, sha256, body, size_bytes)
       SELECT c.org_id, c.id, 'polaris', encode(sha256(convert_to($1, 'UTF8')), 'hex'), convert_to($1, 'UTF8'), length($1)
         FROM clusters c JOIN organizations o ON o.id = c.org_id WHERE o.slug = 'acme' ORDER BY c.slug LIMIT 1
       RETURNING id`,
      [body],
    );
    if (!rows[0]) return "the demo organization has no cluster to store a report for";
    await client.query(`SELECT pg_notify('bumpers_reports', $1)`, [rows[0].id]);
    let status = "received";
    await waitUntil(async () => {
      const r = await client.query<{ status: string }>(`SELECT status FROM reports WHERE id = $1`, [rows[0].id]);
      status = r.rows[0]?.status ?? "missing";
      return status !== "received";
    }, 30_000);
    return status === "processed" ? null : `the worker did not process a stored report (status ${status})`;
  } finally {
    await client.end();
  }
}

/** Returns the problems found; an empty list means the app booted, answered and shut down cleanly. */
export async function runBootCheck(root: string, log: (line: string) => void): Promise<string[]> {
  const problems: string[] = [];
  const scratch = await mkdtemp(path.join(tmpdir(), "bumpers-boot-"));
  // The embedded server runs as the unprivileged "postgres" user when we are root; it must reach .data/.
  await chmod(scratch, 0o755);
  for (const entry of await readdir(root)) {
    if ([".data", ".git", "test-results", "playwright-report"].includes(entry)) continue;
    await symlink(path.join(root, entry), path.join(scratch, entry));
  }

  const pgPort = await freePort();
  const httpPort = await freePort();
  const demoPassword = `boot-check-${Date.now()}`;
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of INHERITED_BUT_UNWANTED) delete env[name];
  Object.assign(env, {
    PORT: String(httpPort),
    BUMPERS_EMBEDDED_PG_PORT: String(pgPort),
    BUMPERS_DEMO_SEED: "true",
    BUMPERS_DEMO_PASSWORD: demoPassword,
    NEXT_TELEMETRY_DISABLED: "1",
  });

  log(`starting scripts/start.ts in ${scratch} (HTTP port ${httpPort}, embedded PostgreSQL port ${pgPort})`);
  // Its own process group, so that Ctrl-C can be imitated: SIGINT to every process of the group.
  const child = spawn(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/start.ts"], {
    cwd: scratch,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  prefixLines(child.stdout!, "[boot] ", process.stdout);
  prefixLines(child.stderr!, "[boot] ", process.stderr);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  const alive = () => child.exitCode === null && child.signalCode === null;
  const pidFile = path.join(scratch, ".data/postgres/postmaster.pid");

  try {
    try {
      await waitForHealthy(`http://127.0.0.1:${httpPort}/api/health`, { timeoutMs: 180_000, isAlive: alive });
      log("GET /api/health answered 200 with status ok");
    } catch (err) {
      problems.push((err as Error).message);
    }
    if (!problems.length) {
      const printed = await waitUntil(() => output.includes("Bumpers is running at"), 15_000);
      if (!printed) problems.push('start did not print "Bumpers is running at …"');
      else if (!output.includes(demoPassword)) problems.push("start did not print the demo sign-ins with the password");
      if (!existsSync(pidFile)) problems.push("the embedded PostgreSQL did not run from .data/postgres");
      if (!existsSync(path.join(scratch, ".data/encryption-key"))) {
        problems.push("start did not keep a generated BUMPERS_ENCRYPTION_KEY in .data/encryption-key");
      }
    }

    if (!problems.length) {
      const worker = await checkWorker(`postgresql://postgres:postgres@127.0.0.1:${pgPort}/bumpers`);
      if (worker) problems.push(worker);
      else log("the worker processed a report stored after start");
    }

    if (alive()) {
      log("sending SIGINT to the process group (Ctrl-C)");
      process.kill(-child.pid!, "SIGINT");
      const result = await Promise.race([exited, sleep(30_000).then(() => null)]);
      if (!result) problems.push("npm start did not exit within 30 s of Ctrl-C");
      else {
        log(`exited with ${result.signal ?? `code ${result.code}`}`);
        if (result.code !== 0 && result.signal !== "SIGINT")
          problems.push(`npm start exited with ${result.signal ?? `code ${result.code}`} after Ctrl-C`);
      }
    } else {
      problems.push(`npm start exited on its own with code ${child.exitCode ?? child.signalCode}`);
    }

    const pgStopped = await waitUntil(async () => !existsSync(pidFile) && !(await isPortOpen(pgPort)), 15_000);
    if (!pgStopped) problems.push("the embedded PostgreSQL was still running after npm start exited");
    else log("PostgreSQL stopped");
    if (await isPortOpen(httpPort)) problems.push(`port ${httpPort} still answered after npm start exited`);
  } finally {
    // Anything the check started and left behind goes, so a failure cannot leak processes.
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // the group is already gone
    }
    await rm(scratch, { recursive: true, force: true }).catch(() => {});
  }
  return problems;
}
