import { X509Certificate } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { decryptSecret } from "@/lib/server/secret-box";
import { loadSsoConnection } from "../connections";
import { allowPrivateDestinations, createSsoTenant, fixture, startFakeIdp, type TFakeIdp } from "./config-testing";
import { saveOidcConnection } from "./save-oidc-connection";
import { saveSamlConnection } from "./save-saml-connection";

allowPrivateDestinations();
let idp: TFakeIdp;
beforeAll(async () => {
  idp = await startFakeIdp();
});
beforeEach(() => idp.reset());
afterAll(() => idp.close());

const OIDC = {
  issuer: "https://acme.okta.com/oauth2/default",
  clientId: "0oa1bumpers",
  scopes: ["openid", "email", "profile", "groups"],
  groupsClaim: "groups",
};

const auditOf = (orgId: string) =>
  db.auditLog.findMany({ where: { orgId, action: { startsWith: "sso." } }, orderBy: { id: "asc" } });

/** Any audit column that holds the text, as JSON. */
const auditMentions = async (orgId: string, text: string) =>
  (await auditOf(orgId)).some((row) => JSON.stringify({ ...row, id: String(row.id) }).includes(text));

describe("saveOidcConnection", () => {
  it("seals the client secret for this org only, keeps it on a blank save and never audits it", async () => {
    const t = await createSsoTenant();
    const secret = "s3cr3t-okta-client-secret-value";
    expect(await saveOidcConnection(t.org.id, t.actor, { ...OIDC, clientSecret: secret })).toEqual({
      changed: true,
      enforcementLifted: false,
      enabled: false,
    });
    const row = await db.ssoConnection.findUniqueOrThrow({ where: { orgId: t.org.id } });
    expect(row.protocol).toBe("oidc");
    expect(row.clientSecretSealed).toMatch(/^v1\./);
    expect(row.clientSecretSealed).not.toContain(secret);
    const loaded = await loadSsoConnection(t.org.slug, { requireEnabled: false });
    expect(loaded?.protocol === "oidc" && loaded.clientSecret).toBe(secret);
    // Sealed with the org as context: the same value does not open as another org's secret.
    expect(() => decryptSecret(row.clientSecretSealed!, `sso:oidc-client-secret:${t.team.id}`)).toThrow();

    // A blank secret keeps the stored one; the other settings change.
    await saveOidcConnection(t.org.id, t.actor, { ...OIDC, scopes: ["email"], clientSecret: "" });
    const again = await loadSsoConnection(t.org.slug, { requireEnabled: false });
    expect(again?.protocol === "oidc" && again.clientSecret).toBe(secret);
    expect(again?.settings).toMatchObject({ scopes: ["openid", "email"] });

    const audit = await auditOf(t.org.id);
    expect(audit.map((a) => a.action)).toEqual(["sso.connection_saved", "sso.connection_saved"]);
    expect(audit[0]).toMatchObject({
      actorUserId: t.ssoOwner.id,
      targetType: "sso_connection",
      before: null,
      after: { protocol: "oidc", issuer: OIDC.issuer, clientId: OIDC.clientId, clientSecret: "set" },
    });
    expect(audit[1]?.after).not.toHaveProperty("clientSecret");
    expect(await auditMentions(t.org.id, secret)).toBe(false);
    expect(await auditMentions(t.org.id, row.clientSecretSealed!)).toBe(false);
  });

  it("wants a client secret at the first save, and field errors for bad settings", async () => {
    const t = await createSsoTenant();
    await expect(saveOidcConnection(t.org.id, t.actor, { ...OIDC, clientSecret: " " })).rejects.toMatchObject({
      code: "bad_request",
      details: { field: "clientSecret" },
    });
    await expect(
      saveOidcConnection(t.org.id, t.actor, { ...OIDC, issuer: "ftp://idp.example", clientSecret: "x" }),
    ).rejects.toMatchObject({ name: "ZodError" });
    expect(await db.ssoConnection.count({ where: { orgId: t.org.id } })).toBe(0);
  });

  it("records nothing when the form holds what is stored", async () => {
    const t = await createSsoTenant();
    await saveOidcConnection(t.org.id, t.actor, { ...OIDC, clientSecret: "secret-one" });
    expect((await saveOidcConnection(t.org.id, t.actor, { ...OIDC })).changed).toBe(false);
    expect(await auditOf(t.org.id)).toHaveLength(1);
  });

  it("a change clears 'validated' and switches enforcement off, staying switched on", async () => {
    const t = await createSsoTenant();
    await saveOidcConnection(t.org.id, t.actor, { ...OIDC, clientSecret: "secret-one" });
    await db.ssoConnection.update({
      where: { orgId: t.org.id },
      data: { validatedAt: new Date(), enabled: true, enforced: true },
    });
    const outcome = await saveOidcConnection(t.org.id, t.actor, { ...OIDC, issuer: "https://login.acme.example" });
    expect(outcome).toEqual({ changed: true, enforcementLifted: true, enabled: true });
    const row = await db.ssoConnection.findUniqueOrThrow({ where: { orgId: t.org.id } });
    expect(row).toMatchObject({ validatedAt: null, enabled: true, enforced: false });
    const last = (await auditOf(t.org.id)).at(-1)!;
    expect(last.before).toMatchObject({ issuer: OIDC.issuer, enforced: true });
    expect(last.after).toMatchObject({ issuer: "https://login.acme.example", enforced: false });
  });
});

