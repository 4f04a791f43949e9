import { expect, test, type Page } from "@playwright/test";
import { FAKE_JIRA_API_TOKEN, FAKE_JIRA_EMAIL } from "../lib/testing/fake-jira";
import {
  AGENT_HEADERS,
  DEMO_ORG,
  DEMO_USERS,
  deleteClusterFromRow,
  eventually,
  POLARIS_SAMPLE,
  addClusterInUi,
  signIn,
  uniqueId,
} from "./helpers";

// Tickets both ways against the fake Jira e2e/global-setup.ts starts (the seed made it the org's
// default project, PAY, and pointed its webhook at the app): a developer opens one from a
// finding, a report that fixes the finding closes it in Jira, and a person closing one in Jira
// resolves its findings in Bumpers. Each journey has a cluster and namespace of its own, so the
// journeys do not depend on each other or on the order they run in; the worker carries the calls.

test.describe.configure({ timeout: 120_000 });

const JIRA_URL = process.env.BUMPERS_DEMO_JIRA_URL!;
const JIRA_AUTH = {
  authorization: `Basic ${Buffer.from(`${FAKE_JIRA_EMAIL}:${FAKE_JIRA_API_TOKEN}`).toString("base64")}`,
};

type TJiraIssue = { key: string; fields: { status: { name: string }; summary: string; labels: string[] } };

/** The issue as the fake Jira's REST API answers it (what Jira itself would say). */
async function jiraIssue(page: Page, key: string): Promise<TJiraIssue> {
  const res = await page.request.get(`${JIRA_URL}/rest/api/3/issue/${key}`, { headers: JIRA_AUTH });
  expect(res.status()).toBe(200);
  return (await res.json()) as TJiraIssue;
}

type TCluster = { name: string; slug: string; token: string; namespace: string };

/** Polaris' own sample audit, its workloads moved into `namespace`. */
const polarisIn = (namespace: string) =>
  POLARIS_SAMPLE.replace(/"Namespace":\s*"[^"]*"/g, `"Namespace":"${namespace}"`);

async function upload(page: Page, cluster: TCluster, report: string) {
  const res = await page.request.post(`/v0/organizations/${DEMO_ORG}/clusters/${cluster.slug}/data/polaris`, {
    headers: { Authorization: `Bearer ${cluster.token}`, "Content-Type": "application/json", ...AGENT_HEADERS },
    data: report,
  });
  expect(res.status()).toBe(200);
}

/** A new cluster (as the org admin) whose agent reports Polaris findings in a Payments namespace. */
async function clusterWithPaymentsFindings(page: Page): Promise<TCluster> {
  const id = uniqueId();
  await signIn(page, DEMO_USERS.admin);
  const cluster = { name: `Tickets ${id}`, slug: `tickets-${id}`, namespace: `payments-tix-${id}` };
  const withToken = { ...cluster, token: await addClusterInUi(page, cluster) };
  await upload(page, withToken, polarisIn(cluster.namespace));
  await page.context().clearCookies();
  return withToken;
}

async function removeCluster(page: Page, cluster: TCluster) {
  await page.context().clearCookies();
  await signIn(page, DEMO_USERS.admin);
  await page.goto(`/o/${DEMO_ORG}/clusters`);
  await deleteClusterFromRow(page, page.getByRole("row").filter({ hasText: cluster.slug }), cluster);
}

/** One of the cluster's findings, once the worker has processed the upload: its page's path. */
async function findingOf(page: Page, cluster: TCluster): Promise<string> {
  const rows = page.locator("tbody tr[data-row-id]");
  await eventually(page, async () => {
    await page.goto(`/o/${DEMO_ORG}/findings?namespace=${cluster.namespace}`);
    await expect(rows.first()).toBeVisible({ timeout: 2_000 });
  });
  return `/o/${DEMO_ORG}/findings/${await rows.first().getAttribute("data-row-id")}`;
}

/**
 * As the Payments editor: "Open a ticket" on the finding page for this finding alone, through the
 * preview; returns the Jira key the chip shows.
 */
