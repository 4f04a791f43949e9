import { expect, test, type Page } from "@playwright/test";
import {
  AGENT_HEADERS,
  DEMO_ORG,
  DEMO_USERS,
  addClusterInUi,
  deleteClusterFromRow,
  eventually,
  expectForbiddenPage,
  POLARIS_SAMPLE,
  signIn,
  uniqueId,
} from "./helpers";

// The automation journey: the org owner drafts "kube-system findings on staging are low"
// on a cluster of its own (so no other spec's findings are touched), previews it against the
// findings that cluster's Polaris report opened, saves it, applies it to existing findings, and the
// finding page explains the change; then switching the rule off and applying again undoes it.

test.describe.configure({ timeout: 180_000 });

const settings = `/o/${DEMO_ORG}/settings/automation`;

/** Polaris' own sample audit with every workload in kube-system. */
const KUBE_SYSTEM_REPORT = POLARIS_SAMPLE.replace(/"Namespace":\s*"[^"]*"/g, `"Namespace":"kube-system"`);

async function uploadPolaris(page: Page, slug: string, token: string) {
  const res = await page.request.post(`/v0/organizations/${DEMO_ORG}/clusters/${slug}/data/polaris`, {
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", ...AGENT_HEADERS },
    data: KUBE_SYSTEM_REPORT,
  });
  expect(res.status()).toBe(200);
}

/** Presses "Apply to existing findings", confirms the preview, and waits for the job to finish. */
async function applyToExisting(page: Page, rulePath: string): Promise<void> {
  await page.goto(rulePath);
  await page.getByRole("button", { name: "Apply to existing findings" }).click();
  await expect(page.getByText(/^Matches \d+ of /).first()).toBeVisible();
  const applyNow = page.getByRole("button", { name: "Apply now" });
  await applyNow.click();
  // The page may still show the rule's previous job; once the confirmation is gone, it shows this one.
  await expect(applyNow).toBeHidden();
  const progress = page.getByRole("progressbar", { name: "Apply progress" });
  await expect(progress).toBeVisible();
  await expect(page.getByText(/^Done: /)).toBeVisible({ timeout: 60_000 });
  await expect(progress).toHaveAttribute("aria-valuenow", "100");
}