describe("saveSamlConnection", () => {
  const OPTIONS = { wantResponseSigned: false, encryptedAssertions: false };

  it("reads pasted metadata, generates the org's SP key pair once (private key sealed) and keeps it", async () => {
    const t = await createSsoTenant();
    await saveSamlConnection(t.org.id, t.actor, {
      source: "metadata_xml",
      idpMetadataXml: fixture("entra-metadata.xml"),
      ...OPTIONS,
    });
    const row = await db.ssoConnection.findUniqueOrThrow({ where: { orgId: t.org.id } });
    expect(row.protocol).toBe("saml");
    expect(row.settings).toMatchObject({
      idpEntityId: "https://sts.windows.net/9188040d-6c67-4c5b-b112-36a304b66dad/",
      idpSsoUrl: "https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/saml2",
      groupsAttribute: "groups",
    });
    expect((row.settings as { idpCertificates: string[] }).idpCertificates).toHaveLength(2);
    expect(row.settings).not.toHaveProperty("idpMetadataUrl");
    expect(new X509Certificate(row.spCertificate!).subject).toBe(`CN=bumpers-sp-${t.org.slug}`);
    expect(row.spPrivateKeySealed).toMatch(/^v1\./);
    expect(row.spPrivateKeySealed).not.toContain("PRIVATE KEY");
    const loaded = await loadSsoConnection(t.org.slug, { requireEnabled: false });
    expect(loaded?.protocol === "saml" && loaded.spPrivateKey).toContain("-----BEGIN PRIVATE KEY-----");

    // Saved again by hand: same SP key, new IdP settings, certificate fingerprints in the audit.
    const okta = fixture("okta-metadata.xml");
    const cert = /<ds:X509Certificate>([^<]+)</.exec(okta)![1]!;
    await saveSamlConnection(t.org.id, t.actor, {
      source: "manual",
      idpEntityId: "http://www.okta.com/exk1",
      idpSsoUrl: "https://acme.okta.com/app/x/sso/saml",
      idpCertificates: cert,
      ...OPTIONS,
      groupsAttribute: "memberOf",
    });
    const after = await db.ssoConnection.findUniqueOrThrow({ where: { orgId: t.org.id } });
    expect(after.spCertificate).toBe(row.spCertificate);
    expect(after.spPrivateKeySealed).toBe(row.spPrivateKeySealed);
    expect(after.settings).toMatchObject({ idpEntityId: "http://www.okta.com/exk1", groupsAttribute: "memberOf" });
    const audit = await auditOf(t.org.id);
    expect(audit[0]?.after).toMatchObject({ spCertificate: "generated" });
    expect(audit[1]?.after).toMatchObject({
      idpCertificates: [
        new X509Certificate(`-----BEGIN CERTIFICATE-----\n${cert}\n-----END CERTIFICATE-----`).fingerprint256,
      ],
    });
    expect(await auditMentions(t.org.id, "PRIVATE KEY")).toBe(false);
    expect(await auditMentions(t.org.id, row.spPrivateKeySealed!)).toBe(false);
  });

  it("reads metadata from its URL through the outbound guard and keeps the URL for validation", async () => {
    const t = await createSsoTenant();
    await saveSamlConnection(t.org.id, t.actor, {
      source: "metadata_url",
      idpMetadataUrl: `${idp.url}/metadata.xml`,
      ...OPTIONS,
    });
    const row = await db.ssoConnection.findUniqueOrThrow({ where: { orgId: t.org.id } });
    expect(row.settings).toMatchObject({
      idpMetadataUrl: `${idp.url}/metadata.xml`,
      idpEntityId: "http://www.okta.com/exk1a2b3c4d5e6f7g8h9",
    });
  });

  it("refuses a metadata URL the guard refuses, and says what is wrong with the metadata", async () => {
    const t = await createSsoTenant();
    process.env.BUMPERS_ALLOW_PRIVATE_DESTINATIONS = "false";
    const { resetEnvCache } = await import("@/lib/server/env");
    resetEnvCache();
    try {
      await expect(
        saveSamlConnection(t.org.id, t.actor, {
          source: "metadata_url",
          idpMetadataUrl: `${idp.url}/metadata.xml`,
          ...OPTIONS,
        }),
      ).rejects.toMatchObject({ code: "bad_request", details: { field: "idpMetadataUrl" } });
      await expect(
        saveSamlConnection(t.org.id, t.actor, {
          source: "metadata_url",
          idpMetadataUrl: "http://169.254.169.254/latest/meta-data/",
          ...OPTIONS,
        }),
      ).rejects.toMatchObject({ message: expect.stringMatching(/could not be read: .*(Refused|https)/) });
    } finally {
      process.env.BUMPERS_ALLOW_PRIVATE_DESTINATIONS = "true";
      resetEnvCache();
    }
    idp.metadata = "<html><body>Sign in</body></html>";
    await expect(
      saveSamlConnection(t.org.id, t.actor, {
        source: "metadata_url",
        idpMetadataUrl: `${idp.url}/metadata.xml`,
        ...OPTIONS,
      }),
    ).rejects.toMatchObject({ message: "This is not SAML 2.0 metadata (no md:EntityDescriptor at the top)." });
    await expect(
      saveSamlConnection(t.org.id, t.actor, {
        source: "metadata_url",
        idpMetadataUrl: `${idp.url}/missing.xml`,
        ...OPTIONS,
      }),
    ).rejects.toMatchObject({ message: expect.stringContaining("answered HTTP 404") });
    expect(await db.ssoConnection.count({ where: { orgId: t.org.id } })).toBe(0);
  });

  it("refuses a typed certificate that does not parse, and missing fields per source", async () => {
    const t = await createSsoTenant();
    const manual = {
      source: "manual" as const,
      idpEntityId: "urn:idp",
      idpSsoUrl: "https://idp.example/sso",
      ...OPTIONS,
    };
    await expect(
      saveSamlConnection(t.org.id, t.actor, {
        ...manual,
        idpCertificates: `-----BEGIN CERTIFICATE-----\n${"A".repeat(200)}\n-----END CERTIFICATE-----`,
      }),
    ).rejects.toMatchObject({ code: "bad_request", details: { field: "idpCertificates" } });
    await expect(saveSamlConnection(t.org.id, t.actor, { ...manual, idpCertificates: "" })).rejects.toMatchObject({
      name: "ZodError",
      issues: [expect.objectContaining({ path: ["idpCertificates"] })],
    });
    await expect(saveSamlConnection(t.org.id, t.actor, { source: "metadata_xml", ...OPTIONS })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["idpMetadataXml"] })],
    });
    // Metadata whose SSO URL is not a web address: reported under the metadata field.
    const ftp = fixture("okta-metadata.xml").replaceAll("https://acme.okta.com", "ftp://acme.okta.com");
    await expect(
      saveSamlConnection(t.org.id, t.actor, { source: "metadata_xml", idpMetadataXml: ftp, ...OPTIONS }),
    ).rejects.toMatchObject({ details: { fieldErrors: { idpMetadataXml: [expect.stringContaining("idpSsoUrl")] } } });
  });
});
