import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { SECRETS_FILE } from "./helpers";

// Runs after every other spec (its own project in playwright.config.ts): the whole suite signed
// up, signed in with passwords, created and rotated tokens, sent invitations and added PagerDuty
// keys, and made the server fail in every way the specs try. None of those secrets may be in its log.

const SERVER_LOG = path.join(process.cwd(), "test-results/e2e-server.log");

test("the server log of the whole suite holds no password, token, key or invitation secret", () => {
  expect(existsSync(SERVER_LOG), "the server log exists").toBe(true);
  const log = readFileSync(SERVER_LOG, "utf8");
  const secrets = [
    ...new Set(
      readFileSync(SECRETS_FILE, "utf8")
        .split("\n")
        .filter((s) => s.length >= 8),
    ),
  ];
  // The suite really made secrets of every kind, and the server really logged (mail, requests).
  expect(secrets.some((s) => s.startsWith("bmp_cl_"))).toBe(true);
  expect(secrets.some((s) => s.startsWith("bmp_org_"))).toBe(true);
  expect(secrets.some((s) => s.startsWith("pw-"))).toBe(true);
  expect(log).toContain("[mail]");

  const leaked = secrets.filter((secret) => log.includes(secret));
  expect(leaked.map((s) => `${s.slice(0, 6)}… (${s.length} characters)`)).toEqual([]);
});
