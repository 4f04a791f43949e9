import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { FullConfig } from "@playwright/test";
import { migrate } from "../lib/server/migrations";
import { createScratchDatabase, ensurePostgresServer } from "../scripts/lib/scratch-database";
import { waitForHealthy } from "../scripts/lib/ports";
import { startFakePagerDuty, type TFakePagerDuty } from "../lib/testing/fake-pagerduty";
import { FAKE_SLACK_TOKEN, startFakeSlack, type TFakeSlack } from "../lib/testing/fake-slack";
import { FAKE_GITHUB_TOKEN, startFakeGithub, type TFakeGithub } from "../lib/testing/fake-github";
import { FAKE_JIRA_API_TOKEN, startFakeJira, type TFakeJira } from "../lib/testing/fake-jira";
import { DEMO_PASSWORD, SECRETS_FILE } from "./helpers";

// Before the specs: a fresh database (on DATABASE_URL's server, or an embedded one), migrated and
// seeded with the demo organization, `next start` on the port playwright.config.ts picked, the
// worker (reports, alert delivery) and a fake PagerDuty both send events to; a fake Slack, and a
// fake Jira and GitHub the seed connects Acme's tickets to, as `npm start` does in demo mode.
// Returns the teardown that stops them and drops the database.

const root = process.cwd();
const SERVER_LOG = path.join(root, "test-results/e2e-server.log");

// Variables of the developer's shell that would change what the pages show.
const UNSET = [
  "GITHUB_ID",
  "GITHUB_SECRET",
  "GOOGLE_CLIENT_ID",
  "GOOGLE_CLIENT_SECRET",
  "BUMPERS_INIT_ORG_SLUG",
  "BUMPERS_INIT_ORG_NAME",
  "BUMPERS_INIT_USER_EMAIL",
  "BUMPERS_INIT_USER_PASSWORD",
  "BUMPERS_INIT_ORG_TOKEN",
  "BUMPERS_ENCRYPTION_KEY_PREVIOUS",
];

/** `scripts/seed-demo.ts` in a child process, its exit code and what it printed. */
function runSeed(env: NodeJS.ProcessEnv): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      path.join(root, "node_modules/.bin/tsx"),
      ["--conditions=react-server", "scripts/seed-demo.ts"],
      { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] },
    );
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, output }));
  });
}

