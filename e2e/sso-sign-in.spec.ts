import { createHash, randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import pg from "pg";
import { expect, test, type Page } from "@playwright/test";
import { rememberSecret, uniqueId } from "./helpers";

// Signing in to an organization that enforces single sign-on, without its IdP: the IdP's half
// (OIDC, SAML) has its own specs. Here: the email-first page, the break-glass password of owners
// and its warning, the guard sending members to the IdP, and the hand-over of a sign-in ticket.

type TSsoOrg = { slug: string; name: string; id: string; owner: string; member: string; password: string };

async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.BUMPERS_E2E_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** An org with an owner and a member, whose enabled connection enforces SSO for its domain. */
async function enforcingOrg(): Promise<TSsoOrg> {
  const id = uniqueId();
  const domain = `sso-${id}.example`;
  const password = rememberSecret(`pw-${id}-break-glass`);
  const hash = await bcrypt.hash(password, 4);
  const [org] = await sql<{ id: string }>("INSERT INTO organizations (slug, name) VALUES ($1, $2) RETURNING id::text", [
    `sso-${id}`,
    `Initech ${id}`,
  ]);
  const people = { owner: `olga@${domain}`, member: `milo@${domain}` };
  for (const [role, email] of Object.entries(people)) {
    await sql(
      `WITH u AS (INSERT INTO users (email, name, password_hash) VALUES ($1, $2, $3) RETURNING id)
       INSERT INTO memberships (org_id, user_id, role) SELECT $4::uuid, u.id, $5::org_role FROM u`,
      [email, email.split("@")[0], hash, org.id, role],
    );
  }
  await sql(
    `INSERT INTO sso_connections (org_id, protocol, enabled, enforced, settings)
     VALUES ($1::uuid, 'oidc', true, true, '{"issuer":"https://idp.invalid","clientId":"bumpers"}')`,
    [org.id],
  );
  await sql("INSERT INTO sso_domains (org_id, domain) VALUES ($1::uuid, $2)", [org.id, domain]);
  return { id: org.id, slug: `sso-${id}`, name: `Initech ${id}`, ...people, password };
}

/**
 * The org's start route answers for the IdP here (this org's IdP does not exist): the test only
 * checks where the browser was sent. (Next's router first asks for the target as a client-side
 * navigation, then loads it.)
 */
async function stubIdp(page: Page): Promise<string[]> {
  const navigations: string[] = [];
  await page.route("**/api/sso/*/start*", (route) => {
    const url = new URL(route.request().url());
    if (route.request().isNavigationRequest()) navigations.push(url.pathname + url.search);
    return route.fulfill({ status: 200, contentType: "text/html", body: "<h1>Identity provider</h1>" });
  });
  return navigations;
}

test.describe("single sign-on", () => {
  test("an email of an enforcing org leads to its SSO; an owner's break-glass password gets in with a warning", async ({
    page,
  }) => {
    const org = await enforcingOrg();
    await page.goto("/login");
    await page.getByLabel("Email", { exact: true }).fill(org.member);
    await page.getByRole("button", { name: "Continue", exact: true }).click();

    const sso = page.getByRole("link", { name: `Continue with ${org.name} single sign-on` });
    await expect(sso).toBeVisible();
    await expect(sso).toBeFocused();
    await expect(sso).toHaveAttribute("href", `/api/sso/${org.slug}/start?callbackUrl=%2F`);
    await expect(page.getByLabel("Password", { exact: true })).toHaveCount(0);

    // Another address: back to "Continue", the address kept as typed.
    await page.getByLabel("Email", { exact: true }).fill(org.owner);
    await expect(page.getByRole("button", { name: "Continue", exact: true })).toBeVisible();
    await page.getByRole("button", { name: "Continue", exact: true }).click();
    await page.getByRole("button", { name: "Owner? Sign in with your break-glass password" }).click();
    await expect(page.getByLabel("Password", { exact: true })).toBeFocused();
    await page.getByLabel("Password", { exact: true }).fill(org.password);
    await page.getByRole("button", { name: "Sign in with password", exact: true }).click();

    await expect(page).toHaveURL(new RegExp(`/o/${org.slug}$`), { timeout: 20_000 });
    await expect(page.getByRole("status").filter({ hasText: "Break-glass sign-in" })).toContainText(
      `You signed in with a password while single sign-on is enforced for ${org.name}. Use this only to repair SSO.`,
    );
  });

  test("a member signed in with a password is sent to the org's IdP, to come back to the page", async ({ page }) => {
    const org = await enforcingOrg();
    const starts = await stubIdp(page);
    await page.goto(`/login?callbackUrl=${encodeURIComponent(`/o/${org.slug}/findings`)}`);
    await page.getByLabel("Email", { exact: true }).fill(org.member);
    await page.getByRole("button", { name: "Continue", exact: true }).click();
    await page.getByRole("button", { name: "Owner? Sign in with your break-glass password" }).click();
    await page.getByLabel("Password", { exact: true }).fill(org.password);
    await page.getByRole("button", { name: "Sign in with password", exact: true }).click();

    await expect(page.getByRole("heading", { name: "Identity provider" })).toBeVisible({ timeout: 20_000 });
    expect(starts).toEqual([
      `/api/sso/${org.slug}/start?callbackUrl=${encodeURIComponent(`/o/${org.slug}/findings`)}`,
    ]);
  });

  test("the sign-in ticket from the IdP's answer opens a session once, from its cookie", async ({ page, browser }) => {
    const org = await enforcingOrg();
    const secret = rememberSecret(randomBytes(32).toString("base64url"));
    const hash = createHash("sha256").update(secret).digest("hex");
    await sql(
      `INSERT INTO sso_sign_in_tickets (token_hash, browser_hash, org_id, user_id, callback_url, expires_at)
       SELECT $1, $1, $2::uuid, u.id, $3, now() + interval '1 minute' FROM users u WHERE u.email = $4`,
      [hash, org.id, `/o/${org.slug}`, org.member],
    );
    const cookie = { name: "bumpers-sso-ticket", value: secret, url: test.info().project.use.baseURL!, httpOnly: true };
    await page.context().addCookies([{ ...cookie, sameSite: "Lax" }]);

    await page.goto("/login/sso");
    // A member of an org that enforces SSO, signed in through its SSO: no detour to the IdP.
    await expect(page).toHaveURL(new RegExp(`/o/${org.slug}$`), { timeout: 20_000 });
    await expect(page.getByRole("heading", { level: 1, name: org.name })).toBeVisible();
    expect((await page.context().cookies()).map((c) => c.name)).not.toContain("bumpers-sso-ticket");

    // The same ticket in another browser: already used.
    const other = await browser.newContext();
    await other.addCookies([{ ...cookie, sameSite: "Lax" }]);
    const again = await other.newPage();
    await again.goto("/login/sso");
    await expect(again.getByRole("alert").filter({ hasText: "expired or was already used" })).toBeVisible();
    await expect(again.getByRole("link", { name: "Back to sign in" })).toHaveAttribute("href", "/login");
    await other.close();
  });

  test("explains a refused SSO sign-in in a sentence", async ({ page }) => {
    await page.goto("/login?error=SsoNoAccount");
    await expect(page.getByRole("alert").filter({ hasText: "no access to this organization" })).toBeVisible();
    await expect(page.getByLabel("Email", { exact: true })).toBeVisible();
  });
});