async function openTicket(page: Page, findingPath: string): Promise<string> {
  await page.goto(findingPath);
  await page.getByTestId("open-ticket").click();
  const dialog = page.getByRole("dialog", { name: "Open a ticket" });
  await dialog.getByRole("radio", { name: "Only this finding" }).check();
  const form = dialog.getByTestId("ticket-create-form");
  await expect(form).toContainText("1 finding → Jira");
  await expect(form.getByTestId("ticket-body-preview")).toContainText("Open in Bumpers");
  await form.getByRole("button", { name: "Create Jira ticket" }).click();
  const sent = dialog.getByTestId("ticket-sent");
  const chip = sent.getByTestId("ticket-chip");
  await expect(chip).toHaveAccessibleName(/^Ticket PAY-\d+, To Do$/);
  const key = /PAY-\d+/.exec((await chip.getAttribute("aria-label"))!)![0];
  await sent.getByRole("button", { name: "Done" }).click();
  await expect(
    page.getByRole("list", { name: "Tickets of this finding" }).getByTestId("ticket-chip"),
  ).toHaveAccessibleName(`Ticket ${key}, To Do`);
  return key;
}

/** A new cluster's Payments finding, and the ticket the Payments editor opened for it. */
async function ticketOnNewFinding(page: Page) {
  const cluster = await clusterWithPaymentsFindings(page);
  await signIn(page, DEMO_USERS.dev);
  const finding = await findingOf(page, cluster);
  return { cluster, finding, key: await openTicket(page, finding) };
}

test.describe("tickets", () => {
  test("a developer opens a Jira ticket from a finding, and a report that fixes it closes the ticket", async ({
    page,
  }) => {
    const { cluster, finding, key } = await ticketOnNewFinding(page);

    // The issue is in Jira, To Do, marked so Bumpers finds it again.
    const issue = await jiraIssue(page, key);
    expect(issue.fields.status.name).toBe("To Do");
    expect(issue.fields.labels.some((l) => l.startsWith("bumpers"))).toBe(true);

    // The cluster's next audit no longer has the finding (its workloads moved out of Payments):
    // the worker moves the ticket to Done in Jira, and the chip says so.
    await upload(page, cluster, polarisIn(`retired-${cluster.namespace}`));
    await expect.poll(async () => (await jiraIssue(page, key)).fields.status.name, { timeout: 60_000 }).toBe("Done");
    await eventually(page, async () => {
      await page.goto(finding);
      await expect(
        page.getByRole("list", { name: "Tickets of this finding" }).getByTestId("ticket-chip"),
      ).toHaveAccessibleName(`Ticket ${key}, Done`, { timeout: 2_000 });
    });

    await removeCluster(page, cluster);
  });

  test("closing a ticket in Jira resolves its findings in Bumpers, and the ticket's sync log shows it", async ({
    page,
  }) => {
    const { cluster, finding, key } = await ticketOnNewFinding(page);

    // Someone marks it Done in Jira (the fake's own API acts as a person, not as Bumpers' account).
    const closed = await page.request.post(`${JIRA_URL}/fake/issues/${key}/transition`, { data: { to: "Done" } });
    expect(closed.status()).toBe(200);

    // The webhook reaches Bumpers: the finding is resolved by the ticket.
    const status = page.getByLabel("Status and location");
    await eventually(page, async () => {
      await page.goto(finding);
      await expect(status.getByText(`Closed as done in ${key}`)).toBeVisible({ timeout: 2_000 });
    });
    await expect(status).toContainText("Closed in ticket");
    // The list shows open findings unless told otherwise: resolved ones whose tickets are closed.
    await page.goto(`/o/${DEMO_ORG}/findings?namespace=${cluster.namespace}&status=resolved&ticket=closed`);
    await expect(page.locator("tbody tr[data-row-id]")).toHaveCount(1);

    // The ticket's page logs the inbound event.
    await page.goto(`/o/${DEMO_ORG}/teams/payments/tickets?state=closed`);
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: `Ticket ${key}, Done` }) });
    await row.locator(`a[href^="/o/${DEMO_ORG}/tickets/"]`).click();
    await expect(page.getByRole("heading", { name: "Sync log" })).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: "Provider → Bumpers" }).first()).toBeVisible();

    await removeCluster(page, cluster);
  });
});
