import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { DEMO_ORG, DEMO_USERS, pageOf, addClusterInUi, signIn, uniqueId, deleteClusterFromRow } from "./helpers";

// Changes the demo organization (an org setting, a Payments override, a cluster that comes and
// goes), so it runs with the admin journeys. The admission webhook is called as a cluster's API
// server would, with the cluster's agent token.

const base = `/o/${DEMO_ORG}/policies`;

/** A check's row in a policies table, found by its id. */
const checkRow = (page: Page, checkId: string) => page.getByRole("row").filter({ hasText: checkId });

async function saveRow(row: Locator, title: string) {
  await row.getByRole("button", { name: `Save ${title}` }).click();
}

/** A Deployment whose only container runs as root unless told otherwise; `hostNetwork` on request. */
function deployment(namespace: string, name: string, opts: { hostNetwork?: boolean } = {}) {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace, labels: { "app.kubernetes.io/name": name } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { "app.kubernetes.io/name": name } },
      template: {
        metadata: { labels: { "app.kubernetes.io/name": name } },
        spec: {
          ...(opts.hostNetwork ? { hostNetwork: true } : {}),
          containers: [
            {
              name: "api",
              image: "registry.example.com/shop/api:1.4.2",
              resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "500m", memory: "256Mi" } },
            },
          ],
        },
      },
    },
  };
}

type TReviewAnswer = { response: { uid: string; allowed: boolean; status?: { message: string }; warnings?: string[] } };

async function review(
  request: APIRequestContext,
  cluster: string,
  token: string,
  object: ReturnType<typeof deployment>,
) {
  const uid = `e2e-${uniqueId()}`;
  const res = await request.post(`/api/v1/admission/${cluster}`, {
    headers: { Authorization: `Bearer ${token}` },
    data: {
      apiVersion: "admission.k8s.io/v1",
      kind: "AdmissionReview",
      request: {
        uid,
        kind: { group: "apps", version: "v1", kind: "Deployment" },
        resource: { group: "apps", version: "v1", resource: "deployments" },
        namespace: object.metadata.namespace,
        name: object.metadata.name,
        operation: "CREATE",
        object,
        dryRun: false,
        userInfo: { username: "e2e-deployer@acme.example" },
      },
    },
  });
  expect(res.status()).toBe(200);
  const body = (await res.json()) as TReviewAnswer;
  expect(body.response.uid).toBe(uid);
  return body.response;
}

