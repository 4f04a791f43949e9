import { expect, test, type Page } from "@playwright/test";
import { DEMO_USERS, signIn } from "./helpers";

/** The figure under a stat card's label on the overview. */
const stat = (page: Page, label: string) =>
  page.getByText(label, { exact: true }).locator("xpath=following-sibling::p[1]");

test.describe("overview and settings entry", () => {
  test("the overview counts Acme's clusters, teams and members", async ({ page }) => {
    await signIn(page, DEMO_USERS.admin);
    await expect(page.getByRole("heading", { level: 1, name: "Acme" })).toBeVisible();
    await expect(stat(page, "Clusters")).toHaveText("2");
    await expect(stat(page, "Teams")).toHaveText("3");
    await expect(stat(page, "Members")).toHaveText("5");
    await expect(page.getByTestId("main-nav").getByRole("link", { name: "Overview" })).toHaveAttribute(
      "aria-current",
      "page",
    );
  });

  test("an admin opening Settings lands on the members tab", async ({ page }) => {
    await signIn(page, DEMO_USERS.owner);
    await page.getByTestId("main-nav").getByRole("link", { name: "Settings" }).click();
    await expect(page).toHaveURL(/\/o\/acme\/settings\/members$/);
    await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
    const tabs = page.getByRole("navigation", { name: "Settings" });
    await expect(tabs.getByRole("link", { name: "Members" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByText("viewer@acme.example").first()).toBeVisible();
  });
});