export default async function globalSetup(config: FullConfig): Promise<() => Promise<void>> {
  if (!existsSync(path.join(root, ".next/BUILD_ID"))) {
    throw new Error("No production build in .next/. Run `npm run build` first (`npm test` builds by itself).");
  }
  const baseURL = config.projects[0].use.baseURL!;
  const port = new URL(baseURL).port;

  const server = await ensurePostgresServer({ dir: ".data/e2e-postgres" });
  const database = await createScratchDatabase(server.url, "bumpers_e2e");
  // Specs that need state no page can create yet (an org's SSO connection) write it here directly.
  process.env.BUMPERS_E2E_DATABASE_URL = database.url;
  let next: ChildProcess | undefined;
  let worker: ChildProcess | undefined;
  let pagerDuty: TFakePagerDuty | undefined;
  let slack: TFakeSlack | undefined;
  let jira: TFakeJira | undefined;
  let github: TFakeGithub | undefined;

  const stopChild = async (child: ChildProcess | undefined) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    process.kill(-child.pid!, "SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, "SIGKILL");
  };

  const teardown = async () => {
    await Promise.all([stopChild(next), stopChild(worker)]);
    await pagerDuty?.close().catch(() => undefined);
    await slack?.close().catch(() => undefined);
    await jira?.close().catch(() => undefined);
    await github?.close().catch(() => undefined);
    await database.dispose().catch((err: Error) => console.error(`[e2e] could not drop the database: ${err.message}`));
    await server.stop();
  };

  try {
    // PagerDuty events (test events from the app, deliveries from the worker) go to a fake.
    pagerDuty = await startFakePagerDuty({ port: 0 });
    // Specs read what it received (GET /v2/incidents, /v2/events) from their workers' environment.
    process.env.BUMPERS_E2E_PAGERDUTY_URL = pagerDuty.url;
    // Slack messages go to a fake workspace; specs read its page and JSON at BUMPERS_E2E_SLACK_URL.
    slack = await startFakeSlack({ port: 0 });
    process.env.BUMPERS_E2E_SLACK_URL = slack.url;
    // Tickets: the seed files Payments' into the fake Jira and Platform's into the fake GitHub and
    // points their webhooks at the app; specs read and change issues through the fakes' APIs.
    jira = await startFakeJira({ port: 0 });
    github = await startFakeGithub({ port: 0 });
    process.env.BUMPERS_DEMO_JIRA_URL = jira.url;
    process.env.BUMPERS_DEMO_GITHUB_URL = github.url;
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const name of UNSET) delete env[name];
    Object.assign(env, {
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      BUMPERS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      NEXTAUTH_URL: baseURL,
      PORT: port,
      BUMPERS_DEMO_PASSWORD: DEMO_PASSWORD,
      BUMPERS_BCRYPT_COST: "4",
      BUMPERS_SIGNIN_MAX_FAILURES: "5",
      BUMPERS_SIGNIN_WINDOW_SECONDS: "900",
      // As if a reverse proxy on this machine stood in front: the browser's X-Forwarded-For is
      // believed, so e2e/auth.spec.ts can sign in from an address of its own.
      BUMPERS_TRUSTED_PROXIES: "127.0.0.1,::1",
      // Every spec signs in from 127.0.0.1, dozens a minute: the per-address limit (tested on its
      // own in lib/server/rate-limit.test.ts) would turn that into flaky 429s.
      BUMPERS_RATE_LIMIT_SIGNIN_PER_MINUTE: "0",
      // Likewise every spec signs up from 127.0.0.1 with @e2e.example addresses; the sign-up limits
      // are tested in lib/orgs/sign-up.test.ts.
      BUMPERS_RATE_LIMIT_SIGNUP_PER_HOUR: "0",
      BUMPERS_RATE_LIMIT_SIGNUP_DOMAIN_PER_HOUR: "0",
      BUMPERS_MAIL_TRANSPORT: "log",
      NEXT_TELEMETRY_DISABLED: "1",
      PAGERDUTY_EVENTS_URL: pagerDuty.url,
      SLACK_API_URL: slack.apiUrl,
      // The fakes listen on 127.0.0.1, which the destination guard refuses otherwise.
      BUMPERS_ALLOW_PRIVATE_DESTINATIONS: "true",
    });

    // The server's own secrets head the list that e2e/server-log.spec.ts looks for in its log.
    mkdirSync(path.dirname(SECRETS_FILE), { recursive: true });
    writeFileSync(
      SECRETS_FILE,
      [
        env.NEXTAUTH_SECRET,
        env.BUMPERS_ENCRYPTION_KEY,
        DEMO_PASSWORD,
        FAKE_SLACK_TOKEN,
        FAKE_JIRA_API_TOKEN,
        FAKE_GITHUB_TOKEN,
        "",
      ].join("\n"),
    );

    await migrate(database.url);
    // Not spawnSync: the seed calls the fake Jira and GitHub, which answer from this process.
    const seed = await runSeed(env);
    if (seed.status !== 0) throw new Error(`Seeding the demo organization failed:\n${seed.output}`);

    mkdirSync(path.dirname(SERVER_LOG), { recursive: true });
    const log = createWriteStream(SERVER_LOG);
    // Each in its own process group, so that teardown stops it and anything it forked; both log to SERVER_LOG.
    const start = (bin: string, args: string[]) => {
      const child = spawn(path.join(root, "node_modules/.bin", bin), args, {
        cwd: root,
        env: { ...env, NODE_ENV: "production" },
        detached: true,
        stdio: ["ignore", "pipe", "pipe"],
      });
      child.stdout!.pipe(log);
      child.stderr!.pipe(log);
      return child;
    };
    next = start("next", ["start", "-p", port, "-H", "127.0.0.1"]);
    // The worker processes uploaded reports and delivers the alert outbox, as `npm start` runs it.
    worker = start("tsx", ["--conditions=react-server", "scripts/worker.ts"]);
    await waitForHealthy(`${baseURL}/api/health`, {
      timeoutMs: 90_000,
      isAlive: () => next!.exitCode === null && next!.signalCode === null,
    });
  } catch (err) {
    await teardown();
    const tail = existsSync(SERVER_LOG) ? readFileSync(SERVER_LOG, "utf8").split("\n").slice(-30).join("\n") : "";
    throw new Error(`${(err as Error).message}${tail ? `\nServer log (${SERVER_LOG}):\n${tail}` : ""}`, {
      cause: err,
    });
  }
  return teardown;
}
