import { expect, test, type Page } from "@playwright/test";
import { DEMO_USERS, mainNav, pageOf, signIn, teamLinks, uniqueId, readSecret } from "./helpers";

const MEMBERS = "/o/acme/settings/members";

/** Invites `email` from the members page (signed in as an admin) and returns the link shown once. */
async function invite(page: Page, email: string, team?: { name: string; role: string }): Promise<string> {
  await page.goto(MEMBERS);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Organization role", { exact: true }).selectOption({ label: "Member" });
  if (team) {
    await page.getByLabel("Team (optional)").selectOption({ label: team.name });
    await page.getByLabel("Team role").selectOption({ label: team.role });
  }
  await page.getByRole("button", { name: "Invite", exact: true }).click();
  const panel = page.getByTestId("invitation-link");
  await expect(panel).toContainText(`Invitation link for ${email}`);
  const link = await readSecret(panel);
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/invite\/[A-Za-z0-9_-]{20,}$/);
  return link;
}

const invitationRow = (page: Page, email: string) => page.getByRole("row").filter({ hasText: email });

/** The page an invitation link opens when it can no longer be used: a title and no join form. */
async function expectDeadLink(page: Page, link: string, title: string): Promise<void> {
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByLabel("Choose a password")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /join/i })).toHaveCount(0);
}

/** The audit log filtered, through its form, to one action; returns the row about `email`. */
async function auditRow(page: Page, action: string, email: string) {
  await page.goto("/o/acme/settings/audit");
  await page.getByLabel("Action").selectOption(action);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]action=${action.replace(".", "\\.")}`));
  return page.getByRole("row").filter({ hasText: email });
}

test.describe("inviting a member", () => {
  test("an invited person joins with a new account, on their team, and the admin sees it everywhere", async ({
    page,
    browser,
  }) => {
    const id = uniqueId();
    const email = `joiner-${id}@e2e.example`;
    const name = `Jo Iner ${id}`;

    await signIn(page, DEMO_USERS.admin);
    const link = await invite(page, email, { name: "Payments", role: "Editor" });
    // The pending list says what they were invited to before they accept.
    const pending = invitationRow(page, email);
    await expect(pending).toContainText("Payments · Editor");
    await expect(pending).toContainText("Pending");

    // The invitee has no account and no session: a fresh browser.
    const invitee = await pageOf(browser);
    await invitee.goto(link);
    await expect(invitee.getByRole("heading", { level: 1, name: "Join Acme on Bumpers" })).toBeVisible();
    await expect(invitee.getByText(/on the Payments team as editor/)).toBeVisible();
    await expect(invitee.getByLabel("Email", { exact: true })).toHaveValue(email);
    await invitee.getByLabel("Your name").fill(name);
    await invitee.getByLabel("Choose a password").fill(`pw-${id}-long-enough`);
    await invitee.getByRole("button", { name: "Create account and join" }).click();

    // Signed in and inside the organization, with only their own team and no admin settings.
    await expect(invitee).toHaveURL(/\/o\/acme$/, { timeout: 20_000 });
    await expect(invitee.getByRole("heading", { level: 1, name: "Acme" })).toBeVisible();
    await expect(invitee.getByRole("complementary", { name: "Main" })).toContainText(name);
    await expect(teamLinks(invitee)).toHaveText([/Payments$/]);
    await expect(mainNav(invitee).getByRole("link", { name: "Overview" })).toBeVisible();
    await expect(mainNav(invitee).getByRole("link", { name: "Settings" })).toHaveCount(0);

    // The link worked once.
    await expectDeadLink(invitee, link, "This invitation was already used");
    await invitee.context().close();

    // The admin sees a member (no longer an invitation) with the team and role they were given.
    await page.goto(MEMBERS);
    const member = page.getByTestId("member-row").filter({ hasText: email });
    await expect(member).toContainText(name);
    await expect(member).toContainText("Payments · Editor");
    await expect(page.getByLabel(`Organization role of ${name}`)).toHaveValue("member");
    // Only the member row mentions them now: the invitation left the pending list.
    await expect(page.getByRole("row").filter({ hasText: email })).toHaveCount(1);

    const invited = await auditRow(page, "member.invited", email);
    await expect(invited).toHaveCount(1);
    await expect(invited).toContainText(DEMO_USERS.admin);
    await expect(invited).toContainText("Invitation");
    const joined = await auditRow(page, "member.joined", email);
    await expect(joined).toHaveCount(1);
    await expect(joined).toContainText("payments");
  });

  test("a replaced or revoked invitation's link stops working", async ({ page, browser }) => {
    const email = `revoked-${uniqueId()}@e2e.example`;
    await signIn(page, DEMO_USERS.admin);
    const first = await invite(page, email);

    // A new link for the same invitation replaces the first one.
    await invitationRow(page, email).getByRole("button", { name: "New link" }).click();
    const renewed = page
      .getByTestId("invitation-link")
      .filter({ hasText: "Their earlier invitation link no longer works." });
    await expect(renewed).toBeVisible();
    const second = await readSecret(renewed);
    expect(second).toContain("/invite/");
    expect(second).not.toBe(first);

    await invitationRow(page, email).getByRole("button", { name: "Revoke" }).click();
    const dialog = page.getByRole("dialog", { name: `Revoke the invitation for ${email}?` });
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Revoke" }).click();
    await expect(dialog).toBeHidden();
    await expect(invitationRow(page, email)).toHaveCount(0);
    // No panel offers a link of it any more, neither the renewed one nor the invite form's first
    // one. Soft, so that the links themselves are still checked below.
    await expect
      .soft(page.getByTestId("invitation-link"), "a link of the revoked invitation is still offered")
      .toHaveCount(0);

    const visitor = await pageOf(browser);
    await expectDeadLink(visitor, second, "This invitation was revoked");
    await expect(visitor.getByText("It can no longer be used.")).toBeVisible();
    await expectDeadLink(visitor, first, "This invitation was revoked");
    await visitor.context().close();
  });
});
