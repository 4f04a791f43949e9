import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { generate } from "selfsigned";
import { db } from "@/lib/server/db";
import { allowPrivateDestinations, createSsoTenant, fixture, startFakeIdp, type TFakeIdp } from "./config-testing";
import { saveOidcConnection } from "./save-oidc-connection";
import { saveSamlConnection } from "./save-saml-connection";
import { validateSsoConnection } from "./validate-sso-connection";
import type { TValidationResult } from "./validation-checks";

allowPrivateDestinations();
let idp: TFakeIdp;
beforeAll(async () => {
  idp = await startFakeIdp();
});
beforeEach(() => idp.reset());
afterAll(() => idp.close());

const ORIGIN = "https://bumpers.example";
const DAY = 86_400_000;

const statuses = (result: TValidationResult) => Object.fromEntries(result.checks.map((c) => [c.label, c.status]));
const detailOf = (result: TValidationResult, label: string) => result.checks.find((c) => c.label === label)?.detail;

async function oidcTenant() {
  const t = await createSsoTenant();
  await saveOidcConnection(t.org.id, t.actor, {
    issuer: idp.issuer,
    clientId: "bumpers",
    scopes: ["openid", "email"],
    clientSecret: "keycloak-secret",
  });
  return t;
}

async function certificateValidFor(days: number, startsInDays = -1) {
  const now = Date.now();
  const pems = await generate([{ name: "commonName", value: "idp.acme.example" }], {
    keySize: 2048,
    notBeforeDate: new Date(now + startsInDays * DAY),
    notAfterDate: new Date(now + days * DAY),
  });
  return pems.cert;
}

