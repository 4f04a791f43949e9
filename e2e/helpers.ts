import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Browser, type Locator, type Page } from "@playwright/test";

// The demo organization seeded by e2e/global-setup.ts (prisma/seed.ts), with one known password.

export const DEMO_ORG = "acme";
export const DEMO_PASSWORD = process.env.BUMPERS_E2E_DEMO_PASSWORD || "e2e-demo-password";

export const DEMO_USERS = {
  owner: "owner@acme.example",
  admin: "admin@acme.example",
  /** Member of the org, admin of team Payments. */
  lead: "lead@acme.example",
  /** Member of the org, editor on team Payments. */
  dev: "dev@acme.example",
  /** Member of the org, viewer on team Checkout. */
  viewer: "viewer@acme.example",
} as const;

export const DEMO_TEAMS = ["Payments", "Checkout", "Platform"] as const;

/** The page's own alert (error box), not Next's route announcer, which also has role="alert". */
export const formAlert = (page: Page) => page.locator('[role="alert"]:not(#__next-route-announcer__)');

/** Short and unique per call, for emails and org slugs that must not collide across tests and retries. */
export const uniqueId = () => `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;

/**
 * The sign-in form on the current page: the email first ("Continue" looks up whether an
 * organization's single sign-on answers for it), then the password.
 */
export async function fillSignInForm(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

export async function fillSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/login");
  await fillSignInForm(page, email, password);
}

/** Signs in through the login form and waits until the app has left the login page. */
export async function signIn(page: Page, email: string, password: string = DEMO_PASSWORD): Promise<void> {
  await fillSignIn(page, email, password);
  await expect(page).not.toHaveURL(/\/login/, { timeout: 20_000 });
}

export type TNewAccount = { name: string; email: string; password: string; orgName: string; orgSlug: string };

export function newAccount(): TNewAccount {
  const id = uniqueId();
  return {
    name: `Sam Tester ${id}`,
    email: `sam-${id}@e2e.example`,
    password: rememberSecret(`pw-${id}-long-enough`),
    orgName: `Globex ${id}`,
    orgSlug: `globex-${id}`,
  };
}

/**
 * Fills and submits the sign-up form; the caller asserts where it lands. The organization URL is
 * derived from its name as the person types, unless `typeSlug` asks to type it by hand.
 */
export async function submitSignUp(
  page: Page,
  account: TNewAccount,
  options: { typeSlug?: boolean } = {},
): Promise<void> {
  if (!page.url().endsWith("/signup")) await page.goto("/signup");
  await page.getByLabel("Your name").fill(account.name);
  await page.getByLabel("Work email").fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByLabel("Organization name").fill(account.orgName);
  if (options.typeSlug) await page.getByLabel("Organization URL").fill(account.orgSlug);
  else await expect(page.getByLabel("Organization URL")).toHaveValue(account.orgSlug);
  await page.getByRole("button", { name: "Create organization" }).click();
}

/** The server's log (e2e/global-setup.ts): with BUMPERS_MAIL_TRANSPORT=log, the mails are there. */
export const SERVER_LOG = path.join(process.cwd(), "test-results/e2e-server.log");

/** The `[mail]` lines the server logged for `to` so far, oldest first. */
export function mailsTo(to: string): string[] {
  if (!existsSync(SERVER_LOG)) return [];
  const recipient = `to=${JSON.stringify(to)}`;
  return readFileSync(SERVER_LOG, "utf8")
    .split("\n")
    .filter((line) => line.startsWith("[mail] ") && line.includes(recipient));
}

/**
 * The sign-up link mailed to `email`, read from the server log as an operator would with the
 * `log` transport. Polls: the log is written while the page already shows its answer.
 */
export async function signUpLinkFor(email: string): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(
      () => {
        const lines = mailsTo(email);
        link = /link="([^"]+\/signup\/confirm\/[^"]+)"/.exec(lines.at(-1) ?? "")?.[1];
        return link;
      },
      { message: `a sign-up link mailed to ${email}`, timeout: 10_000 },
    )
    .toBeTruthy();
  return link!;
}

/** Opens the mailed sign-up link and confirms it with the account's password. */
export async function finishSignUp(page: Page, account: TNewAccount): Promise<void> {
  await page.goto(await signUpLinkFor(account.email));
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Confirm and create organization" }).click();
}

/**
 * A new person with a new organization, signed in on its overview: the form, the mailed link
 * (from the server log), and the password again on the link's page.
 */
export async function signUp(page: Page, account: TNewAccount = newAccount()): Promise<TNewAccount> {
  await submitSignUp(page, account);
  await expect(page.getByText("Check your email to finish signing up")).toBeVisible({ timeout: 20_000 });
  await finishSignUp(page, account);
  await expect(page).toHaveURL(new RegExp(`/o/${account.orgSlug}$`), { timeout: 20_000 });
  return account;
}

export const mainNav = (page: Page) => page.getByTestId("main-nav");
/** The sidebar's team links; each starts with a two-letter badge, so match names on how they end. */
export const teamLinks = (page: Page) => page.getByTestId("team-nav").getByRole("link");

/** A second person in the same test: a browser context of their own, so no cookie is shared. */
export async function pageOf(browser: Browser, email?: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (email) await signIn(page, email);
  return page;
}

export async function expectNotFoundPage(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
}

export async function expectForbiddenPage(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You do not have permission to see this" })).toBeVisible();
}

/** The value a SecretReveal shows once (a token or an invitation link). */
export const secretValue = (scope: Page | Locator) => scope.getByTestId("secret-value");

/**
 * Every secret the suite creates or is shown (passwords, tokens, keys, invitation links) is noted
 * here; e2e/server-log.spec.ts then checks that none of them reached the server's log.
 */
export const SECRETS_FILE = path.join(process.cwd(), "test-results/e2e-secrets.txt");

export function rememberSecret(value: string): string {
  if (value.length >= 8) {
    mkdirSync(path.dirname(SECRETS_FILE), { recursive: true });
    appendFileSync(SECRETS_FILE, `${value}\n`);
  }
  return value;
}

/** The text of a secret shown once on the page, noted with rememberSecret. */
export async function readSecret(scope: Page | Locator): Promise<string> {
  const value = (await secretValue(scope).textContent()) ?? "";
  // A link's secret is its last segment: the log may show the rest, never that.
  if (/^https?:\/\//.test(value)) rememberSecret(value.slice(value.lastIndexOf("/") + 1));
  return rememberSecret(value);
}

/** Deletes a cluster from its row on the Clusters page, typing its slug to confirm. */
export async function deleteClusterFromRow(page: Page, row: Locator, cluster: { slug: string; name: string }) {
  await row.getByRole("button", { name: "Delete" }).click();
  const remove = page.getByRole("dialog", { name: `Delete ${cluster.name}?` });
  await remove.getByLabel(`Type ${cluster.slug} to confirm`).fill(cluster.slug);
  await remove.getByRole("button", { name: "Delete cluster" }).click();
  await expect(row).toHaveCount(0);
}

/** Adds a cluster on the Clusters page as the signed-in admin; returns its agent token, shown once. */
export async function addClusterInUi(page: Page, cluster: { name: string; slug: string }): Promise<string> {
  await page.goto(`/o/${DEMO_ORG}/clusters`);
  await page.getByLabel("Name", { exact: true }).fill(cluster.name);
  await page.getByLabel("Cluster slug").fill(cluster.slug);
  await page.getByRole("button", { name: "Add cluster" }).click();
  return readSecret(page);
}

/** Creates an org token on Settings → API tokens as the signed-in admin; returns its secret, shown once. */
export async function createOrgTokenInSettings(page: Page, name: string, access: string): Promise<string> {
  await page.goto(`/o/${DEMO_ORG}/settings/tokens`);
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Access").selectOption({ label: access });
  await page.getByRole("button", { name: "Create token" }).click();
  return readSecret(page);
}

/** Reloads until `check` passes: the worker processes reports and delivers the outbox in the background. */
export async function eventually(page: Page, check: () => Promise<void>, timeout = 60_000): Promise<void> {
  await expect(async () => {
    await page.reload();
    await check();
  }).toPass({ timeout, intervals: [1_000, 2_000, 3_000] });
}

/** The headers the real insights-agent sends with every upload. */
export const AGENT_HEADERS = { "X-Fairwinds-Agent-Version": "5.8.2", "X-Fairwinds-Agent-Chart-Version": "4.6.1" };

/** Polaris' own sample audit from the shared fixtures. */
export const POLARIS_SAMPLE = readFileSync(
  path.resolve(process.cwd(), "../shared/fixtures/polaris/audit-dashboard-sample.json"),
  "utf8",
);
