import { spawn } from "node:child_process";
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { mkdtemp, rm, symlink } from "node:fs/promises";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { removeDataDirectory } from "./local-postgres";
import { readPostmasterPid } from "./postgres-process";
import { freePort, isPortOpen, waitForHealthy } from "./ports";
import { prefixLines } from "./run-streamed";

// The embedded boot check: `npm start`'s own script (scripts/start.ts) with no DATABASE_URL, as a
// first-time user runs it, then Ctrl-C; then a start that fails. It runs in a scratch directory
// that links to the checkout but has its own empty .data/, so the developer's data and running
// instance are never touched. The scratch directory is what `mktemp -d` gives (mode 700), and the
// embedded PostgreSQL's port is held by another listener throughout: the two ways a newcomer's
// first start used to crash.

export type TBootCheck = { name: string; ok: boolean | "skipped"; detail?: string };

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

/** Processes whose command line names `dir` (what `pgrep -f <dir>` finds), Linux only. */
function processesUsing(dir: string): number[] {
  if (!existsSync("/proc/self/cmdline")) return [];
  const found: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0").includes(dir)) found.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}

type TStartRun = {
  output: () => string;
  alive: () => boolean;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  interrupt: () => void;
  kill: () => void;
};

function runStart(root: string, cwd: string, env: NodeJS.ProcessEnv, label: string): TStartRun {
  // Its own process group, so that Ctrl-C can be imitated: SIGINT to every process of the group.
  const child = spawn(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/start.ts"], {
    cwd,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  prefixLines(child.stdout!, `[${label}] `, process.stdout);
  prefixLines(child.stderr!, `[${label}] `, process.stderr);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // the group is already gone
    }
  };
  return {
    output: () => output,
    alive: () => child.exitCode === null && child.signalCode === null,
    exited,
    interrupt: () => signalGroup("SIGINT"),
    kill: () => signalGroup("SIGKILL"),
  };
}

/** Holds `port` on 127.0.0.1 the way another program (a second checkout, any PostgreSQL) would. */
function holdPort(port: number): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer((socket) => socket.destroy());
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}

