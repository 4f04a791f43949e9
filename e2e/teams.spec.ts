import { expect, test, type Page } from "@playwright/test";
import { DEMO_USERS, expectForbiddenPage, expectNotFoundPage, pageOf, signIn, teamLinks, uniqueId } from "./helpers";

/** Creates a team from Settings → Teams (signed in as an org admin); lands on its settings page. */
async function createTeam(page: Page, team: { name: string; slug: string; priority?: number }): Promise<void> {
  await page.goto("/o/acme/settings/teams");
  await page.getByLabel("Name", { exact: true }).fill(team.name);
  await page.getByLabel("Slug", { exact: true }).fill(team.slug);
  if (team.priority !== undefined) await page.getByLabel("Priority").fill(String(team.priority));
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page).toHaveURL(new RegExp(`/o/acme/settings/teams/${team.slug}$`));
  await expect(page.getByRole("heading", { level: 2, name: new RegExp(`^${team.name}`) })).toBeVisible();
}

/** Deletes it from its settings page, with the slug typed out as the form asks. */
async function deleteTeam(page: Page, slug: string): Promise<void> {
  await page.goto(`/o/acme/settings/teams/${slug}`);
  const submit = page.getByRole("button", { name: "Delete this team" });
  await expect(submit).toBeDisabled();
  await page.getByLabel(`Type ${slug} to confirm`).fill(slug);
  await submit.click();
  // Its settings page goes with the team: the admin lands on the teams list.
  await expect(page).toHaveURL(/\/o\/acme\/settings\/teams$/);
  await expect(page.getByRole("cell", { name: slug, exact: true })).toHaveCount(0);
}

const rule = (page: Page, n: number) => page.getByRole("group", { name: `Rule ${n}`, exact: true });

/** The figure under a stat card's label on a team page (the members card has a "Members" heading too). */
const stat = (page: Page, label: string) =>
  page
    .locator("p")
    .filter({ hasText: new RegExp(`^${label}$`) })
    .locator("xpath=following-sibling::p[1]");

