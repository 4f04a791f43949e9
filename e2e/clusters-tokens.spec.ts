import { expect, test, type Page } from "@playwright/test";
import { DEMO_USERS, secretValue, signIn, uniqueId, readSecret, createOrgTokenInSettings } from "./helpers";

const CLUSTER_TOKEN = /^bmp_cl_[A-Za-z0-9_-]{43}$/;
const ORG_TOKEN = /^bmp_org_[A-Za-z0-9_-]{43}$/;

const rowOf = (page: Page, text: string) => page.getByRole("row").filter({ hasText: text });

/** A shell command block on the page, found by its caption. */
const codeBlock = (page: Page, caption: string) =>
  page
    .getByRole("figure")
    .filter({ has: page.getByText(caption, { exact: true }) })
    .locator("pre");

test.describe("clusters", () => {
  test("an admin adds a cluster, sees its agent token once, rotates it and deletes the cluster", async ({
    page,
    baseURL,
  }) => {
    const id = uniqueId();
    const cluster = { name: `E2E ${id}`, slug: `e2e-${id}` };
    await signIn(page, DEMO_USERS.admin);
    await page.goto("/o/acme/clusters");
    await page.getByLabel("Name", { exact: true }).fill(cluster.name);
    await page.getByLabel("Cluster slug").fill(cluster.slug);
    await page.getByRole("button", { name: "Add cluster" }).click();

    // The token, once, with the Helm command that installs the agent for this org and cluster.
    await expect(page.getByRole("heading", { name: `Connect ${cluster.name}` })).toBeVisible();
    await expect(page.getByText(`Agent token for ${cluster.slug}`)).toBeVisible();
    const token = await readSecret(page);
    expect(token).toMatch(CLUSTER_TOKEN);
    const helm = codeBlock(page, "2. Install the insights-agent in the cluster");
    await expect(helm).toContainText("helm upgrade --install insights-agent fairwinds-stable/insights-agent");
    await expect(helm).toContainText("--set insights.organization=acme");
    await expect(helm).toContainText(`--set insights.cluster=${cluster.slug}`);
    await expect(helm).toContainText(`echo -n ${token} | base64`);
    await expect(helm).toContainText(`--set insights.host=${baseURL}`);

    // The table lists it at once; after a reload the token is gone for good, only its hint stays.
    const row = rowOf(page, cluster.slug);
    await expect(row).toContainText("Waiting for first report");
    await page.reload();
    await expect(secretValue(page)).toHaveCount(0);
    await expect(page.getByText(token)).toHaveCount(0);
    await expect(row).toContainText(cluster.name);
    await expect(row).toContainText("never");
    await expect(row).toContainText(`${token.slice(0, "bmp_cl_".length + 4)}…`);
    await expect(row).not.toContainText(token);

    // Rotating shows a different token, once, with the command to update the agent.
    await row.getByRole("button", { name: "Rotate token" }).click();
    const rotate = page.getByRole("dialog", { name: `Rotate the agent token of ${cluster.slug}` });
    await rotate.getByRole("button", { name: "Rotate token" }).click();
    await expect(rotate.getByText(`New agent token for ${cluster.slug}`)).toBeVisible();
    const rotated = await readSecret(rotate);
    expect(rotated).toMatch(CLUSTER_TOKEN);
    expect(rotated).not.toBe(token);
    await expect(codeBlock(page, "2. Update the agent with the new token")).toContainText(
      `echo -n ${rotated} | base64`,
    );
    await rotate.getByRole("button", { name: "Done" }).click();
    await expect(rotate).toBeHidden();

    // Deleting asks for the slug, typed out.
    await row.getByRole("button", { name: "Delete" }).click();
    const remove = page.getByRole("dialog", { name: `Delete ${cluster.name}?` });
    const confirm = remove.getByRole("button", { name: "Delete cluster" });
    await expect(confirm).toBeDisabled();
    await remove.getByLabel(`Type ${cluster.slug} to confirm`).fill(cluster.name);
    await expect(confirm).toBeDisabled();
    await remove.getByLabel(`Type ${cluster.slug} to confirm`).fill(cluster.slug);
    await confirm.click();
    await expect(row).toHaveCount(0);
    await page.reload();
    await expect(page.getByText(cluster.slug)).toHaveCount(0);
    // The demo clusters' report tables name their cluster too: look for its row in the clusters table.
    await expect(page.getByRole("row", { name: /^Production US East prod-us-east/ })).toBeVisible();
  });

  test("a member sees the clusters without the controls to change them", async ({ page }) => {
    await signIn(page, DEMO_USERS.dev);
    await page.goto("/o/acme/clusters");
    await expect(page.getByRole("heading", { level: 1, name: "Clusters" })).toBeVisible();
    await expect(rowOf(page, "prod-us-east")).toContainText("Production US East");
    await expect(rowOf(page, "staging-eu")).toContainText("Staging EU");
    await expect(page.getByRole("button", { name: "Add cluster" })).toHaveCount(0);
    await expect(page.getByLabel("Cluster slug")).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Rotate token|New token/ })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Delete" })).toHaveCount(0);
  });
});

test.describe("API tokens", () => {
  test("an org read token reads the API until it is revoked", async ({ page }) => {
    const name = `e2e read ${uniqueId()}`;
    await signIn(page, DEMO_USERS.admin);
    const token = await createOrgTokenInSettings(page, name, "Read only");
    await expect(page.getByText(`API token "${name}"`)).toBeVisible();
    expect(token).toMatch(ORG_TOKEN);
    const row = rowOf(page, name);
    await expect(row.getByRole("cell").nth(1)).toHaveText("Read");
    await expect(row).toContainText("never");

    // The token is the credential: the Bearer header decides, whatever the browser's cookies say.
    const call = () => page.request.get("/api/v1/clusters", { headers: { Authorization: `Bearer ${token}` } });
    const allowed = await call();
    expect(allowed.status()).toBe(200);
    const body = (await allowed.json()) as { data: { slug: string }[] };
    expect(body.data.map((c) => c.slug)).toContain("prod-us-east");

    await page.reload();
    await expect(page.getByText(token)).toHaveCount(0);
    await expect(row).toContainText("just now");

    await row.getByRole("button", { name: "Revoke" }).click();
    const dialog = page.getByRole("dialog", { name: `Revoke “${name}”?` });
    await dialog.getByRole("button", { name: "Revoke token" }).click();
    await expect(row).toContainText("Revoked");
    await expect(row.getByRole("button", { name: "Revoke" })).toHaveCount(0);

    const refused = await call();
    expect(refused.status()).toBe(401);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
  });
});
