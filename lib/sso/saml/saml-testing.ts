import { db } from "@/lib/server/db";
import { createTestOrg } from "@/lib/testing/factories";
import type { TFakeSamlIdp } from "@/lib/testing/fake-saml-idp";
import { loadSsoConnection, sealSpPrivateKey, ssoEndpoints, type TSamlConnection } from "../connections";
import { ZSamlSettings, type TSamlSettings } from "../schemas";
import { generateSpKeyPair } from "./keys";

// Tenants with a SAML connection to a fake IdP, and a browser's part of the dance (the IdP's
// sign-in form and its auto-submitted answer) done with fetch.

export const TEST_ORIGIN = "http://bumpers.test";

export type TSamlTenant = Awaited<ReturnType<typeof createSamlTenant>>;

export async function createSamlTenant(
  idp: TFakeSamlIdp,
  options: {
    allowIdpInitiated?: boolean;
    enabled?: boolean;
    settings?: Partial<TSamlSettings>;
    /** Register the SP at the IdP (default true). */
    register?: boolean;
  } = {},
) {
  const org = await createTestOrg();
  const keys = await generateSpKeyPair(org.slug);
  const settings = ZSamlSettings.parse({
    idpEntityId: idp.entityId,
    idpSsoUrl: idp.ssoUrl,
    idpCertificates: [idp.certificatePem],
    ...options.settings,
  });
  await db.ssoConnection.create({
    data: {
      orgId: org.id,
      protocol: "saml",
      enabled: options.enabled ?? true,
      allowIdpInitiated: options.allowIdpInitiated ?? false,
      settings,
      spPrivateKeySealed: sealSpPrivateKey(org.id, keys.privateKeyPem),
      spCertificate: keys.certificatePem,
    },
  });
  const conn = await loadSsoConnection(org.slug, { requireEnabled: false });
  if (conn?.protocol !== "saml") throw new Error("the SAML connection did not load");
  const endpoints = ssoEndpoints(TEST_ORIGIN, org.slug);
  if (options.register !== false) {
    idp.addServiceProvider({
      entityId: endpoints.samlEntityId,
      acsUrl: endpoints.samlAcs,
      signingCertificatePem: keys.certificatePem,
      encryptionCertificatePem: settings.encryptedAssertions ? keys.certificatePem : undefined,
    });
  }
  return { org, conn: conn satisfies TSamlConnection, endpoints, keys };
}

const decodeHtml = (text: string) =>
  text
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");

const hiddenField = (html: string, name: string): string | null => {
  const match = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  return match ? decodeHtml(match[1]) : null;
};

/**
 * Follows `redirectUrl` (our start's redirect to the IdP) as a browser would: opens the IdP's
 * sign-in form, submits the credentials, and reads the form the IdP auto-submits to the ACS.
 */
export async function signInAtIdp(
  redirectUrl: string,
  credentials: { email: string; password?: string },
): Promise<{ acsUrl: string; samlResponse: string; relayState: string | null }> {
  const loginPage = await fetch(redirectUrl);
  const loginHtml = await loginPage.text();
  if (loginPage.status !== 200) throw new Error(`the IdP refused the AuthnRequest: ${loginPage.status} ${loginHtml}`);
  const handle = hiddenField(loginHtml, "request");
  if (!handle) throw new Error("the IdP's sign-in form has no request field");
  const answer = await fetch(new URL("/sso/login", redirectUrl), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ request: handle, email: credentials.email, password: credentials.password ?? "" }),
  });
  const html = await answer.text();
  if (answer.status !== 200) throw new Error(`the IdP refused the sign-in: ${answer.status}`);
  const acsUrl = /<form method="post" action="([^"]*)"/.exec(html)?.[1];
  const samlResponse = hiddenField(html, "SAMLResponse");
  if (!acsUrl || !samlResponse) throw new Error("the IdP's answer has no SAMLResponse form");
  return { acsUrl: decodeHtml(acsUrl), samlResponse, relayState: hiddenField(html, "RelayState") };
}

/** The Response XML inside a base64 SAMLResponse, rewritten by `edit`, as base64 again. */
export function editResponseXml(samlResponse: string, edit: (xml: string) => string): string {
  const xml = Buffer.from(samlResponse, "base64").toString("utf8");
  return Buffer.from(edit(xml), "utf8").toString("base64");
}
