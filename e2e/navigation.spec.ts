import { expect, test, type Page } from "@playwright/test";
import { DEMO_TEAMS, DEMO_USERS, signIn, signUp } from "./helpers";

const mainNav = (page: Page) => page.getByTestId("main-nav");
const teamLinks = (page: Page) => page.getByTestId("team-nav").getByRole("link");
// Each team link starts with a two-letter badge, so match on how its text ends.
const teamNames = (names: readonly string[]) => names.map((name) => new RegExp(`${name}$`));

async function expectNotFoundPage(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
}

test.describe("what each role sees in the app shell", () => {
  for (const role of ["owner", "admin"] as const) {
    test(`the org ${role} sees Settings and every team`, async ({ page }) => {
      await signIn(page, DEMO_USERS[role]);
      await expect(mainNav(page).getByRole("link", { name: "Settings" })).toBeVisible();
      await expect(teamLinks(page)).toHaveText(teamNames(DEMO_TEAMS));
    });
  }

  for (const role of ["lead", "dev", "viewer"] as const) {
    test(`the member "${role}" has no Settings link`, async ({ page }) => {
      await signIn(page, DEMO_USERS[role]);
      await expect(mainNav(page).getByRole("link", { name: "Overview" })).toBeVisible();
      await expect(mainNav(page).getByRole("link", { name: "Settings" })).toHaveCount(0);
    });
  }

  test("the sidebar lists only the viewer's own team", async ({ page }) => {
    await signIn(page, DEMO_USERS.viewer);
    await expect(teamLinks(page)).toHaveText(teamNames(["Checkout"]));
  });

  test("the payments lead sees only Payments", async ({ page }) => {
    await signIn(page, DEMO_USERS.lead);
    await expect(teamLinks(page)).toHaveText(teamNames(["Payments"]));
  });
});

test.describe("pages a user may not open", () => {
  test("a member opening the settings gets the 403 page", async ({ page }) => {
    await signIn(page, DEMO_USERS.dev);
    const response = await page.goto("/o/acme/settings/members");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You do not have permission to see this" })).toBeVisible();
  });

  test("someone from another organization gets 404 for Acme, with nothing about it leaked", async ({ page }) => {
    await signUp(page);
    await expectNotFoundPage(page, "/o/acme");
    await expect(page.getByText("Acme")).toHaveCount(0);
    await expectNotFoundPage(page, "/o/acme/settings/members");
  });

  test("the checkout viewer gets 404 for the payments team page", async ({ page }) => {
    await signIn(page, DEMO_USERS.viewer);
    await expectNotFoundPage(page, "/o/acme/teams/payments");
  });

  test("an organization that does not exist is a 404", async ({ page }) => {
    await signIn(page, DEMO_USERS.owner);
    await expectNotFoundPage(page, "/o/no-such-org");
  });
});
