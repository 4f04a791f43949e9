import { expect, test, type Browser, type Page } from "@playwright/test";
import { startFakeOidcProvider, type TFakeOidcProvider } from "../lib/testing/fake-oidc-provider";
import { startFakeSamlIdp, type TFakeSamlIdp } from "../lib/testing/fake-saml-idp";
import { rememberSecret, signUp, teamLinks, uniqueId, type TNewAccount } from "./helpers";

// An owner connects their organization to a real identity provider through the settings page,
// and a person who has never been to Bumpers signs in through it and lands on the team their IdP
// group maps to: first with OpenID Connect (oidc-provider), then with SAML 2.0 (an IdP that signs
// real assertions). Both IdPs run in this test process on 127.0.0.1, like the demo's.

const id = uniqueId();
const domain = `sso-${id}.example`;
const owner: TNewAccount = {
  name: `Olga Owner ${id}`,
  email: `olga@${domain}`,
  password: rememberSecret(`pw-${id}-owner-long-enough`),
  orgName: `Hooli ${id}`,
  orgSlug: `hooli-${id}`,
};
const idpPassword = rememberSecret(`idp-${id}-password`);
const oidcPerson = { sub: `nina-${id}`, email: `nina@${domain}`, name: "Nina Okafor", groups: ["k8s-ledger-devs"] };
const samlPerson = {
  nameId: `sami@${domain}`,
  email: `sami@${domain}`,
  name: "Sami Virtanen",
  groups: ["k8s-ledger-devs"],
};
const team = { name: `Ledger ${id}`, slug: `ledger-${id}` };

let oidc: TFakeOidcProvider;
let saml: TFakeSamlIdp;
let ownerPage: Page;

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  oidc = await startFakeOidcProvider({ users: [{ ...oidcPerson, password: idpPassword }] });
  saml = await startFakeSamlIdp({ users: [{ ...samlPerson, password: idpPassword }] });
  ownerPage = await (await browser.newContext()).newPage();
  await signUp(ownerPage, owner);
  await ownerPage.goto(`/o/${owner.orgSlug}/settings/teams`);
  await ownerPage.getByLabel("Name", { exact: true }).fill(team.name);
  await ownerPage.getByLabel("Slug", { exact: true }).fill(team.slug);
  await ownerPage.getByRole("button", { name: "Create team" }).click();
  await expect(ownerPage).toHaveURL(new RegExp(`/settings/teams/${team.slug}$`));
});

test.afterAll(async () => {
  await oidc?.close();
  await saml?.close();
});

const settingsUrl = () => `/o/${owner.orgSlug}/settings/sso`;

async function validate(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Validate configuration" }).click();
  await expect(page.getByText("Every check passed: single sign-on can be switched on.")).toBeVisible({
    timeout: 20_000,
  });
}

/** A new browser: the email first, then the org's single sign-on, then the IdP's own form. */
async function signInThroughIdp(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/login");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  await page.getByRole("link", { name: `Continue with ${owner.orgName} single sign-on` }).click();
  // The identity provider's page.
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(idpPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${owner.orgSlug}`), { timeout: 30_000 });
  return page;
}

test("an owner connects OpenID Connect, and a new person signs in through it onto their team", async ({ browser }) => {
  const page = ownerPage;
  oidc.addClient({
    clientId: `bumpers-${id}`,
    clientSecret: rememberSecret(`client-${id}-secret`),
    redirectUris: [new URL(`/api/sso/${owner.orgSlug}/oidc/callback`, page.url()).toString()],
  });
  await page.goto(settingsUrl());
  await expect(page.getByRole("heading", { name: "Identity provider", exact: true })).toBeVisible();
  // The redirect URI to register at the IdP is on the page.
  await page.getByLabel("Issuer URL").fill(oidc.issuer);
  await page.getByLabel("Client ID").fill(`bumpers-${id}`);
  await page.getByLabel("Client secret").fill(`client-${id}-secret`);
  await page.getByRole("button", { name: "Save OpenID Connect settings" }).click();
  await expect(page.getByRole("region", { name: "OpenID Connect values" })).toContainText(
    `/api/sso/${owner.orgSlug}/oidc/callback`,
  );
  await validate(page);

  await page.getByRole("button", { name: "Claim domain" }).click();
  await expect(page.getByRole("table", { name: "Claimed domains" })).toContainText(domain);

  await page.getByRole("button", { name: "Add mapping" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("IdP group").fill("k8s-ledger-*");
  await dialog.getByLabel("Team", { exact: true }).selectOption({ label: team.name });
  await dialog.getByLabel("Team role").selectOption("editor");
  await dialog.getByRole("button", { name: "Add mapping" }).click();
  await expect(page.getByRole("table", { name: "Group mappings, in the order they apply" })).toContainText(
    "k8s-ledger-*",
  );

  await page.getByLabel("Single sign-on on").check();
  await page.getByRole("button", { name: "Save policy" }).click();
  await expect(page.getByTestId("sso-status").getByText("On", { exact: true })).toBeVisible();

  const nina = await signInThroughIdp(browser, oidcPerson.email);
  await expect(teamLinks(nina)).toContainText([team.name]);
  await nina.context().close();
});

test("the owner switches to SAML 2.0 by its metadata URL, and another new person signs in through it", async ({
  browser,
}) => {
  const page = ownerPage;
  await page.goto(settingsUrl());
  await page.getByRole("radio", { name: /SAML 2\.0/ }).check();
  await page.getByRole("radio", { name: "Metadata URL" }).check();
  await page.getByLabel("IdP metadata URL").fill(saml.metadataUrl);
  await page.getByRole("button", { name: "Save SAML settings" }).click();
  // The values to register at the IdP, as the page shows them.
  const entityId = new URL(`/api/sso/${owner.orgSlug}/saml/metadata`, page.url()).toString();
  const acsUrl = new URL(`/api/sso/${owner.orgSlug}/saml/acs`, page.url()).toString();
  await expect(page.getByRole("region", { name: "SAML values" })).toContainText(acsUrl);
  saml.addServiceProvider({ entityId, acsUrl });
  await validate(page);
  // Saving new IdP settings leaves SSO on; it is still on after validating.
  await page.getByLabel("Single sign-on on").check();
  await page.getByRole("button", { name: "Save policy" }).click();

  const sami = await signInThroughIdp(browser, samlPerson.email);
  await expect(teamLinks(sami)).toContainText([team.name]);
  await sami.context().close();
});
