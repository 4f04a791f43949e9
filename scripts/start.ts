// `npm start`: build if needed, start PostgreSQL (embedded when DATABASE_URL is unset), migrate,
// initialize and seed, then run Next.js in production mode until Ctrl-C.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { TDemoServices } from "./lib/demo-services";
import { startEmbeddedPostgres, type TLocalPostgres } from "./lib/local-postgres";
import { canListen, waitForHealthy } from "./lib/ports";
import { startFailedLine } from "./lib/start-failure";

const root = process.cwd();
const dataDir = path.join(root, ".data");
const dev = process.argv.includes("--dev");
const log = (line: string) => console.log(`[bumpers] ${line}`);
const DEFAULT_EMBEDDED_PG_PORT = 54329;
/** How many ports after the configured one a busy port may move the embedded PostgreSQL to. */
const EMBEDDED_PG_PORT_TRIES = 20;
const DEFAULT_APP_PORT = 3000;
const APP_PORT_TRIES = 20;

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

// What this start has running, stopped in this order on Ctrl-C, on a failure and when a child dies.
let embedded: TLocalPostgres | undefined;
let app: ChildProcess | undefined;
let worker: ChildProcess | undefined;
let demoServices: TDemoServices = { lines: [], stop: async () => undefined };
let running = false;
let stopping = false;

async function stopChild(proc: ChildProcess | undefined): Promise<void> {
  if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise((resolve) => proc.once("exit", resolve));
  proc.kill("SIGTERM");
  // A child that does not finish within 20 s of SIGTERM is killed, so a stop always ends.
  const timer = setTimeout(() => proc.kill("SIGKILL"), 20_000);
  await exited;
  clearTimeout(timer);
}

/** Stops what this start started (app and worker first, then PostgreSQL) and exits with `code`. */
async function stop(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    await Promise.all([stopChild(app), stopChild(worker)]).catch(() => undefined);
    await demoServices.stop();
    if (embedded) {
      log("Stopping PostgreSQL…");
      await embedded.stop().catch(() => undefined);
    }
    process.exit(code);
  }
  return new Promise<never>(() => {});
}

/** Every way a start can fail ends here: one line, then everything it started is stopped. */
async function fail(err: unknown): Promise<never> {
  if (!stopping) console.error(startFailedLine(err));
  return stop(1);
}

function onChildExit(name: string) {
  return (code: number | null, signal: NodeJS.Signals | null) => {
    const result = exitCodeOf(code, signal);
    if (stopping) return;
    if (result === 0) void stop(0);
    else if (!running) void fail(new Error(`the ${name} exited with ${signal ?? `code ${code}`} during start`));
    else {
      console.error(`[bumpers] The ${name} exited with ${signal ?? `code ${code}`}; stopping.`);
      void stop(result);
    }
  };
}

function embeddedPort(): number {
  const raw = process.env.BUMPERS_EMBEDDED_PG_PORT?.trim();
  const port = raw ? Number(raw) : DEFAULT_EMBEDDED_PG_PORT;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`BUMPERS_EMBEDDED_PG_PORT must be a port number (1 to 65535), not "${raw}"`);
  }
  return port;
}

/**
 * PORT when set (a busy one fails the start with its name), else 3000 or, when another program
 * holds it (a second checkout, another dev server), the next free port, said out loud.
 */
async function appPort(): Promise<number> {
  const raw = process.env.PORT?.trim();
  const isFree = async (port: number) => (await canListen(port, "0.0.0.0")) && (await canListen(port, "127.0.0.1"));
  if (raw) {
    const port = Number(raw);
    if (!Number.isInteger(port) || port < 1 || port > 65535)
      throw new Error(`PORT must be a port number, not "${raw}"`);
    if (!(await isFree(port))) throw new Error(`port ${port} (PORT) is in use by another program; choose another PORT`);
    return port;
  }
  for (let port = DEFAULT_APP_PORT; port < DEFAULT_APP_PORT + APP_PORT_TRIES; port++) {
    if (!(await isFree(port))) continue;
    if (port !== DEFAULT_APP_PORT)
      log(`Port ${DEFAULT_APP_PORT} is in use; Bumpers uses ${port} (PORT picks another).`);
    return port;
  }
  throw new Error(
    `ports ${DEFAULT_APP_PORT} to ${DEFAULT_APP_PORT + APP_PORT_TRIES - 1} are all in use; set PORT to a free one`,
  );
}

async function startDatabase(): Promise<void> {
  const port = embeddedPort();
  log("Starting the embedded PostgreSQL…");
  // Generated on first start like the encryption key. A cluster made before there was one used
  // postgres/postgres; startEmbeddedPostgres moves it to this password.
  const password = persistentValue("postgres-password", () => randomBytes(24).toString("base64url"));
  embedded = await startEmbeddedPostgres({
    dir: path.join(dataDir, "postgres"),
    port,
    portTries: EMBEDDED_PG_PORT_TRIES,
    database: "bumpers",
    password,
    legacyPassword: "postgres",
    log,
  });
  if (embedded.port !== port) {
    log(`Port ${port} is in use; embedded PostgreSQL uses ${embedded.port} (BUMPERS_EMBEDDED_PG_PORT picks another).`);
  }
  const where = path.relative(root, embedded.dataDir).startsWith("..")
    ? embedded.dataDir
    : path.relative(root, embedded.dataDir);
  log(`PostgreSQL is running on 127.0.0.1:${embedded.port}, data in ${where}.`);
  process.env.DATABASE_URL = embedded.url;
}

