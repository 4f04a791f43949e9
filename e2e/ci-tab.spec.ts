import { expect, test } from "@playwright/test";
import { DEMO_USERS, signIn } from "./helpers";

// The CI tab on the seeded demo (prisma/demo/ci-scans.ts): read only, so it runs with the specs
// that check the demo as seeded.

test.describe("CI tab", () => {
  test("a member sees their team's repositories only", async ({ page }) => {
    await signIn(page, DEMO_USERS.viewer);
    await page.goto("/o/acme/findings/ci");
    const tabs = page.getByRole("navigation", { name: "Findings" });
    await expect(tabs.getByRole("link", { name: "CI" })).toHaveAttribute("aria-current", "page");
    const branches = page.getByRole("table");
    await expect(branches.getByRole("link", { name: /acme\/checkout-web/ })).toBeVisible();
    await expect(branches.getByText("acme/payments-api")).toHaveCount(0);
    await expect(page.getByText("in acme/payments-api")).toHaveCount(0);
  });

  test("the link an upload answers opens that branch's findings, with how to fix them", async ({ page }) => {
    await signIn(page, DEMO_USERS.lead);
    await page.goto("/o/acme/findings/ci?repository=acme%2Fpayments-api&branch=feature%2Fledger-v2");
    await expect(page.getByRole("heading", { name: /acme\/payments-api/ })).toContainText("feature/ledger-v2");
    const privileged = page.getByRole("listitem").filter({ hasText: "runAsPrivileged" });
    await expect(privileged.getByText("Blocks CI")).toBeVisible();
    await privileged.getByText("How to fix").click();
    await expect(privileged.getByText("privileged: false")).toBeVisible();

    // Another team's branch by URL: nothing of it shows.
    await page.goto("/o/acme/findings/ci?repository=acme%2Fcheckout-web&branch=main");
    await expect(page.getByText(/No scan of the branch main of acme\/checkout-web that you can see/)).toBeVisible();
    await expect(page.getByRole("table").getByText("acme/checkout-web")).toHaveCount(0);
  });
});
