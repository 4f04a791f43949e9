import { expect, test } from "@playwright/test";
import { FAKE_SLACK_TOKEN } from "../lib/testing/fake-slack";
import {
  AGENT_HEADERS,
  DEMO_ORG,
  DEMO_USERS,
  deleteClusterFromRow,
  eventually,
  mailsTo,
  POLARIS_SAMPLE,
  addClusterInUi,
  signIn,
  uniqueId,
} from "./helpers";

// Changes the demo organization (a Payments Slack connection and subscription, a cluster that
// comes and goes, a member's digest), so it runs with the admin journeys. Slack is the fake
// workspace e2e/global-setup.ts starts; the worker delivers the outbox to it.

const SLACK_URL = process.env.BUMPERS_E2E_SLACK_URL!;
/** Polaris' own sample audit, its workloads moved into a namespace Payments owns. */
const POLARIS_PAYMENTS = POLARIS_SAMPLE.replace(/"Namespace":\s*"[^"]*"/g, '"Namespace":"payments-notify"');

test.describe("notifications", () => {
  test("a team admin connects Slack, subscribes the team, and a report's findings arrive as one message", async ({
    page,
  }) => {
    const id = uniqueId();
    const connection = `Payments Slack ${id}`;
    const subscription = `High findings ${id}`;
    await signIn(page, DEMO_USERS.lead);
    await page.goto(`/o/${DEMO_ORG}/teams/payments/notifications`);

    // Connect the workspace with its bot token; only a hint of the token is shown afterwards.
    const connections = page.getByRole("list", { name: "Team connections" });
    await page.getByRole("button", { name: "Add connection" }).click();
    let dialog = page.getByRole("dialog");
    await dialog.getByLabel("Kind").selectOption("slack");
    await dialog.getByLabel("Name", { exact: true }).fill(connection);
    await dialog.getByLabel("Bot token").fill(FAKE_SLACK_TOKEN);
    await dialog.getByRole("button", { name: "Add connection" }).click();
    await expect(dialog).toBeHidden();
    const row = connections.getByRole("listitem", { name: connection });
    await expect(row).toContainText("xoxb-…oken");
    await expect(page.getByText(FAKE_SLACK_TOKEN)).toHaveCount(0);

    // Send test: Slack's own answer.
    await row.getByRole("button", { name: `Send test to ${connection}` }).click();
    dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Send test" }).click();
    await expect(dialog).toContainText("Connected to Acme (fake Slack)");
    await page.keyboard.press("Escape");

    // Subscribe the team: high and critical findings into #payments-alerts.
    await page.getByRole("button", { name: "Add subscription" }).click();
    dialog = page.getByRole("dialog");
    await dialog.getByLabel("Name", { exact: true }).fill(subscription);
    await dialog.getByLabel("Send through").selectOption({ label: `${connection} (Slack app, Payments)` });
    const channel = dialog.getByLabel("Slack channel");
    await expect(channel.locator("option", { hasText: "#payments-alerts" })).toHaveCount(1);
    await channel.selectOption({ label: "#payments-alerts" });
    await dialog.getByLabel("Minimum severity").selectOption("high");
    await dialog.getByRole("button", { name: "Add subscription" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("list", { name: "Team subscriptions" })).toContainText(subscription);

    // A new cluster's agent uploads an audit with four privilege-escalation findings: one message.
    const cluster = { name: `Notify ${id}`, slug: `notify-${id}` };
    await page.context().clearCookies();
    await signIn(page, DEMO_USERS.admin);
    const token = await addClusterInUi(page, cluster);
    const upload = await page.request.post(`/v0/organizations/${DEMO_ORG}/clusters/${cluster.slug}/data/polaris`, {
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", ...AGENT_HEADERS },
      data: POLARIS_PAYMENTS,
    });
    expect(upload.status()).toBe(200);

    // The fake workspace's own page shows it in #payments-alerts.
    const slack = await page.context().newPage();
    await slack.goto(SLACK_URL);
    // One message per check: the report's other high checks may be posted first, so reload until
    // the privilege-escalation one is there too.
    await eventually(slack, async () => {
      await expect(slack.locator("body")).toContainText(cluster.slug);
      await expect(slack.locator("body")).toContainText("Privilege escalation", { timeout: 2_000 });
    });
    await slack.close();

    // The delivery log has it too, with Slack's answer.
    await page.goto(`/o/${DEMO_ORG}/alerting/log?channel=slack`);
    await expect(page.getByRole("row").filter({ hasText: subscription }).first()).toContainText("delivered");

    // Leave the demo organization as it was.
    await page.goto(`/o/${DEMO_ORG}/clusters`);
    await deleteClusterFromRow(page, page.getByRole("row").filter({ hasText: cluster.slug }), cluster);
  });

  test("a member subscribes to their team's weekly digest and receives it by email", async ({ page }) => {
    await signIn(page, DEMO_USERS.dev);
    await page.goto(`/o/${DEMO_ORG}/notifications`);
    const form = page.getByRole("form", { name: "Subscribe to a team digest" });
    await form.getByLabel("Team").selectOption({ label: "Payments" });
    await form.getByLabel("How often").selectOption("weekly");
    await form.getByRole("button", { name: "Subscribe" }).click();
    const mine = page.getByRole("list", { name: "Your subscriptions" });
    await expect(mine.getByRole("listitem")).toHaveCount(1);

    // Sent now as a preview; the worker mails it (the e2e server logs mail instead of sending it).
    await mine.getByRole("button", { name: /^Send now/ }).click();
    await expect(mine.getByRole("status")).toContainText("On its way to your inbox");
    await expect
      .poll(() => mailsTo("dev@acme.example").some((line) => /digest/.test(line)), { timeout: 60_000 })
      .toBe(true);
  });
});