/**
 * Acme seeded by an earlier start: its tickets point at that start's fake Jira and GitHub, which
 * are gone; they move to this start's fakes, which get their issues back. A failure leaves the
 * demo running (only its ticket sync is off), said in one line.
 */
async function reconnectDemoTickets(fakes: NonNullable<TDemoServices["tickets"]>): Promise<void> {
  const { reconnectAcmeTickets } = await import("../prisma/demo/reconnect-tickets");
  try {
    const moved = await reconnectAcmeTickets(fakes, process.env.NEXTAUTH_URL!);
    if (moved) log(`Reconnected Acme's demo tickets to the local Jira and GitHub (${moved.tickets} tickets).`);
  } catch (err) {
    log(`Could not reconnect Acme's demo tickets to the local Jira and GitHub: ${(err as Error).message}`);
  }
}

async function main(): Promise<void> {
  // Ctrl-C from the start on: whatever has started by then is stopped, in order.
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  if (!existsSync(path.join(root, "lib/generated/prisma/client.ts"))) run("npm", ["run", "db:generate"]);
  const build = dev ? null : buildIsMissingOrStale();
  if (build) {
    log(
      build === "missing" ? "First start: building the app (about a minute)…" : "The code changed: rebuilding the app…",
    );
    run("npx", ["next", "build"]);
  }

  if (!process.env.DATABASE_URL?.trim()) await startDatabase();
  process.env.NEXTAUTH_SECRET ||= persistentValue("nextauth-secret", () => randomBytes(32).toString("base64url"));
  // Losing this key makes the stored cluster tokens unreadable, so it is kept like the session secret.
  process.env.BUMPERS_ENCRYPTION_KEY ||= persistentValue("encryption-key", () => randomBytes(32).toString("base64"));
  const port = await appPort();
  process.env.PORT = String(port);
  process.env.NEXTAUTH_URL ||= `http://localhost:${port}`;

  // Imported only now: these modules read DATABASE_URL when they load.
  const { migrate } = await import("@/lib/server/migrations");
  const applied = await migrate(process.env.DATABASE_URL!, { log });
  if (applied.length) log(`Applied ${applied.length} migration(s).`);
  const { initFromEnv } = await import("@/lib/orgs/init-from-env");
  for (const line of await initFromEnv()) log(`Init: ${line}`);
  const { env, resetEnvCache } = await import("@/lib/server/env");
  // Local Slack, mail, Teams and webhook stand-ins where no real service is set, before the demo
  // seed, which connects the demo organization to them.
  const { startDemoServices } = await import("./lib/demo-services");
  demoServices = await startDemoServices(env().BUMPERS_DEMO_SEED);
  resetEnvCache();
  let demo: { users: { email: string; what: string }[]; password: string } | undefined;
  if (env().BUMPERS_DEMO_SEED) {
    const { seedDemo } = await import("../prisma/seed");
    const password =
      env().BUMPERS_DEMO_PASSWORD ?? persistentValue("demo-password", () => `demo-${randomBytes(6).toString("hex")}`);
    const seeded = await seedDemo({ password });
    if (seeded.created) log("Seeded the demo organization Acme.");
    else if (demoServices.tickets) await reconnectDemoTickets(demoServices.tickets);
    demo = { users: seeded.users, password };
    // Acme's SSO points at a provider listening on a new port at every start.
    const { startDemoSso } = await import("./lib/demo-sso");
    const sso = await startDemoSso({ password, appUrl: process.env.NEXTAUTH_URL! });
    const stopServices = demoServices.stop;
    demoServices = {
      ...demoServices,
      lines: [...demoServices.lines, ...sso.lines],
      stop: async () => {
        await sso.stop();
        await stopServices();
      },
    };
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
  app = spawn(process.execPath, [nextCli, dev ? "dev" : "start", "-p", String(port)], {
    stdio: "inherit",
    env: process.env,
  });
  app.on("exit", onChildExit("app"));
  // The worker processes uploaded reports in its own process, so big reports never slow the pages.
  // Instances that should only serve pages (workers scaled on their own) turn it off.
  if (env().BUMPERS_START_WORKER) {
    const tsxCli = path.join(root, "node_modules/tsx/dist/cli.mjs");
    worker = spawn(process.execPath, [tsxCli, "--conditions=react-server", path.join(root, "scripts/worker.ts")], {
      stdio: "inherit",
      env: process.env,
    });
    worker.on("exit", onChildExit("worker"));
  }
  await waitForHealthy(`http://127.0.0.1:${port}/api/health`, {
    timeoutMs: 120_000,
    isAlive: () => app?.exitCode === null,
  });
  running = true;
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
  for (const line of demoServices.lines) log(line);
  if (demo) {
    log("Demo sign-ins (organization Acme), all with the password " + demo.password + ":");
    for (const u of demo.users) log(`  ${u.email.padEnd(22)} ${u.what}`);
  }
  log("Press Ctrl-C to stop.");
}

// Whatever a step throws or rejects with (an Error, a string, undefined) ends in one line and a clean stop.
main().catch((err: unknown) => void fail(err));
process.on("unhandledRejection", (err) => void fail(err));
