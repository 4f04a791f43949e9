import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_ORG, DEMO_USERS, formAlert, signIn, uniqueId, readSecret, deleteClusterFromRow } from "./helpers";

// Changes the demo organization (a cluster that comes and goes, the stale setting), so it runs
// with the admin journeys, after the specs that check the organization as seeded.

const POLARIS = readFileSync(path.resolve(process.cwd(), "../shared/fixtures/polaris/audit-dashboard-sample.json"));
const AGENT_HEADERS = { "X-Fairwinds-Agent-Version": "5.8.2", "X-Fairwinds-Agent-Chart-Version": "4.6.1" };

/** The cluster's own row (the reports table below also names the cluster, in its buttons' labels). */
const clusterRow = (page: Page, slug: string) => page.locator(`tr#cluster-${slug}`);

async function setStaleHours(page: Page, hours: string) {
  await page.goto(`/o/${DEMO_ORG}/settings/clusters`);
  const field = page.getByLabel("Flag a cluster as stale after");
  await field.fill(hours);
  // Enter submits, as in any form.
  await field.press("Enter");
}

test.describe("cluster status", () => {
  test("an admin sees when each cluster last reported, its agent and what became of each report", async ({ page }) => {
    const id = uniqueId();
    const cluster = { name: `Status ${id}`, slug: `status-${id}` };
    await signIn(page, DEMO_USERS.admin);
    await page.goto(`/o/${DEMO_ORG}/clusters`);
    for (const column of ["Cluster", "Last report", "Kubernetes", "Nodes", "Workloads", "Agent", "Agent token"]) {
      await expect(page.getByRole("columnheader", { name: column, exact: true }).first()).toBeVisible();
    }
    await expect(page.getByText(/A cluster is flagged stale after \d+ hours? without a report/)).toBeVisible();

    await page.getByLabel("Name", { exact: true }).fill(cluster.name);
    await page.getByLabel("Cluster slug").fill(cluster.slug);
    await page.getByRole("button", { name: "Add cluster" }).click();
    const token = await readSecret(page);
    const row = clusterRow(page, cluster.slug);
    await expect(row).toContainText("Waiting for first report");

    // The agent uploads a report and its installation (the chart's values, with a cloud key in them).
    const upload = (type: string, data: Buffer | string, headers: Record<string, string> = AGENT_HEADERS) =>
      page.request.post(`/v0/organizations/${DEMO_ORG}/clusters/${cluster.slug}/data/${type}`, {
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", ...headers },
        data,
      });
    expect((await upload("polaris", POLARIS)).status()).toBe(200);
    const installation = {
      values: { polaris: { enabled: true }, cloudcosts: { provider: "aws", awsSecretAccessKey: "do-not-show-me" } },
      version: "4.6.1",
    };
    expect((await upload("installation", JSON.stringify(installation), {})).status()).toBe(200);

    await page.reload();
    await expect(row).not.toContainText("Waiting for first report");
    await expect(row).toContainText("5.8.2");
    await expect(row).toContainText("chart 4.6.1");

    const reports = page.getByRole("region", { name: cluster.name });
    const polarisRow = reports.getByRole("row").filter({ hasText: "polaris" });
    await expect(polarisRow).toContainText(/Queued|Processed|Failed/);
    await expect(reports.getByText("Agent installation")).toBeVisible();
    await reports.getByText("Helm values").click();
    const values = reports.locator("pre").filter({ hasText: "cloudcosts" });
    await expect(values).toContainText('"awsSecretAccessKey": "[redacted]"');
    await expect(page.getByText("do-not-show-me")).toHaveCount(0);

    // Leave the demo organization as it was.
    await deleteClusterFromRow(page, row, cluster);
  });

  test("an admin sets after how many hours a cluster is flagged stale", async ({ page }) => {
    await signIn(page, DEMO_USERS.admin);
    await page.goto(`/o/${DEMO_ORG}/settings/members`);
    await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Clusters" }).click();
    await expect(page).toHaveURL(new RegExp(`/o/${DEMO_ORG}/settings/clusters$`));
    const field = page.getByLabel("Flag a cluster as stale after");
    await expect(field).toHaveValue("24");

    await setStaleHours(page, "0");
    await expect(formAlert(page)).toHaveText("At least 1 hour.");
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(field).toHaveValue("0");

    await field.fill("12");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Saved. Clusters are flagged stale after 12 hours without a report.")).toBeVisible();
    await page.reload();
    await expect(field).toHaveValue("12");

    await page.goto(`/o/${DEMO_ORG}/clusters`);
    await expect(page.getByText("A cluster is flagged stale after 12 hours without a report")).toBeVisible();

    await setStaleHours(page, "24");
    await expect(page.getByText("Saved. Clusters are flagged stale after 24 hours without a report.")).toBeVisible();
  });

  test("members cannot open the cluster settings", async ({ page }) => {
    await signIn(page, DEMO_USERS.dev);
    const response = await page.goto(`/o/${DEMO_ORG}/settings/clusters`);
    expect(response?.status()).toBe(403);
  });
});
