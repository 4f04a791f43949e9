import { spawn } from "node:child_process";
import { chmod, mkdtemp, readdir, rm, symlink } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
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
