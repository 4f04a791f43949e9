import { spawnSync } from "node:child_process";
import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "./scripts/lib/chromium";

// End-to-end tests: Debian's Chromium (never `npx playwright install`) against `next start` on a
// freshly migrated and seeded database, prepared by e2e/global-setup.ts.

// This file is evaluated by the runner and again by every worker; the first evaluation picks a
// free port and the workers inherit it through the environment.
if (!process.env.BUMPERS_E2E_PORT) {
  const probe = `const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})`;
  process.env.BUMPERS_E2E_PORT = spawnSync(process.execPath, ["-e", probe], { encoding: "utf8" }).stdout.trim();
}
const baseURL = `http://127.0.0.1:${process.env.BUMPERS_E2E_PORT}`;
const isCI = Boolean(process.env.CI);
const browser = {
  ...devices["Desktop Chrome"],
  viewport: { width: 1280, height: 800 },
  launchOptions: chromiumLaunchOptions(),
};
/** Specs that change the shared demo organization; see `projects`. */
const CHANGES_DEMO_ORG =
  /(invite|teams|clusters-tokens|clusters-status|findings-journeys|alerting|ci-check|policies|notifications|tickets|automation)\.spec\.ts$/;

const SERVER_LOG_AUDIT = /server-log\.spec\.ts$/;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e",
  globalSetup: "./e2e/global-setup.ts",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  forbidOnly: isCI,
  retries: isCI ? 1 : 0,
  workers: 2,
  reporter: [
    [isCI ? "line" : "list"],
    ["json", { outputFile: process.env.BUMPERS_E2E_JSON || "test-results/playwright.json" }],
  ],
  use: {
    baseURL,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
  },
  projects: [
    // Specs that check the demo organization as seeded (exact counts, each role's team list) run
    // first; the admin journeys, which add members, teams and clusters to it, run after them.
    { name: "chromium", testIgnore: [CHANGES_DEMO_ORG, SERVER_LOG_AUDIT], use: browser },
    { name: "admin-journeys", testMatch: CHANGES_DEMO_ORG, dependencies: ["chromium"], use: browser },
    // Last, when every other spec has run: the server's log holds none of the secrets they made.
    { name: "server-log", testMatch: SERVER_LOG_AUDIT, dependencies: ["admin-journeys"] },
  ],
});
