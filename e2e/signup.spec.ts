import { expect, test } from "@playwright/test";
import { DEMO_USERS, newAccount, signUp, submitSignUp } from "./helpers";

test.describe("sign-up", () => {
  test("a new person creates an organization and lands on its overview as owner", async ({ page }) => {
    const account = await signUp(page);
    await expect(page.getByRole("heading", { level: 1, name: account.orgName })).toBeVisible();
    const sidebar = page.getByRole("complementary", { name: "Main" });
    await expect(sidebar).toContainText(account.name);
    await expect(sidebar).toContainText("Owner");
    await expect(page.getByTestId("main-nav").getByRole("link", { name: "Settings" })).toBeVisible();
    // A brand-new organization has no teams yet, and the sidebar says what to do.
    await expect(sidebar).toContainText("You are not on a team yet.");
  });

  test("an email that already has an account gets a field error and no organization", async ({ page }) => {
    const account = { ...newAccount(), email: DEMO_USERS.viewer };
    await submitSignUp(page, account);
    await expect(page.locator("#email-error")).toHaveText(
      "An account with this email already exists. Sign in instead.",
    );
    await expect(page.getByLabel("Work email")).toHaveAttribute("aria-invalid", "true");
    await expect(page).toHaveURL(/\/signup$/);
  });

  test("a taken organization URL gets a field error, and nothing is created until it is fixed", async ({ page }) => {
    const account = newAccount();
    await submitSignUp(page, { ...account, orgSlug: "acme" }, { typeSlug: true });
    await expect(page.locator("#orgSlug-error")).toHaveText("That organization URL is taken; choose another.");
    await expect(page).toHaveURL(/\/signup$/);

    // The failed attempt did not use up the email: the same person signs up with another URL.
    await submitSignUp(page, account, { typeSlug: true });
    await expect(page).toHaveURL(new RegExp(`/o/${account.orgSlug}$`), { timeout: 20_000 });
  });
});
