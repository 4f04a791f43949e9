import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { FullConfig } from "@playwright/test";
import { migrate } from "../lib/server/migrations";
import { createScratchDatabase, ensurePostgresServer } from "../scripts/lib/scratch-database";
import { waitForHealthy } from "../scripts/lib/ports";
import { DEMO_PASSWORD } from "./helpers";

// Before the specs: a fresh database (on DATABASE_URL's server, or an embedded one), migrated and
// seeded with the demo organization, and `next start` on the port playwright.config.ts picked.
// Returns the teardown that stops the server and drops the database.

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

export default async function globalSetup(config: FullConfig): Promise<() => Promise<void>> {
  if (!existsSync(path.join(root, ".next/BUILD_ID"))) {
    throw new Error("No production build in .next/. Run `npm run build` first (`npm test` builds by itself).");
  }
  const baseURL = config.projects[0].use.baseURL!;
  const port = new URL(baseURL).port;

  const server = await ensurePostgresServer({ dir: ".data/e2e-postgres" });
  const database = await createScratchDatabase(server.url, "bumpers_e2e");
  let next: ChildProcess | undefined;

  const teardown = async () => {
    if (next && next.exitCode === null && next.signalCode === null) {
      const exited = new Promise((resolve) => next!.once("exit", resolve));
      process.kill(-next.pid!, "SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (next.exitCode === null && next.signalCode === null) process.kill(-next.pid!, "SIGKILL");
    }
    await database.dispose().catch((err: Error) => console.error(`[e2e] could not drop the database: ${err.message}`));
    await server.stop();
  };

  try {
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
      BUMPERS_MAIL_TRANSPORT: "log",
      NEXT_TELEMETRY_DISABLED: "1",
    });

    await migrate(database.url);
    const seed = spawnSync(
      path.join(root, "node_modules/.bin/tsx"),
      ["--conditions=react-server", "scripts/seed-demo.ts"],
      { cwd: root, env, encoding: "utf8" },
    );
    if (seed.status !== 0) throw new Error(`Seeding the demo organization failed:\n${seed.stdout}\n${seed.stderr}`);

    mkdirSync(path.dirname(SERVER_LOG), { recursive: true });
    const log = createWriteStream(SERVER_LOG);
    // Its own process group, so that teardown stops `next start` and anything it forked.
    next = spawn(path.join(root, "node_modules/.bin/next"), ["start", "-p", port, "-H", "127.0.0.1"], {
      cwd: root,
      env: { ...env, NODE_ENV: "production" },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    next.stdout!.pipe(log);
    next.stderr!.pipe(log);
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
