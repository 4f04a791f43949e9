import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS, fillSignIn, fillSignInForm, formAlert, pageOf, signIn, signUp } from "./helpers";

const MISMATCH = "That email and password do not match an account.";

test.describe("signing in and out", () => {
  test("a demo user signs in and lands on the organization overview", async ({ page }) => {
    await signIn(page, DEMO_USERS.owner);
    await expect(page).toHaveURL(/\/o\/acme$/);
    await expect(page.getByRole("heading", { level: 1, name: "Acme" })).toBeVisible();
    await expect(page.getByRole("complementary", { name: "Main" })).toContainText("Olivia Park");
  });

  test("a wrong password shows a clear error and stays on the sign-in page", async ({ page }) => {
    await fillSignIn(page, DEMO_USERS.admin, "not-the-password");
    await expect(formAlert(page)).toHaveText(MISMATCH);
    await expect(page).toHaveURL(/\/login/);
  });

  test("after five failed attempts the account is locked from that address, even for the right password", async ({
    browser,
  }) => {
    // A fresh account, so that locking it does not get in the way of other tests.
    const setup = await browser.newPage();
    const account = await signUp(setup);
    await setup.close();

    // From an address of its own (the e2e server trusts a local proxy's X-Forwarded-For): without a
    // known address only the account-wide ceiling applies, so that strangers cannot lock anyone out.
    const page = await browser.newPage({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.25" } });
    for (let attempt = 1; attempt <= 5; attempt++) {
      await fillSignIn(page, account.email, `wrong-password-${attempt}`);
      await expect(formAlert(page)).toHaveText(MISMATCH);
    }
    await fillSignIn(page, account.email, account.password);
    await expect(formAlert(page)).toContainText("Too many failed sign-ins");
    await expect(page).toHaveURL(/\/login/);
    await page.close();
  });

  test("signing out returns to the sign-in page and ends the session", async ({ page }) => {
    await signIn(page, DEMO_USERS.dev);
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/o/acme");
    await expect(page).toHaveURL(/\/login/);
  });

  test("signing out everywhere ends the sessions of the other browsers too", async ({ page, browser }) => {
    const account = await signUp(page);
    const elsewhere = await pageOf(browser);
    await signIn(elsewhere, account.email, account.password);
    await elsewhere.goto(`/o/${account.orgSlug}`);
    await expect(elsewhere.getByRole("heading", { level: 1, name: account.orgName })).toBeVisible();

    await page.getByRole("button", { name: "Sign out everywhere" }).click();
    await expect(page).toHaveURL(/\/login/);
    // The other browser still holds its cookie, and the server refuses it.
    await elsewhere.goto(`/o/${account.orgSlug}`);
    await expect(elsewhere).toHaveURL(/\/login/);
    await elsewhere.context().close();
  });

  test("a signed-out visitor is sent to sign in, then back to the page they asked for", async ({ page }) => {
    await page.goto("/o/acme");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fo%2Facme$/);
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await fillSignInForm(page, DEMO_USERS.viewer, DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/o\/acme$/);
  });
});
