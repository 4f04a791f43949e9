import { expect, test } from "@playwright/test";
import { DEMO_USERS, finishSignUp, mailsTo, newAccount, signUp, signUpLinkFor, submitSignUp } from "./helpers";

const CHECK_EMAIL = "Check your email to finish signing up";

test.describe("sign-up", () => {
  test("a new person confirms their address by the mailed link and lands on their new organization as owner", async ({
    page,
  }) => {
    const account = await signUp(page);
    await expect(page.getByRole("heading", { level: 1, name: account.orgName })).toBeVisible();
    const sidebar = page.getByRole("complementary", { name: "Main" });
    await expect(sidebar).toContainText(account.name);
    await expect(sidebar).toContainText("Owner");
    await expect(page.getByTestId("main-nav").getByRole("link", { name: "Settings" })).toBeVisible();
    // A brand-new organization has no teams yet, and the sidebar says what to do.
    await expect(sidebar).toContainText("You are not on a team yet.");

    // The link works once.
    await page.goto(await signUpLinkFor(account.email));
    await expect(page.getByRole("heading", { name: "This sign-up link is not valid" })).toBeVisible();
  });

  test("an email that already has an account gets the same answer as a new one, and its owner a notice", async ({
    page,
  }) => {
    const account = { ...newAccount(), email: DEMO_USERS.viewer };
    const noticesBefore = mailsTo(DEMO_USERS.viewer).length;
    await submitSignUp(page, account);
    await expect(page.getByText(CHECK_EMAIL)).toBeVisible({ timeout: 20_000 });
    await expect(page.getByText(`We sent a link to ${DEMO_USERS.viewer}.`)).toBeVisible();
    await expect.poll(() => mailsTo(DEMO_USERS.viewer).length).toBe(noticesBefore + 1);
    const notice = mailsTo(DEMO_USERS.viewer).at(-1)!;
    expect(notice).toContain("Someone tried to sign up");
    expect(notice).not.toContain("link=");
  });

  test("a taken organization URL gets a field error, and nothing is created until it is fixed", async ({ page }) => {
    const account = newAccount();
    await submitSignUp(page, { ...account, orgSlug: "acme" }, { typeSlug: true });
    await expect(page.locator("#orgSlug-error")).toHaveText("That organization URL is taken; choose another.");
    await expect(page).toHaveURL(/\/signup$/);
    expect(mailsTo(account.email)).toEqual([]);

    // The failed attempt did not use up the email: the same person signs up with another URL.
    await submitSignUp(page, account, { typeSlug: true });
    await expect(page.getByText(CHECK_EMAIL)).toBeVisible({ timeout: 20_000 });
    await finishSignUp(page, account);
    await expect(page).toHaveURL(new RegExp(`/o/${account.orgSlug}$`), { timeout: 20_000 });
  });

  test("the link's page refuses a wrong password and creates nothing", async ({ page }) => {
    const account = newAccount();
    await submitSignUp(page, account);
    await expect(page.getByText(CHECK_EMAIL)).toBeVisible({ timeout: 20_000 });
    await page.goto(await signUpLinkFor(account.email));
    await page.getByLabel("Password", { exact: true }).fill("not-the-password");
    await page.getByRole("button", { name: "Confirm and create organization" }).click();
    await expect(page.locator("#password-error")).toHaveText("That is not the password you chose when you signed up.");
    await expect(page).toHaveURL(/\/signup\/confirm\//);
  });
});
