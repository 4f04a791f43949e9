import { expect, test, type Page } from "@playwright/test";
import { DEMO_USERS, pageOf, signIn } from "./helpers";

/** A headline tile on the overview (the whole tile is a link) and the figure on it. */
const tile = (page: Page, label: string) =>
  page.getByTestId("headline").getByRole("link", { name: new RegExp(`^${label}`) });
const figure = async (page: Page, label: string) =>
  Number((await tile(page, label).getByTestId("stat-value").textContent())?.replace(/,/g, ""));
const severityLegend = (page: Page) => page.getByRole("list", { name: "Open findings by severity" });

test.describe("findings overview", () => {
  test("an org admin sees the whole org's numbers and trend, and a severity leads to its findings", async ({
    page,
  }) => {
    await signIn(page, DEMO_USERS.admin);
    await expect(page.getByRole("heading", { level: 1, name: "Acme" })).toBeVisible();
    await expect(page.getByText("Open findings across every team and the workloads no team owns")).toBeVisible();
    await expect(page.getByTestId("main-nav").getByRole("link", { name: "Overview" })).toHaveAttribute(
      "aria-current",
      "page",
    );

    // The seeded reports have open findings, critical ones among them, and a trend drawn as bars.
    const open = await figure(page, "Open findings");
    expect(open).toBeGreaterThan(0);
    expect(await figure(page, "Critical")).toBeGreaterThan(0);
    const trend = page.locator("section").filter({ has: page.getByRole("heading", { name: "Last 30 days" }) });
    await expect(trend.locator(".recharts-surface")).toBeVisible();
    await expect(trend.locator(".recharts-bar-rectangle").first()).toBeVisible();
    // Its numbers are there as text too, for screen readers.
    await expect(trend.locator("table caption")).toHaveText(/Findings per day, last 30 days/);

    // The severities add up to the open count.
    const legend = await severityLegend(page)
      .getByRole("link")
      .evaluateAll((links) => links.map((a) => a.getAttribute("aria-label") ?? ""));
    expect(legend.reduce((sum, label) => sum + Number(label.match(/: ([\d,]+) open/)![1].replace(/,/g, "")), 0)).toBe(
      open,
    );

    // Admins also see the findings no team owns, linked to that bucket.
    await expect(tile(page, "Unassigned")).toHaveAttribute("href", "/o/acme/findings?team=unassigned");

    await severityLegend(page)
      .getByRole("link", { name: /^Critical/ })
      .click();
    await expect(page).toHaveURL(/\/o\/acme\/findings\?severity=critical$/);
  });

  test("the checkout viewer sees only Checkout's findings, the same as on the team's page", async ({
    page,
    browser,
  }) => {
    await signIn(page, DEMO_USERS.viewer);
    const header = page.locator("header").filter({ has: page.getByRole("heading", { level: 1, name: "Acme" }) });
    await expect(header).toContainText("Open findings of Checkout, the team you are on");
    await expect(header).not.toContainText("Payments");
    await expect(tile(page, "Unassigned")).toHaveCount(0);
    const open = await figure(page, "Open findings");
    const critical = await figure(page, "Critical");
    await expect(tile(page, "Open findings")).toContainText("owned by Checkout");

    await page.goto("/o/acme/teams/checkout");
    await expect(page.getByRole("heading", { level: 1, name: "Checkout" })).toBeVisible();
    expect(await figure(page, "Open findings")).toBe(open);
    expect(await figure(page, "Critical")).toBe(critical);
    // On the team page every link keeps the team.
    await expect(tile(page, "Critical")).toHaveAttribute("href", "/o/acme/findings?team=checkout&severity=critical");

    // The org admin's overview counts more: every team and the unassigned bucket.
    const admin = await pageOf(browser, DEMO_USERS.admin);
    expect(await figure(admin, "Open findings")).toBeGreaterThan(open);
    await admin.context().close();
  });

  test("the payments lead's team home shows the team's overview above what it owns and who is on it", async ({
    page,
  }) => {
    await signIn(page, DEMO_USERS.lead);
    await page.goto("/o/acme/teams/payments");
    await expect(page.getByRole("heading", { level: 1, name: "Payments" })).toBeVisible();
    await expect(tile(page, "Open findings")).toContainText("owned by Payments");
    await expect(page.getByRole("heading", { name: "Newest critical findings" })).toBeVisible();
    const firstCritical = page
      .locator("section")
      .filter({ has: page.getByRole("heading", { name: "Newest critical findings" }) })
      .getByRole("listitem")
      .first()
      .getByRole("link");
    await expect(firstCritical).toHaveAttribute("href", /^\/o\/acme\/findings\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { name: "Owned namespaces and workloads" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Members", exact: true })).toBeVisible();
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