/** The checks of the boot suite, each counted as a test by scripts/test-all.ts. */
export async function runBootCheck(root: string, log: (line: string) => void): Promise<TBootCheck[]> {
  const checks: TBootCheck[] = [];
  const record = (name: string, ok: boolean | "skipped", detail?: string) => {
    checks.push({ name, ok, detail });
    log(`${ok === "skipped" ? "SKIP" : ok ? "PASS" : "FAIL"} ${name}${detail ? ` — ${detail}` : ""}`);
  };
  const asRoot = process.getuid?.() === 0;
  // mkdtemp gives mode 700, like `mktemp -d` or root's home: left so on purpose.
  const scratch = await mkdtemp(path.join(tmpdir(), "bumpers-boot-"));
  for (const entry of readdirSync(root)) {
    if ([".data", ".git", "test-results", "playwright-report"].includes(entry)) continue;
    await symlink(path.join(root, entry), path.join(scratch, entry));
  }
  const dataLink = path.join(scratch, ".data/postgres");

  const pgPort = await freePort();
  const httpPort = await freePort();
  const holder = await holdPort(pgPort);
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

  const runs: TStartRun[] = [];
  try {
    log(
      `starting scripts/start.ts in ${scratch} (mode ${(statSync(scratch).mode & 0o777).toString(8)}, HTTP port ${httpPort}, ` +
        `embedded PostgreSQL port ${pgPort} held by another listener)`,
    );
    const start = runStart(root, scratch, env, "boot");
    runs.push(start);
    let healthy = false;
    try {
      await waitForHealthy(`http://127.0.0.1:${httpPort}/api/health`, { timeoutMs: 180_000, isAlive: start.alive });
      healthy = true;
    } catch (err) {
      record("npm start comes up", false, (err as Error).message);
    }
    const running = healthy && (await waitUntil(() => start.output().includes("Bumpers is running at"), 15_000));
    const postmaster = existsSync(dataLink) ? readPostmasterPid(realpathSync(dataLink)) : null;

    if (healthy) {
      const moved = /Port (\d+) is in use; embedded PostgreSQL uses (\d+)/.exec(start.output());
      record(
        "with its embedded PostgreSQL port taken by another program, npm start uses the next free one and says so",
        !!moved && Number(moved[1]) === pgPort && postmaster?.port === Number(moved[2]),
        moved ? moved[0] : "no line naming the taken port",
      );
      if (!asRoot) record("as root in a mode-700 directory, npm start comes up", "skipped", "not running as root");
      else {
        const linked = lstatSync(dataLink).isSymbolicLink();
        record(
          "as root in a mode-700 directory, npm start comes up",
          (statSync(scratch).mode & 0o777) === 0o700 && !!postmaster,
          linked ? `data placed in ${realpathSync(dataLink)}` : "data in .data/postgres",
        );
      }
      const problems: string[] = [];
      if (!running) problems.push('start did not print "Bumpers is running at …"');
      else if (!start.output().includes(demoPassword)) problems.push("start did not print the demo sign-ins");
      for (const file of ["encryption-key", "postgres-password"]) {
        const full = path.join(scratch, ".data", file);
        if (!existsSync(full)) problems.push(`no generated .data/${file}`);
        else if ((statSync(full).mode & 0o077) !== 0) problems.push(`.data/${file} is readable by others`);
      }
      record(
        "npm start prints the sign-ins and keeps its generated secrets in .data/ (mode 600)",
        !problems.length,
        problems.join("; "),
      );

      const robots = await fetch(`http://127.0.0.1:${httpPort}/robots.txt`).catch(() => null);
      const robotsText = robots?.status === 200 ? await robots.text() : "";
      record(
        "GET /robots.txt serves public/robots.txt (Disallow: /)",
        /^Disallow: \/$/m.test(robotsText),
        robots ? `HTTP ${robots.status}` : "no answer",
      );

      if (postmaster) {
        const password = readFileSync(path.join(scratch, ".data/postgres-password"), "utf8").trim();
        const url = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${postmaster.port}/bumpers`;
        const worker = await checkWorker(url).catch((err: Error) => err.message);
        record("the worker processes a report stored after start", !worker, worker ?? undefined);
      } else record("the worker processes a report stored after start", false, "no postmaster.pid in .data/postgres");
    }

    if (start.alive()) {
      log("sending SIGINT to the process group (Ctrl-C)");
      start.interrupt();
    }
    const result = await Promise.race([start.exited, sleep(30_000).then(() => null)]);
    const stopProblems: string[] = [];
    if (!healthy) stopProblems.push("did not come up");
    if (!result) stopProblems.push("npm start did not exit within 30 s of Ctrl-C");
    else if (result.code !== 0 && result.signal !== "SIGINT") {
      stopProblems.push(`npm start exited with ${result.signal ?? `code ${result.code}`} after Ctrl-C`);
    }
    const pgPortNow = postmaster?.port ?? 0;
    const pgStopped = await waitUntil(
      async () => !existsSync(path.join(dataLink, "postmaster.pid")) && !(pgPortNow && (await isPortOpen(pgPortNow))),
      15_000,
    );
    if (!pgStopped) stopProblems.push("the embedded PostgreSQL was still running after npm start exited");
    if (await isPortOpen(httpPort)) stopProblems.push(`port ${httpPort} still answered after npm start exited`);
    record("Ctrl-C stops the app, the worker and PostgreSQL", !stopProblems.length, stopProblems.join("; "));

    // A start that fails after PostgreSQL is up: an org token that does not look like one.
    const failing = runStart(
      root,
      scratch,
      {
        ...env,
        BUMPERS_DEMO_SEED: "false",
        BUMPERS_INIT_ORG_SLUG: "boot-check",
        BUMPERS_INIT_ORG_TOKEN: "not-a-token",
      },
      "boot-fail",
    );
    runs.push(failing);
    log("starting again with an invalid BUMPERS_INIT_ORG_TOKEN, which the start refuses after PostgreSQL is up");
    const failed = await Promise.race([failing.exited, sleep(120_000).then(() => null)]);
    const lines = failing
      .output()
      .split("\n")
      .filter((l) => l.includes("[bumpers] Start failed:"));
    const dataDir = existsSync(dataLink) ? realpathSync(dataLink) : dataLink;
    const left = await waitUntil(() => processesUsing(dataDir).length === 0, 15_000);
    const failProblems: string[] = [];
    if (!failed) failProblems.push("did not exit within 120 s");
    else if (failed.code !== 1) failProblems.push(`exited with ${failed.signal ?? `code ${failed.code}`}, not 1`);
    if (lines.length !== 1) failProblems.push(`printed ${lines.length} "[bumpers] Start failed:" lines`);
    else if (!lines[0]!.includes("BUMPERS_INIT_ORG_TOKEN")) failProblems.push(`the line does not say why: ${lines[0]}`);
    if (!failing.output().includes("PostgreSQL is running")) failProblems.push("PostgreSQL never started");
    if (!left) failProblems.push(`a process still runs on ${dataDir}: ${processesUsing(dataDir).join(", ")}`);
    if (existsSync(path.join(dataDir, "postmaster.pid"))) failProblems.push("postmaster.pid is still there");
    record(
      "a start that fails prints one [bumpers] Start failed: line and leaves no PostgreSQL behind",
      !failProblems.length,
      failProblems.join("; ") || lines[0]?.slice(0, 120),
    );
  } finally {
    // Anything the check started and left behind goes, so a failure cannot leak processes.
    for (const run of runs) run.kill();
    holder.close();
    const leftover = existsSync(dataLink) ? readPostmasterPid(realpathSync(dataLink)) : null;
    if (leftover) {
      try {
        process.kill(leftover.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
    removeDataDirectory(dataLink);
    await rm(scratch, { recursive: true, force: true }).catch(() => {});
  }
  return checks;
}
