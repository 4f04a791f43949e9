import { expect, test, type Page } from "@playwright/test";
import {
  AGENT_HEADERS,
  eventually,
  POLARIS_SAMPLE,
  DEMO_ORG,
  DEMO_USERS,
  expectNotFoundPage,
  pageOf,
  addClusterInUi,
  rememberSecret,
  signIn,
  signUp,
  uniqueId,
  deleteClusterFromRow,
} from "./helpers";

// Changes the demo organization (a destination, a Payments rule, a cluster that comes and goes),
// so it runs with the admin journeys. PagerDuty is the fake e2e/global-setup.ts starts; the
// worker it starts processes the reports and delivers the outbox.

const POLARIS_TEXT = POLARIS_SAMPLE;
/** The same audit with every check passing: the fixing report. */
const POLARIS_FIXED = POLARIS_TEXT.replace(/"Success":\s*false/g, '"Success": true');
const base = `/o/${DEMO_ORG}/alerting`;

/** A made-up Events API v2 integration key: 32 letters and digits. */
const integrationKey = (id: string) =>
  `e2e${id}`
    .replace(/[^a-z0-9]/gi, "")
    .padEnd(32, "7")
    .slice(0, 32);

const rowOf = (page: Page, text: string) => page.getByRole("row").filter({ hasText: text });