test.describe("automation rules", () => {
  test("an admin drafts a rule, previews it, applies it to existing findings, and the finding explains the change", async ({
    page,
  }) => {
    const id = uniqueId();
    const cluster = { name: `Staging ${id}`, slug: `staging-${id}` };
    const ruleName = `kube-system findings on ${cluster.slug} are low`;
    const reason = "Platform components on staging are not exposed.";

    await signIn(page, DEMO_USERS.owner);
    const token = await addClusterInUi(page, cluster);
    await uploadPolaris(page, cluster.slug, token);

    // The cluster's open kube-system findings, once the worker has processed the report.
    const rows = page.locator("tbody tr[data-row-id]");
    const listPath = `/o/${DEMO_ORG}/findings?cluster=${cluster.slug}&namespace=kube-system`;
    await eventually(page, async () => {
      await page.goto(listPath);
      await expect(rows.first()).toBeVisible({ timeout: 2_000 });
    });
    const count = await rows.count();
    expect(count).toBeGreaterThan(1);
    const findingPath = `/o/${DEMO_ORG}/findings/${await rows.first().getAttribute("data-row-id")}`;
    await page.goto(findingPath);
    const severity = page.getByTestId("finding-severity");
    const reported = (await severity.textContent())!.trim();
    expect(reported).not.toBe("Low");

    // Settings → Automation → New rule.
    await page.goto(settings);
    await page.getByRole("link", { name: "New rule" }).click();
    await expect(page).toHaveURL(new RegExp(`${settings}/new$`));
    const editor = page.getByRole("form", { name: "New rule" });
    await editor.getByLabel("Name", { exact: true }).fill(ruleName);
    await editor.getByLabel("Add a condition").selectOption({ label: "Namespace" });
    await editor.getByRole("button", { name: "Add condition" }).click();
    const namespace = editor.getByRole("group", { name: "Namespace", exact: true }).getByRole("textbox");
    await namespace.fill("kube-system");
    await namespace.press("Enter");
    await editor.getByLabel("Add a condition").selectOption({ label: "Cluster" });
    await editor.getByRole("button", { name: "Add condition" }).click();
    const clusters = editor.getByRole("group", { name: /Cluster$/ }).getByRole("textbox");
    await clusters.fill(cluster.slug);
    await clusters.press("Enter");
    await editor.getByRole("checkbox", { name: "Set severity" }).check();
    await editor.getByLabel("New severity").selectOption("low");
    await editor.getByLabel("Reason (shown on the finding)").fill(reason);

    // The preview counts exactly the cluster's open kube-system findings.
    await editor.getByRole("button", { name: "Preview", exact: true }).click();
    const summary = editor.getByText(new RegExp(`^Matches ${count} of `));
    await expect(summary).toBeVisible();
    // Findings the tool already rated low match without changing; applying changes the rest.
    const wouldChange = Number(/would change (\d+)/.exec((await summary.textContent())!)?.[1]);
    expect(wouldChange).toBeGreaterThan(0);
    await expect(editor.getByRole("table", { name: "Sample of findings the rule would change" })).toContainText(
      "→ low",
    );

    await editor.getByRole("button", { name: "Save rule" }).click();
    await expect(page).toHaveURL(new RegExp(`${settings}/[^/]+$`));
    await expect(page.getByRole("heading", { name: ruleName })).toBeVisible();
    const rulePath = new URL(page.url()).pathname;
    const ruleId = rulePath.split("/").at(-1)!;

    await applyToExisting(page, rulePath);
    await expect(page.getByText(/^Done: /)).toHaveText(
      `Done: ${count} of ${count} findings looked at, ${wouldChange} changed.`,
    );

    // The finding is Low now, and its page says which rule did it and why.
    await page.goto(findingPath);
    await expect(severity).toHaveText("Low");
    await expect(page.getByTestId("severity-note")).toContainText(`${reason} (reported: ${reported})`);
    const history = page.getByTestId("finding-history");
    await expect(history).toContainText(
      `Severity lowered from ${reported} to Low by rule "${ruleName}" (org): ${reason}`,
    );
    const link = history.getByRole("link", { name: `rule "${ruleName}"` }).first();
    await expect(link).toHaveAttribute("href", `${settings}/${ruleId}`);

    // Switched off and applied again: the tool's severity is back and the history says undone.
    await page.goto(settings);
    await page.getByRole("switch", { name: `${ruleName}: enabled` }).click();
    await expect(page.getByRole("switch", { name: `${ruleName}: disabled` })).toBeVisible();
    await applyToExisting(page, rulePath);
    await page.goto(findingPath);
    await expect(severity).toHaveText(reported);
    await expect(page.getByTestId("severity-note")).toHaveCount(0);
    await expect(history).toContainText(
      `Severity raised from Low to ${reported} by rule "${ruleName}" (org) (undone: the rule no longer applies)`,
    );

    // Clean up: the rule, then the cluster.
    await page.goto(rulePath);
    await page.getByRole("button", { name: `Delete ${ruleName}` }).click();
    await page
      .getByRole("dialog", { name: `Delete the rule “${ruleName}”?` })
      .getByRole("button", { name: "Delete rule" })
      .click();
    await expect(page).toHaveURL(new RegExp(`${settings}$`));
    await expect(page.getByRole("link", { name: ruleName, exact: true })).toHaveCount(0);
    await page.goto(`/o/${DEMO_ORG}/clusters`);
    await deleteClusterFromRow(page, page.getByRole("row").filter({ hasText: cluster.slug }), cluster);
  });

  test("a team editor cannot reach the organization's new rule page", async ({ page }) => {
    await signIn(page, DEMO_USERS.dev);
    await expectForbiddenPage(page, `${settings}/new`);
  });
});
