import { expect, test, type Page } from "@playwright/test";
import { DEMO_ORG, DEMO_USERS, signIn } from "./helpers";

// The findings list and a finding's page, as the people who use them every day: a developer
// narrowing the list and snoozing one, a viewer reading only, the grouping by check, and a team
// lead resolving in bulk. These change the demo's findings, hence the admin-journeys project.

// Each journey visits several pages and waits for server actions; give loaded CI machines room.
test.describe.configure({ timeout: 120_000 });

const list = `/o/${DEMO_ORG}/findings`;
const rows = (page: Page) => page.locator("tbody tr[data-row-id]");
const row = (page: Page, id: string) => page.locator(`tbody tr[data-row-id="${id}"]`);

async function tick(page: Page, menu: string, options: string[]) {
  const filter = page.getByTestId(`filter-${menu}`);
  await filter.locator("summary").click();
  for (const option of options) await filter.getByRole("checkbox", { name: option, exact: true }).check();
}

test("a developer narrows to critical and high security findings, reads the fix and snoozes one for a week", async ({
  page,
}) => {
  await signIn(page, DEMO_USERS.dev);
  await page.goto(list);
  await expect(page.getByRole("heading", { level: 1, name: "Findings" })).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "Findings" }).getByRole("link", { name: "Findings" }),
  ).toHaveAttribute("aria-current", "page");
  await expect(rows(page).first()).toBeVisible();

  await tick(page, "severity", ["Critical", "High"]);
  await tick(page, "category", ["Security"]);
  await page.getByTestId("filter-category").getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/severity=critical%2Chigh&category=security$/);
  const chips = page.getByTestId("filter-chips");
  await expect(chips.getByRole("link", { name: "Remove filter Severity: Critical" })).toBeVisible();
  await expect(chips.getByRole("link", { name: "Remove filter Category: Security" })).toBeVisible();
  // Only critical and high, only the developer's team.
  const severities = await rows(page).locator("td:nth-child(2) > span").allTextContents();
  expect(severities.length).toBeGreaterThan(0);
  expect(severities.every((s) => s === "Critical" || s === "High")).toBe(true);
  expect(new Set(await rows(page).locator("td:nth-child(4) > div:first-child").allTextContents())).toEqual(
    new Set(["Payments"]),
  );

  const first = rows(page).first();
  const id = (await first.getAttribute("data-row-id"))!;
  const title = (await first.locator("a[data-row-link]").textContent())!.trim();
  await first.locator("a[data-row-link]").click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Why it matters" })).toBeVisible();
  const fix = page.locator("section", { has: page.getByRole("heading", { name: "How to fix it" }) });
  await expect(fix).toBeVisible();
  expect(((await fix.textContent()) ?? "").length).toBeGreaterThan("How to fix it".length + 20);

  const panel = page.getByTestId("triage-panel");
  await panel.locator("summary", { hasText: "Snooze" }).click();
  await panel.getByRole("button", { name: "For 1 week" }).click();
  await expect(panel.getByRole("status")).toHaveText("Snoozed 1 finding.");
  const status = page.locator("section", { has: page.getByRole("heading", { name: "Status" }) });
  await expect(status.getByText("Snoozed", { exact: true })).toBeVisible();
  await expect(status).toContainText("opens again in 7 days");
  await expect(page.getByTestId("finding-history")).toContainText("snoozed it until");

  // Back to the same filtered list, where the snoozed finding is no longer open...
  await page.getByTestId("back-to-findings").click();
  await expect(page).toHaveURL(/severity=critical%2Chigh&category=security$/);
  await expect(rows(page).first()).toBeVisible();
  await expect(row(page, id)).toHaveCount(0);
  // ...and is under Snoozed.
  await tick(page, "status", ["Snoozed"]);
  await page.getByTestId("filter-status").getByRole("checkbox", { name: "Open", exact: true }).uncheck();
  await page.getByTestId("filter-status").getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/status=snoozed/);
  await expect(row(page, id)).toBeVisible();
  await expect(row(page, id)).toContainText("until");
});

test("a viewer reads findings but gets no triage controls", async ({ page }) => {
  await signIn(page, DEMO_USERS.viewer);
  await page.goto(list);
  await expect(rows(page).first()).toBeVisible();
  expect(new Set(await rows(page).locator("td:nth-child(3) > div:first-child").allTextContents())).toEqual(
    new Set(["Checkout"]),
  );
  await expect(page.getByRole("checkbox", { name: /^Select/ })).toHaveCount(0);
  await expect(page.getByTestId("bulk-bar")).toHaveCount(0);

  await rows(page).first().locator("a[data-row-link]").click();
  await expect(page.getByRole("heading", { name: "How to fix it" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "History and notes" })).toBeVisible();
  await expect(page.getByTestId("triage-panel")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Resolve|Snooze|Assign/ })).toHaveCount(0);
  await expect(page.getByLabel("Add a note")).toHaveCount(0);
});

