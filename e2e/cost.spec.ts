import { expect, test, type Page } from "@playwright/test";
import { DEMO_ORG, DEMO_USERS, expectNotFoundPage, pageOf, signIn, signUp, uniqueId } from "./helpers";

// The cost pages on the demo organization's seeded month of OpenCost cost: a manager's journey
// from the org overview down to one service and a budget for it, what a team member without the
// budget permission sees, and other teams' and orgs' cost answering 404.

const money = /^-?\$[\d,]+\.\d{2,4}$/;
const card = (page: Page, title: string) =>
  page.locator("section").filter({ has: page.getByRole("heading", { level: 2, name: title, exact: true }) });

test.describe("cost", () => {
  test.describe.configure({ timeout: 120_000 });

  test("a manager goes from the org's cost to a team and a service, sets a budget and sees its progress", async ({
    page,
  }) => {
    await signIn(page, DEMO_USERS.admin);
    await page.getByTestId("main-nav").getByRole("link", { name: "Cost" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Cost" })).toBeVisible();

    // A total for the range, and the chart of it stacked by team.
    const total = page.getByTestId("cost-total");
    await expect(total).toHaveText(money);
    expect(Number((await total.textContent())!.replace(/[$,]/g, ""))).toBeGreaterThan(0);
    const perDay = card(page, "Cost per day");
    await expect(perDay.locator(".recharts-surface")).toBeVisible();
    await expect(perDay.locator(".recharts-area").first()).toBeVisible();
    await expect(perDay.getByTestId("series-legend")).toContainText("Payments");

    // The team table keeps idle and unassigned cost in the open, as rows of their own.
    const teams = page.getByTestId("team-cost-rows");
    await expect(teams).toContainText("Idle capacity");
    await expect(teams).toContainText("Unassigned");

    // Its CSV has the same rows.
    const csv = await page.request.get(
      await card(page, "Teams").getByRole("link", { name: "Export CSV" }).getAttribute("href").then(String),
    );
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const lines = (await csv.text()).trim().split("\n");
    expect(lines[0]).toBe("team,bucket,cost,previous_cost,change,efficiency,share,currency");
    expect(lines.some((l) => l.startsWith("payments,team,"))).toBe(true);
    expect(lines.some((l) => l.startsWith("idle,idle,"))).toBe(true);

    // The range is in the URL.
    await page.getByRole("link", { name: "Last 7 days" }).click();
    await expect(page).toHaveURL(/range=7d/);
    await expect(page.getByRole("link", { name: "Last 7 days" })).toHaveAttribute("aria-current", "page");

    // A team: its summary, top movers and the breakdown by service, the range kept.
    await teams.getByRole("link", { name: "Payments" }).click();
    await expect(page).toHaveURL(new RegExp(`/o/${DEMO_ORG}/cost/teams/payments\\?range=7d`));
    await expect(page.getByRole("heading", { level: 1, name: "Payments cost" })).toBeVisible();
    await expect(page.getByTestId("cost-total")).toHaveText(money);
    await expect(page.getByTestId("top-movers").getByRole("link").first()).toBeVisible();
    await page.getByRole("link", { name: "Namespaces" }).click();
    await expect(page).toHaveURL(/by=namespace/);
    await expect(page.getByTestId("breakdown-rows")).toContainText("payments");
    await page.getByRole("link", { name: "Services", exact: true }).click();

    // A service: its daily cost and requested vs used.
    const service = page.getByTestId("breakdown-rows").getByRole("link").first();
    const serviceName = (await service.textContent())!.trim();
    await service.click();
    await expect(page.getByRole("heading", { level: 1, name: serviceName })).toBeVisible();
    await expect(page.getByTestId("service-cost-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
    await expect(card(page, "Requested vs used").locator(".recharts-surface")).toHaveCount(2);

    // A budget for it: the form opens filled in from the service.
    await page.getByRole("link", { name: `Set a budget for ${serviceName}` }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByRole("heading", { name: "New budget" })).toBeVisible();
    await expect(dialog.getByLabel("Covers")).toHaveValue("service");
    await expect(dialog.getByLabel("Service")).toHaveValue(serviceName);
    const name = `E2E ${serviceName} ${uniqueId()}`;
    await dialog.getByLabel("Name").fill(name);
    await dialog.getByLabel(/Monthly amount/).fill("abc");
    await dialog.getByRole("button", { name: "Create budget" }).click();
    await expect(dialog.getByText("Enter the monthly amount")).toBeVisible();
    await dialog.getByLabel(/Monthly amount/).fill("400");
    await dialog.getByRole("button", { name: "Create budget" }).click();
    await expect(dialog).toBeHidden();
    await expect(page).toHaveURL(new RegExp(`/o/${DEMO_ORG}/cost/budgets$`));

    // Its progress on the budgets page: spent this month against $400.
    const row = page.getByTestId("budget-row").filter({ hasText: name });
    await expect(row).toContainText(`Service ${serviceName} (Payments) · $400.00 a month`);
    await expect(row.getByTestId("budget-spent")).toHaveText(money);
    await expect(row.getByRole("img", { name: /of the budget spent; forecast/ })).toBeVisible();

    // And it can be removed again (the demo org stays as seeded for the other specs).
    await row.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete budget" }).click();
    await expect(page.getByTestId("budget-row").filter({ hasText: name })).toHaveCount(0);
  });

  test("a team member without the budget permission sees their team's cost and budgets, but no budget controls", async ({
    browser,
  }) => {
    const dev = await pageOf(browser, DEMO_USERS.dev);
    await dev.goto(`/o/${DEMO_ORG}/cost`);
    // Only their teams: no idle or unassigned rows, which belong to the whole org.
    await expect(dev.getByTestId("team-cost-rows")).toContainText("Payments");
    await expect(dev.getByTestId("team-cost-rows")).not.toContainText("Idle capacity");
    await expect(dev.getByTestId("team-cost-rows")).not.toContainText("Checkout");

    await dev.goto(`/o/${DEMO_ORG}/cost/teams/payments`);
    await expect(dev.getByRole("heading", { level: 1, name: "Payments cost" })).toBeVisible();
    await expect(dev.getByRole("link", { name: /Set a budget/ })).toHaveCount(0);

    await dev.goto(`/o/${DEMO_ORG}/cost/budgets`);
    await expect(dev.getByTestId("budget-row").first()).toBeVisible();
    await expect(dev.getByRole("button", { name: "New budget" })).toHaveCount(0);
    await expect(dev.getByRole("button", { name: "Edit" })).toHaveCount(0);
    await expect(dev.getByRole("button", { name: "Delete" })).toHaveCount(0);
    await dev.context().close();
  });

  test("another team's or another org's cost is a 404", async ({ browser, page }) => {
    // The Checkout viewer is not on Payments, and the unassigned workloads are for org admins.
    const viewer = await pageOf(browser, DEMO_USERS.viewer);
    await expectNotFoundPage(viewer, `/o/${DEMO_ORG}/cost/teams/payments`);
    await expectNotFoundPage(viewer, `/o/${DEMO_ORG}/cost/teams/payments/services/payments-api`);
    await expectNotFoundPage(viewer, `/o/${DEMO_ORG}/cost/teams/unassigned`);
    // A filter naming a team they cannot read shows the same page as one that does not exist.
    await viewer.goto(`/o/${DEMO_ORG}/cost/rightsizing?team=payments`);
    await expect(viewer.getByRole("heading", { name: "Page not found" })).toBeVisible();
    const csv = await viewer.request.get(`/o/${DEMO_ORG}/cost/export?table=breakdown&team=payments`);
    expect(csv.status()).toBe(404);
    await viewer.context().close();

    // Someone from another organization: Acme's team slug under their own org, and Acme itself.
    const account = await signUp(page);
    await expectNotFoundPage(page, `/o/${account.orgSlug}/cost/teams/payments`);
    await expectNotFoundPage(page, `/o/${DEMO_ORG}/cost/teams/payments`);
    await expectNotFoundPage(page, `/o/${DEMO_ORG}/cost`);
    expect((await page.request.get(`/o/${DEMO_ORG}/cost/export?table=teams`)).status()).toBe(404);
  });
});
