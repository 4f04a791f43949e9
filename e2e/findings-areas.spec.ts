import { expect, test, type Page } from "@playwright/test";
import { DEMO_ORG, DEMO_USERS, signIn } from "./helpers";

// The vulnerabilities, upgrades and compliance areas as the demo's payments developer sees them
// (read-only): their team's images and objects only, or an empty state that says why.

const base = `/o/${DEMO_ORG}/findings`;
const table = (page: Page) => page.getByRole("table").first();

test.describe("findings areas for a payments developer", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, DEMO_USERS.dev);
  });

  test("vulnerabilities: the team's images worst first, their CVEs and one CVE's page", async ({ page }) => {
    await page.goto(`${base}/vulnerabilities`);
    await expect(page.getByRole("heading", { level: 1, name: "Vulnerabilities" })).toBeVisible();
    const tabs = page.getByRole("navigation", { name: "Findings" });
    await expect(tabs.getByRole("link", { name: "Vulnerabilities" })).toHaveAttribute("aria-current", "page");
    await expect(tabs.getByRole("link", { name: "Findings" })).not.toHaveAttribute("aria-current", "page");

    // Images run by Payments workloads, and no other team's.
    await expect(table(page).locator("tbody tr").first()).toBeVisible();
    await expect(table(page).getByRole("link", { name: "Payments" }).first()).toBeVisible();
    await expect(table(page).getByRole("link", { name: "Checkout" })).toHaveCount(0);
    await expect(table(page).getByRole("link", { name: "Platform" })).toHaveCount(0);

    // The search is a plain form: typing and Enter filters through the URL.
    await page.getByLabel("Image name").fill("postgres");
    await page.getByLabel("Image name").press("Enter");
    await expect(page).toHaveURL(/q=postgres/);
    await expect(table(page).locator("tbody tr")).toHaveCount(1);
    await expect(table(page)).toContainText("docker.io/library/postgres");

    // The image's name opens its CVEs; a CVE opens its page.
    await table(page)
      .getByRole("link", { name: /postgres/ })
      .click();
    await expect(page).toHaveURL(/tab=cves/);
    await expect(page.locator("p", { hasText: "Vulnerabilities in" })).toContainText("docker.io/library/postgres");
    const cve = table(page).locator("tbody tr").first().getByRole("link").first();
    const id = (await cve.textContent())!.trim();
    await cve.click();
    await expect(page.getByRole("heading", { level: 1, name: id })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Affected images" })).toBeVisible();
    await expect(page.getByText("docker.io/library/postgres").first()).toBeVisible();
  });

  test("upgrades: a removed API in the team's chart, and Nova's charts and images", async ({ page }) => {
    await page.goto(`${base}/upgrades`);
    await expect(page.getByRole("heading", { level: 1, name: "Upgrades" })).toBeVisible();
    const apis = page.getByRole("region", { name: "Deprecated APIs in Staging EU" });
    await expect(apis).toContainText("PodDisruptionBudget");
    await expect(apis).toContainText("policy/v1beta1");
    await expect(apis).toContainText("Already removed in this cluster's version");
    // Another team's object (Checkout's HorizontalPodAutoscaler) is not shown.
    await expect(page.getByText("HorizontalPodAutoscaler")).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Helm charts are up to date" })).toBeVisible();
    await expect(page.getByRole("region", { name: /Outdated images in/ }).first()).toContainText(
      "docker.io/library/postgres",
    );
  });

  test("compliance: an empty state that says who sees kube-bench results", async ({ page }) => {
    await page.goto(`${base}/compliance`);
    await expect(page.getByRole("heading", { level: 1, name: "Compliance" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "No compliance results for your teams" })).toBeVisible();
    await expect(page.getByText("Org admins see every cluster's results.")).toBeVisible();
  });
});

test("compliance as an org admin: failed checks per cluster and section, with how to fix them", async ({ page }) => {
  await signIn(page, DEMO_USERS.admin);
  await page.goto(`${base}/compliance`);
  await expect(page.getByText("passed controls are not reported")).toBeVisible();
  const kubelet = page.getByRole("region", { name: "Section 4.2 Kubelet" }).first();
  await expect(kubelet).toContainText("failed");
  const fix = kubelet.getByText("How to fix").first();
  await fix.focus();
  await page.keyboard.press("Enter");
  await expect(kubelet.locator("details[open]").first()).toBeVisible();
});