test.describe("teams and their scopes", () => {
  test("an admin scopes a new team with a live preview, and only the team's people may open it", async ({
    page,
    browser,
  }) => {
    const id = uniqueId();
    const team = { name: `Data ${id}`, slug: `data-${id}`, priority: 25 };
    await signIn(page, DEMO_USERS.admin);
    // Between Checkout (20) and Platform (30): checkout-* stays Checkout's, data-* is unowned.
    await createTeam(page, team);
    await expect(page.getByText("This team owns nothing yet: add a scope rule.")).toBeVisible();

    await page.getByRole("button", { name: "Add rule" }).click();
    await expect(rule(page, 1).getByLabel("Rule 1 effect")).toHaveValue("include");
    await rule(page, 1).getByLabel("Namespace").fill("checkout-*");
    await page.getByRole("button", { name: "Add rule" }).click();
    await rule(page, 2).getByLabel("Namespace").fill("data-*");

    // The preview, before anything is saved: data-analytics and its unlabelled workload become
    // this team's; the checkout namespaces, their workloads, Helm releases and deprecated-API objects
    // (from the demo agents' reports) and the payments-labelled job stay with their teams.
    const preview = page.getByTestId("scope-preview");
    await expect(preview.getByTestId("preview-owned")).toHaveText("1 namespace · 1 workload");
    // 15 from the demo data; the policies journey, running beside this one, may add its own cluster's
    // checkout-web workload for a moment, so the count is at least 15 rather than exactly.
    await expect(preview).toContainText(
      /(1[5-9]|[2-9]\d) matching resources already belong to a team with a higher priority \(a lower number\) and stay there\./,
    );
    const prod = preview.getByRole("region", { name: "Cluster prod-us-east" });
    const item = (name: string) => prod.getByRole("listitem").filter({ hasText: name }).last();
    await expect(item("jupyter-hub")).toContainText("new");
    await expect(item("nightly-export")).toContainText("taken by Payments");
    await expect(item("cart-api")).toContainText("taken by Checkout");
    await expect(preview.getByRole("region", { name: "Cluster staging-eu" })).toContainText("taken by Checkout");
    await expect(page.getByText("Unsaved changes")).toBeVisible();

    await page.getByRole("button", { name: "Save scope" }).click();
    await expect(page.getByText("Scope saved. 2 resources changed owner.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Save scope" })).toBeDisabled();

    // The team page lists what the team owns now, and nothing its scope merely matched.
    await page.getByRole("link", { name: "Open team page" }).click();
    await expect(page).toHaveURL(new RegExp(`/o/acme/teams/${team.slug}$`));
    await expect(page.getByRole("heading", { level: 1, name: team.name })).toBeVisible();
    await expect(stat(page, "Namespaces")).toHaveText("1");
    await expect(stat(page, "Workloads")).toHaveText("1");
    const owned = page.getByRole("region", { name: "Cluster prod-us-east" });
    await expect(owned).toContainText("data-analytics");
    await expect(owned).toContainText("jupyter-hub");
    await expect(owned).not.toContainText("nightly-export");
    await expect(page.getByRole("region", { name: "Cluster staging-eu" })).toHaveCount(0);
    await expect(page.getByText("checkout-web")).toHaveCount(0);

    // A member who is not on the team: no settings (403), and the team does not exist for them (404).
    const viewer = await pageOf(browser, DEMO_USERS.viewer);
    await expect(teamLinks(viewer)).toHaveText([/Checkout$/]);
    await expectForbiddenPage(viewer, `/o/acme/settings/teams/${team.slug}`);
    await expectNotFoundPage(viewer, `/o/acme/teams/${team.slug}`);
    await viewer.context().close();

    // Deleting the team hands data-analytics back to Unassigned.
    await deleteTeam(page, team.slug);
    await expectNotFoundPage(page, `/o/acme/teams/${team.slug}`);
  });

  test("a team admin adds an org member to the team and changes their role", async ({ page, browser }) => {
    const id = uniqueId();
    const team = { name: `Crew ${id}`, slug: `crew-${id}` };
    await signIn(page, DEMO_USERS.admin);
    await createTeam(page, team);
    await expect(page.getByText("No members yet.")).toBeVisible();

    // The org admin makes the payments lead the admin of the new team.
    await page.getByLabel("Organization member").selectOption({ label: `Tara Singh (${DEMO_USERS.lead})` });
    await page.getByLabel("Team role", { exact: true }).selectOption({ label: "Team admin" });
    await page.getByRole("button", { name: "Add to team" }).click();
    await expect(page.getByText("Added to the team.")).toBeVisible();
    await expect(page.getByLabel("Team role of Tara Singh")).toHaveValue("admin");

    // The lead now has the team in the sidebar and manages its members from the team page.
    const lead = await pageOf(browser, DEMO_USERS.lead);
    await teamLinks(lead).filter({ hasText: team.name }).click();
    await expect(lead).toHaveURL(new RegExp(`/o/acme/teams/${team.slug}$`));
    await expect(stat(lead, "Your role")).toHaveText("Team admin");
    // Scopes stay an org admin's job.
    await expect(lead.getByRole("link", { name: "Team settings and scope" })).toHaveCount(0);
    await expect(lead.getByText("An org owner or admin defines team scopes.")).toBeVisible();

    await lead.getByLabel("Organization member").selectOption({ label: `Vera Novak (${DEMO_USERS.viewer})` });
    await lead.getByLabel("Team role", { exact: true }).selectOption({ label: "Viewer" });
    await lead.getByRole("button", { name: "Add to team" }).click();
    await expect(lead.getByText("Added to the team.")).toBeVisible();
    const veraRole = lead.getByLabel("Team role of Vera Novak");
    await expect(veraRole).toHaveValue("viewer");
    await expect(stat(lead, "Members")).toHaveText("2");

    await veraRole.selectOption("editor");
    await lead.getByRole("button", { name: "Change the role of Vera Novak" }).click();
    await expect(lead.getByRole("button", { name: "Change the role of Vera Novak" })).toBeEnabled();
    await lead.reload();
    await expect(lead.getByLabel("Team role of Vera Novak")).toHaveValue("editor");
    await lead.context().close();

    // Vera sees the team next to her own, with the role the lead gave her.
    const vera = await pageOf(browser, DEMO_USERS.viewer);
    await expect(teamLinks(vera)).toHaveCount(2);
    await teamLinks(vera).filter({ hasText: team.name }).click();
    await expect(stat(vera, "Your role")).toHaveText("Editor");
    // An editor does not manage members.
    await expect(vera.getByRole("button", { name: "Add to team" })).toHaveCount(0);
    await vera.context().close();

    // The org admin sees both changes, then removes the team (and the demo users' places on it).
    await page.reload();
    await expect(page.getByLabel("Team role of Vera Novak")).toHaveValue("editor");
    await deleteTeam(page, team.slug);
    await expectNotFoundPage(page, `/o/acme/teams/${team.slug}`);
  });
});