test.describe("alerting", () => {
  test.describe.configure({ timeout: 120_000 });

  test("an org admin adds a destination, sends a test event and reads PagerDuty's answers", async ({
    page,
    browser,
  }) => {
    const id = uniqueId();
    const name = `E2E service ${id}`;
    const key = rememberSecret(integrationKey(id));
    await signIn(page, DEMO_USERS.admin);
    await page.goto(`${base}/destinations`);
    await expect(
      page.getByRole("navigation", { name: "Alerting" }).getByRole("link", { name: "Destinations" }),
    ).toHaveAttribute("aria-current", "page");

    // The key is checked before anything is sent.
    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByLabel("Integration key").fill("too-short");
    await page.getByRole("button", { name: "Add destination" }).click();
    await expect(page.getByText("An Events API v2 integration key is 32 letters and digits.")).toBeVisible();
    await expect(page.getByLabel("Integration key")).toHaveAttribute("aria-invalid", "true");

    await page.getByLabel("Integration key").fill(key);
    await page.getByRole("button", { name: "Add destination" }).click();
    await expect(page.getByText(`Added ${name}.`)).toBeVisible();
    const row = rowOf(page, name);
    await expect(row).toContainText(`••••${key.slice(-4)}`);
    await expect(page.getByText(key)).toHaveCount(0);
    await expect(row).toContainText("never");

    await row.getByRole("button", { name: "Send test event" }).click();
    const dialog = page.getByRole("dialog", { name: `Test event to ${name}` });
    await expect(dialog.getByText("PagerDuty accepted the trigger and the resolve")).toBeVisible();
    await expect(dialog.getByRole("listitem").filter({ hasText: "trigger" })).toContainText("202 · Event processed");
    await expect(dialog.getByRole("listitem").filter({ hasText: "resolve" })).toContainText("202 · Event processed");
    await dialog.getByRole("button", { name: "Close" }).click();
    await expect(row).toContainText("just now");

    // Both test events are in the delivery log, delivered.
    const destinationHref = (await row.getByRole("link", { name, exact: true }).getAttribute("href"))!;
    const destinationId = destinationHref.split("/").pop()!;
    await page.goto(`${base}/log?destination=${destinationId}`);
    await expect(rowOf(page, "Test event").filter({ hasText: "delivered" })).toHaveCount(2);

    // Another org's destination id is simply not there.
    const stranger = await pageOf(browser);
    const account = await signUp(stranger);
    await expectNotFoundPage(stranger, `/o/${account.orgSlug}/alerting/destinations/${destinationId}`);
    await expectNotFoundPage(stranger, `/o/${account.orgSlug}/alerting/log?destination=${destinationId}`);
    await stranger.context().close();

    // Rename, then delete behind a confirmation.
    await page.goto(destinationHref);
    await page.getByLabel("Name", { exact: true }).fill(`${name} renamed`);
    await page.getByRole("button", { name: "Save destination" }).click();
    await expect(page.getByText("Saved.")).toBeVisible();
    await expect(page.getByRole("heading", { name: `${name} renamed` })).toBeVisible();
    await page.getByRole("button", { name: "Delete" }).click();
    await page
      .getByRole("dialog", { name: `Delete ${name} renamed?` })
      .getByRole("button", { name: "Delete destination" })
      .click();
    await expect(page).toHaveURL(new RegExp(`${base}/destinations$`));
    await expect(rowOf(page, name)).toHaveCount(0);
  });

  test("a team admin adds a rule, sees what it would page for and cannot lower the baseline", async ({ page }) => {
    const name = `E2E reliability ${uniqueId()}`;
    await signIn(page, DEMO_USERS.lead);
    // The Team rules tab opens the lead's team.
    await page.goto(`${base}/rules`);
    await expect(page).toHaveURL(new RegExp(`${base}/rules/payments$`));
    await expect(page.getByRole("heading", { name: "Payments rules" })).toBeVisible();
    const baseline = page.getByRole("region", { name: "Org baseline: Findings" });
    await expect(baseline).toContainText("High and critical security findings page the owning team");
    await expect(baseline.getByRole("button")).toHaveCount(0);

    await page.getByRole("button", { name: "Add rule" }).click();
    const dialog = page.getByRole("dialog", { name: "New rule for Payments" });
    await dialog.getByLabel("Name", { exact: true }).fill(name);
    await dialog.getByLabel("PagerDuty severity").selectOption("warning");
    await expect(dialog.getByText("This rule would lower the org baseline.")).toBeVisible();
    await expect(dialog.getByRole("button", { name: "Add rule" })).toBeDisabled();
    await dialog.getByLabel("PagerDuty severity").selectOption("critical");
    await expect(dialog.getByText("This rule would lower the org baseline.")).toHaveCount(0);

    await dialog.getByRole("button", { name: "Preview" }).click();
    const preview = dialog.getByRole("region", { name: "Preview of this rule" });
    await expect(preview).toContainText(/Would open \d+ incidents? for \d+ affected resources?/);
    await expect(preview.getByRole("listitem").first()).toContainText(/\d+ resources? · \d+ findings?/);

    await dialog.getByRole("button", { name: "Add rule" }).click();
    await expect(dialog).toBeHidden();
    const rules = page
      .getByRole("region", { name: "Payments rules: Findings" })
      .getByRole("listitem")
      .filter({
        has: page.getByRole("button", { name: /^Move .* up$/ }),
      });
    await expect(rules.last()).toContainText(name);
    await expect(rules.last()).toContainText("Pages the team's own destination");

    // Keyboard: focus the button and press Enter.
    const count = await rules.count();
    await page.getByRole("button", { name: `Move ${name} up` }).focus();
    await page.keyboard.press("Enter");
    await expect(rules.nth(count - 2)).toContainText(name);
    await expect(rules.nth(count - 2).getByText(/^Preview: \d+ incidents?/)).toBeVisible();

    await rules
      .nth(count - 2)
      .getByRole("button", { name: "Delete" })
      .click();
    await page
      .getByRole("dialog", { name: `Delete the rule “${name}”?` })
      .getByRole("button", { name: "Delete rule" })
      .click();
    await expect(page.getByText(name)).toHaveCount(0);
  });

  test("a fixed problem resolves its incident, and the delivery log shows the resolve", async ({ page }) => {
    const id = uniqueId();
    const cluster = { name: `Alerts ${id}`, slug: `alerts-${id}` };
    await signIn(page, DEMO_USERS.admin);
    const token = await addClusterInUi(page, cluster);
    const upload = (body: string) =>
      page.request.post(`/v0/organizations/${DEMO_ORG}/clusters/${cluster.slug}/data/polaris`, {
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", ...AGENT_HEADERS },
        data: body,
      });

    // The audit's dangerous security settings page the owning team (the demo baseline): one
    // incident per check in this cluster, however many workloads.
    expect((await upload(POLARIS_TEXT)).status()).toBe(200);
    await page.goto(`${base}?status=open`);
    const open = rowOf(page, `cluster ${cluster.slug}`);
    await eventually(page, async () => {
      await expect(open.first()).toContainText("pages · critical");
    });
    const title = (await open.first().locator("div.font-medium").first().textContent())!;

    // The fixing report: every check passes.
    expect((await upload(POLARIS_FIXED)).status()).toBe(200);
    await page.goto(`${base}?status=resolved`);
    const resolved = rowOf(page, `cluster ${cluster.slug}`).filter({ hasText: title }).first();
    await eventually(page, async () => {
      await expect(resolved).toContainText("resolved");
    });
    await resolved.getByRole("link", { name: "Deliveries" }).click();
    await expect(page).toHaveURL(/\/alerting\/log\?group=/);
    await expect(page.getByText(`Showing the events of one alert group: ${title}`)).toBeVisible();
    await eventually(page, async () => {
      const resolve = page.getByRole("row").filter({ hasText: /^resolve/ });
      await expect(resolve).toContainText("delivered");
      await expect(resolve).toContainText("202 · Event processed");
    });
    await expect(
      page
        .getByRole("row")
        .filter({ hasText: /^trigger/ })
        .first(),
    ).toContainText("delivered");

    // Leave the demo organization as it was.
    await page.goto(`/o/${DEMO_ORG}/clusters`);
    await deleteClusterFromRow(page, rowOf(page, cluster.slug), cluster);
  });

  test("a team viewer reads the routing without edit controls, and only for their team", async ({ page }) => {
    await signIn(page, DEMO_USERS.viewer);
    await page.goto(`${base}/rules`);
    await expect(page.getByRole("heading", { name: "Checkout rules" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Teams" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Add rule" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^(Edit|Delete|Move)/ })).toHaveCount(0);

    await page.goto(`${base}/destinations`);
    await expect(page.getByRole("row").filter({ hasText: "Platform on-call" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Add destination" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Send test event" })).toHaveCount(0);

    await page.goto(`${base}/baseline`);
    await expect(page.getByText("High and critical security findings page the owning team")).toBeVisible();
    await expect(page.getByRole("button", { name: "Add rule" })).toHaveCount(0);

    await expectNotFoundPage(page, `${base}/rules/payments`);
    await expectNotFoundPage(page, `${base}/log?team=payments`);
    await expectNotFoundPage(page, `${base}?team=none`);
  });
});