describe("validateSsoConnection: OIDC", () => {
  it("passes against a provider that answers well, marks the connection validated and audits it", async () => {
    const t = await oidcTenant();
    const result = await validateSsoConnection(t.org.id, t.actor, ORIGIN);
    expect(statuses(result)).toEqual({
      "Client credentials": "ok",
      "Discovery document": "ok",
      Issuer: "ok",
      Endpoints: "ok",
      PKCE: "ok",
      "Signing keys (JWKS)": "ok",
    });
    expect(result.passed).toBe(true);
    expect(result.register).toEqual([
      {
        label: "Redirect URI (sign-in redirect / callback URL)",
        value: `${ORIGIN}/api/sso/${t.org.slug}/oidc/callback`,
      },
      { label: "Initiate login URI (optional)", value: `${ORIGIN}/api/sso/${t.org.slug}/start` },
    ]);
    const row = await db.ssoConnection.findUniqueOrThrow({ where: { orgId: t.org.id } });
    expect(row.validatedAt).toEqual(result.validatedAt);
    expect(await db.auditLog.count({ where: { orgId: t.org.id, action: "sso.validated" } })).toBe(1);
  });

  it("names each problem: another issuer, no S256, no signing key; nothing is marked validated", async () => {
    const t = await oidcTenant();
    idp.issuer = `${idp.url}/realms/acme/`;
    idp.discovery = { code_challenge_methods_supported: ["plain"] };
    idp.jwks = { keys: [{ kty: "RSA", use: "enc", kid: "enc-1" }] };
    const result = await validateSsoConnection(t.org.id, t.actor, ORIGIN);
    expect(result.passed).toBe(false);
    expect(statuses(result)).toMatchObject({ Issuer: "problem", PKCE: "problem", "Signing keys (JWKS)": "problem" });
    expect(detailOf(result, "Issuer")).toContain(`names itself "${idp.url}/realms/acme/"`);
    expect(detailOf(result, "PKCE")).toContain("plain");
    expect(result.validatedAt).toBeNull();
    expect(await db.auditLog.count({ where: { orgId: t.org.id, action: "sso.validated" } })).toBe(0);
  });

  it("warns, and passes, when the provider does not list PKCE methods (Entra ID's discovery)", async () => {
    const t = await oidcTenant();
    idp.discovery = { code_challenge_methods_supported: undefined };
    const result = await validateSsoConnection(t.org.id, t.actor, ORIGIN);
    expect(statuses(result).PKCE).toBe("warning");
    expect(result.passed).toBe(true);
  });

  it("says when discovery cannot be read, or the JWKS endpoint is missing", async () => {
    const t = await oidcTenant();
    await saveOidcConnection(t.org.id, t.actor, { issuer: `${idp.url}/realms/nope`, clientId: "bumpers" });
    let result = await validateSsoConnection(t.org.id, t.actor, ORIGIN);
    expect(statuses(result)).toEqual({ "Client credentials": "ok", "Discovery document": "problem" });
    expect(detailOf(result, "Discovery document")).toContain("answered HTTP 404");

    await saveOidcConnection(t.org.id, t.actor, { issuer: idp.issuer, clientId: "bumpers" });
    idp.discovery = { jwks_uri: undefined, token_endpoint: undefined };
    result = await validateSsoConnection(t.org.id, t.actor, ORIGIN);
    expect(statuses(result)).toMatchObject({ Endpoints: "problem", "Signing keys (JWKS)": "problem" });
    expect(detailOf(result, "Endpoints")).toBe("The discovery document has no token_endpoint.");
  });

  it("does not mark validated settings saved while the checks ran", async () => {
    const t = await oidcTenant();
    // Another owner saves a different client while the JWKS is being read.
    idp.beforeAnswer = async () => {
      await saveOidcConnection(t.org.id, t.actor, { issuer: idp.issuer, clientId: "another-client" });
    };
    const result = await validateSsoConnection(t.org.id, t.actor, ORIGIN);
    expect(result.passed).toBe(true);
    expect(result.validatedAt).toBeNull();
    expect((await db.ssoConnection.findUniqueOrThrow({ where: { orgId: t.org.id } })).validatedAt).toBeNull();
    expect(await db.auditLog.count({ where: { orgId: t.org.id, action: "sso.validated" } })).toBe(0);
  });

  it("is not_found without a saved connection", async () => {
    const t = await createSsoTenant();
    await expect(validateSsoConnection(t.org.id, t.actor, ORIGIN)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("validateSsoConnection: SAML", () => {
  const OPTIONS = { wantResponseSigned: true, encryptedAssertions: false };

  it("passes with metadata whose certificates are the configured ones, listing the values to register", async () => {
    const t = await createSsoTenant();
    await saveSamlConnection(t.org.id, t.actor, {
      source: "metadata_url",
      idpMetadataUrl: `${idp.url}/metadata.xml`,
      ...OPTIONS,
    });
    const result = await validateSsoConnection(t.org.id, t.actor, ORIGIN);
    expect(statuses(result)).toEqual({
      "IdP metadata": "ok",
      "Entity ID": "ok",
      "Certificates in the metadata": "ok",
      "IdP certificate": "ok",
      "SSO URL": "ok",
      "Service provider certificate": "ok",
    });
    expect(result.passed).toBe(true);
    expect(result.register.map((r) => r.value)).toEqual([
      `${ORIGIN}/api/sso/${t.org.slug}/saml/metadata`,
      `${ORIGIN}/api/sso/${t.org.slug}/saml/acs`,
      `${ORIGIN}/api/sso/${t.org.slug}/saml/metadata`,
    ]);
  });

  it("warns of a new certificate in the metadata (a rollover in progress)", async () => {
    const t = await createSsoTenant();
    await saveSamlConnection(t.org.id, t.actor, {
      source: "metadata_url",
      idpMetadataUrl: `${idp.url}/metadata.xml`,
      ...OPTIONS,
    });
    const next = (await certificateValidFor(700)).replace(/-----[A-Z ]+-----|\s/g, "");
    idp.metadata = idp.metadata.replace(
      "</md:KeyDescriptor>",
      `</md:KeyDescriptor><md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>${next}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`,
    );
    const result = await validateSsoConnection(t.org.id, t.actor, ORIGIN);
    expect(statuses(result)["Certificates in the metadata"]).toBe("warning");
    expect(detailOf(result, "Certificates in the metadata")).toBe(
      "1 new certificate is published (a rollover?): save the connection again to follow.",
    );
    expect(result.passed).toBe(true);
  });

  it("warns of a certificate ending within 30 days; metadata publishing none of the configured ones is a problem", async () => {
    const t = await createSsoTenant();
    const soon = await certificateValidFor(10);
    await saveSamlConnection(t.org.id, t.actor, {
      source: "manual",
      idpEntityId: "http://www.okta.com/exk1a2b3c4d5e6f7g8h9",
      idpSsoUrl: "https://acme.okta.com/app/acme_bumpers_1/exk1a2b3c4d5e6f7g8h9/sso/saml",
      idpCertificates: soon,
      ...OPTIONS,
    });
    const result = await validateSsoConnection(t.org.id, t.actor, ORIGIN);
    expect(statuses(result)).toMatchObject({ "IdP certificate": "warning" });
    expect(detailOf(result, "IdP certificate")).toMatch(/expires on .*, in (9|10) days: roll it over at the IdP\./);
    expect(result.passed).toBe(true);

    // Metadata URL set later, publishing a different certificate: nothing in common is a problem.
    await db.ssoConnection.update({
      where: { orgId: t.org.id },
      data: {
        settings: {
          ...((await db.ssoConnection.findUniqueOrThrow({ where: { orgId: t.org.id } })).settings as object),
          idpMetadataUrl: `${idp.url}/metadata.xml`,
        },
      },
    });
    const withMetadata = await validateSsoConnection(t.org.id, t.actor, ORIGIN);
    expect(statuses(withMetadata)["Certificates in the metadata"]).toBe("problem");
  });

  it("refuses an expired or not yet valid certificate and a refused SSO URL", async () => {
    const t = await createSsoTenant();
    const expired = await certificateValidFor(-1, -30);
    const future = await certificateValidFor(400, 5);
    await saveSamlConnection(t.org.id, t.actor, {
      source: "manual",
      idpEntityId: "urn:acme:idp",
      idpSsoUrl: "http://10.1.2.3/sso",
      idpCertificates: `${expired}\n${future}`,
      ...OPTIONS,
    });
    process.env.BUMPERS_ALLOW_PRIVATE_DESTINATIONS = "false";
    const { resetEnvCache } = await import("@/lib/server/env");
    resetEnvCache();
    try {
      const result = await validateSsoConnection(t.org.id, t.actor, ORIGIN);
      expect(statuses(result)).toMatchObject({
        "IdP certificate 1": "problem",
        "IdP certificate 2": "problem",
        "SSO URL": "problem",
      });
      expect(detailOf(result, "IdP certificate 1")).toContain("expired on");
      expect(detailOf(result, "IdP certificate 2")).toContain("is not valid before");
      expect(result.passed).toBe(false);
    } finally {
      process.env.BUMPERS_ALLOW_PRIVATE_DESTINATIONS = "true";
      resetEnvCache();
    }
  });

  it("uses the Entra-shaped metadata's two certificates", async () => {
    const t = await createSsoTenant();
    await saveSamlConnection(t.org.id, t.actor, {
      source: "metadata_xml",
      idpMetadataXml: fixture("entra-metadata.xml"),
      ...OPTIONS,
    });
    const result = await validateSsoConnection(t.org.id, t.actor, ORIGIN);
    expect(statuses(result)).toMatchObject({ "IdP certificate 1": "ok", "IdP certificate 2": "ok" });
  });
});