test("grouping by check counts the affected resources and links to that check's findings", async ({ page }) => {
  await signIn(page, DEMO_USERS.dev);
  await page.goto(list);
  await page.getByRole("navigation", { name: "Group findings" }).getByRole("link", { name: "By check" }).click();
  await expect(page).toHaveURL(/group=check$/);
  const group = page.locator("tbody tr").first();
  const affected = group.getByTestId("check-affected");
  await expect(affected).toHaveText(/^\d+ resources? · \d+ clusters?$/);
  const resources = Number((await affected.textContent())!.match(/^\d+/)![0]);
  // "N findings" shows only when a resource has the problem more than once (once per container).
  const findingsLine = group.locator("td:nth-child(3) div");
  const findings = (await findingsLine.count())
    ? Number((await findingsLine.textContent())!.match(/^\d+/)![0])
    : resources;
  const checkId = (await group.locator("code").textContent())!.trim();

  await affected.click();
  await expect(page).toHaveURL(new RegExp(`check=${encodeURIComponent(checkId)}$`));
  await expect(
    page.getByTestId("filter-chips").getByRole("link", { name: `Remove filter Check: ${checkId}` }),
  ).toBeVisible();
  await expect(rows(page)).toHaveCount(Math.min(findings, 50));
});

test("a team lead resolves several findings at once, with a reason", async ({ page }) => {
  await signIn(page, DEMO_USERS.lead);
  await page.goto(`${list}?team=payments&source=goldilocks`);
  await expect(rows(page).nth(1)).toBeVisible();
  const ids = [
    await rows(page).nth(0).getAttribute("data-row-id"),
    await rows(page).nth(1).getAttribute("data-row-id"),
  ];

  // From the keyboard: j moves to the next finding, x selects it.
  await page.keyboard.press("j");
  await page.keyboard.press("x");
  await page.keyboard.press("j");
  await page.keyboard.press("x");
  const bar = page.getByTestId("bulk-bar");
  await expect(bar).toContainText("2 findings selected");

  await bar.getByRole("button", { name: "Resolve…" }).click();
  const dialog = page.getByRole("dialog", { name: "Resolve 2 findings" });
  await dialog.getByRole("button", { name: "Resolve 2 findings" }).click();
  await expect(dialog.getByText(/^Say why/)).toBeVisible();
  await dialog.getByLabel("Working as intended").check();
  await dialog.getByLabel("Reason").fill("Batch jobs: requests are sized by the scheduler, not by Goldilocks.");
  await dialog.getByRole("button", { name: "Resolve 2 findings" }).click();
  await expect(dialog).toBeHidden();
  await expect(bar.getByRole("status")).toHaveText("Resolved 2 findings.");
  for (const id of ids) await expect(row(page, id!)).toHaveCount(0);

  await page.goto(`${list}?team=payments&source=goldilocks&status=resolved`);
  for (const id of ids) await expect(row(page, id!)).toContainText("Working as intended");
  await row(page, ids[0]!).locator("a[data-row-link]").click();
  const history = page.getByTestId("finding-history");
  await expect(history).toContainText("resolved it: working as intended");
  await expect(history).toContainText("Batch jobs: requests are sized by the scheduler");
});

test("a developer saves a view, opens it again from the menu and deletes it", async ({ page }) => {
  await signIn(page, DEMO_USERS.dev);
  const name = `Open in payments ${Date.now().toString(36)}`;
  await page.goto(`${list}?severity=high&sort=first_seen`);
  await page.getByRole("button", { name: "Save view" }).click();
  const dialog = page.getByRole("dialog", { name: "Save this view" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("button", { name: "Save view" }).click();
  await expect(dialog).toBeHidden();

  await page.goto(list);
  const menu = page.getByTestId("saved-views");
  await menu.locator("summary").click();
  await menu.getByRole("link", { name }).click();
  await expect(page).toHaveURL(/\?severity=high&sort=first_seen$/);
  await expect(page.getByTestId("sort-menu")).toContainText("Newest first");

  await menu.locator("summary").click();
  await menu.getByRole("button", { name: `Delete saved view ${name}` }).click();
  await expect(menu.getByRole("link", { name })).toHaveCount(0);
});