test.describe("policies", () => {
  test.describe.configure({ timeout: 150_000 });

  test("an org admin and a team admin make checks block, the webhook denies, the admission log shows it", async ({
    page,
    browser,
  }) => {
    const id = uniqueId();
    await signIn(page, DEMO_USERS.admin);
    await page.getByTestId("main-nav").getByRole("link", { name: "Policies" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Policies" })).toBeVisible();
    await expect(
      page.getByRole("navigation", { name: "Policies" }).getByRole("link", { name: "Checks" }),
    ).toHaveAttribute("aria-current", "page");

    // The org admin makes host networking block at admission, for every team.
    const hostNetwork = checkRow(page, "hostNetworkSet");
    await hostNetwork.getByLabel("Block in admission: Host network used").check();
    await saveRow(hostNetwork, "Host network used");
    await expect(hostNetwork.getByRole("status")).toHaveText("Host network used: saved.");
    await page.reload();
    await expect(checkRow(page, "hostNetworkSet").getByLabel("Block in admission: Host network used")).toBeChecked();
    // With privileged containers (the demo's own setting), two security checks now block admission.
    await expect(page.getByText(/^\d+ checks · 2 block admission$/)).toBeVisible();

    // The Payments team admin sees the org's block, locked, and makes running as root block too, for Payments only.
    const lead = await pageOf(browser, DEMO_USERS.lead);
    await lead.goto(`${base}/teams`);
    await lead.getByRole("link", { name: "Overrides of Payments" }).click();
    await expect(lead).toHaveURL(new RegExp(`${base}/teams/payments$`));
    await expect(lead.getByRole("heading", { name: "Payments overrides" })).toBeVisible();
    const locked = checkRow(lead, "hostNetworkSet").getByLabel("Block in admission: Host network used");
    await expect(locked).toBeChecked();
    await expect(locked).toBeDisabled();
    const root = checkRow(lead, "runAsRootAllowed");
    // Only stricter severities are offered: the org's, and above it.
    await expect(root.getByLabel("Severity: Container may run as root").locator("option")).toHaveText([
      "High (org)",
      "Critical",
    ]);
    await root.getByLabel("Block in admission: Container may run as root").check();
    await saveRow(root, "Container may run as root");
    await expect(root.getByRole("status")).toHaveText("Container may run as root: saved.");
    await expect(root).toContainText("blocks admission");

    // A setting the org has since made stricter is refused with the org's value, and stays on screen.
    const liveness = checkRow(lead, "livenessProbeMissing");
    await liveness.getByLabel("Severity: Liveness probe missing").selectOption("high");
    const orgLiveness = checkRow(page, "livenessProbeMissing");
    await orgLiveness.getByLabel("Severity: Liveness probe missing").selectOption("critical");
    await saveRow(orgLiveness, "Liveness probe missing");
    await expect(orgLiveness.getByRole("status")).toHaveText("Liveness probe missing: saved.");
    await saveRow(liveness, "Liveness probe missing");
    await expect(lead.getByRole("alert").filter({ hasText: "The org sets this check to critical" })).toHaveText(
      "The org sets this check to critical; a team can raise it but not lower it to high.",
    );
    await expect(liveness.getByLabel("Severity: Liveness probe missing")).toHaveValue("high");
    // The org goes back to the check's default.
    await orgLiveness.getByLabel("Severity: Liveness probe missing").selectOption({ label: "Medium (default)" });
    await saveRow(orgLiveness, "Liveness probe missing");
    await expect(orgLiveness.getByRole("status")).toHaveText("Liveness probe missing: saved.");

    // A cluster whose API server calls the webhook with its agent token.
    const cluster = { name: `E2E policies ${id}`, slug: `e2e-pol-${id}` };
    const token = await addClusterInUi(page, cluster);
    await expect(page.getByText(`Agent token for ${cluster.slug}`)).toBeVisible();

    // Payments' namespaces belong to Payments: running as root is denied there, naming the check.
    const paymentsName = `e2e-ledger-${id}`;
    const denied = await review(page.request, cluster.slug, token, deployment("payments-api", paymentsName));
    expect(denied.allowed).toBe(false);
    expect(denied.status?.message).toContain("runAsRootAllowed (Container may run as root)");
    // Checkout did not tighten it: the same Deployment only warns there...
    const warned = await review(page.request, cluster.slug, token, deployment("checkout-web", `e2e-cart-${id}`));
    expect(warned.allowed).toBe(true);
    expect(warned.warnings?.join("\n")).toContain("runAsRootAllowed");
    // ...but the org's block on host networking holds for every team.
    const hostNet = await review(
      page.request,
      cluster.slug,
      token,
      deployment("checkout-web", `e2e-edge-${id}`, { hostNetwork: true }),
    );
    expect(hostNet.allowed).toBe(false);
    expect(hostNet.status?.message).toContain("hostNetworkSet (Host network used)");

    // The admission log has the three reviews of the new cluster, the denial first among Payments'.
    await page.goto(`${base}/decisions?cluster=${cluster.slug}`);
    const decisions = page.getByRole("table", { name: "Admission decisions, newest first" });
    const paymentsRow = decisions.getByRole("row").filter({ hasText: paymentsName });
    await expect(paymentsRow).toContainText("denied");
    await expect(paymentsRow).toContainText("runAsRootAllowed");
    await expect(paymentsRow).toContainText("Payments");
    await expect(decisions.getByRole("row").filter({ hasText: `e2e-edge-${id}` })).toContainText("hostNetworkSet");
    await expect(decisions.getByRole("row").filter({ hasText: `e2e-cart-${id}` })).toContainText("warned");
    const perTeam = page.getByRole("table", { name: "Admission decisions per team and outcome" });
    await expect(perTeam.getByRole("row").filter({ hasText: "Payments" })).toBeVisible();

    // Filtered to denials, the warning is gone.
    await page.getByLabel("Outcome").selectOption("denied");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/outcome=denied/);
    await expect(decisions.getByRole("row").filter({ hasText: `e2e-cart-${id}` })).toHaveCount(0);
    await expect(decisions.getByRole("row").filter({ hasText: paymentsName })).toBeVisible();

    // The Payments lead sees Payments' denial, not Checkout's decisions.
    await lead.goto(`${base}/decisions?cluster=${cluster.slug}`);
    const leadDecisions = lead.getByRole("table", { name: "Admission decisions, newest first" });
    await expect(leadDecisions.getByRole("row").filter({ hasText: paymentsName })).toContainText("denied");
    await expect(leadDecisions.getByRole("row").filter({ hasText: `e2e-edge-${id}` })).toHaveCount(0);
    await lead.context().close();

    // The cluster goes, and its decisions with it.
    await page.goto(`/o/${DEMO_ORG}/clusters`);
    const row = page.getByRole("row").filter({ hasText: cluster.slug });
    await deleteClusterFromRow(page, row, cluster);
  });

  test("a member reads the checks and the team's overrides without controls", async ({ page }) => {
    await signIn(page, DEMO_USERS.viewer);
    await page.goto(base);
    await expect(checkRow(page, "runAsPrivileged")).toContainText("Blocks");
    await expect(page.getByRole("button", { name: /^Save / })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Switch to passive mode" })).toHaveCount(0);
    await page.goto(`${base}/teams`);
    await expect(page.getByRole("heading", { name: "Your teams" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Overrides of Payments" })).toHaveCount(0);
    await page.getByRole("link", { name: "Overrides of Checkout" }).click();
    await expect(checkRow(page, "runAsPrivileged")).toContainText("blocks admission + CI");
    await expect(page.getByRole("button", { name: /^Save / })).toHaveCount(0);
    const response = await page.goto(`${base}/teams/payments`);
    expect(response?.status()).toBe(404);
  });
});
