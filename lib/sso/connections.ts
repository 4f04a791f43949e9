import "server-only";
import { db } from "@/lib/server/db";
import { decryptSecret, encryptSecret } from "@/lib/server/secret-box";
import { ZOidcSettings, ZSamlSettings, type TOidcSettings, type TSamlSettings, type TSsoPolicy } from "./schemas";

// An org's SSO connection as the protocol modules use it: settings parsed, secrets opened. Secrets
// are sealed with the org id as context, so a sealed value copied to another org does not open.

const contextOf = (orgId: string, what: "oidc-client-secret" | "saml-sp-key") => `sso:${what}:${orgId}`;

export const sealClientSecret = (orgId: string, secret: string) =>
  encryptSecret(secret, contextOf(orgId, "oidc-client-secret"));
export const sealSpPrivateKey = (orgId: string, pem: string) => encryptSecret(pem, contextOf(orgId, "saml-sp-key"));
export const openClientSecret = (orgId: string, sealed: string) =>
  decryptSecret(sealed, contextOf(orgId, "oidc-client-secret"));
export const openSpPrivateKey = (orgId: string, sealed: string) =>
  decryptSecret(sealed, contextOf(orgId, "saml-sp-key"));

export type TOrgRef = { id: string; slug: string; name: string };

type TConnectionBase = TSsoPolicy & { org: TOrgRef; validatedAt: Date | null };
export type TOidcConnection = TConnectionBase & {
  protocol: "oidc";
  settings: TOidcSettings;
  clientSecret: string | null;
};
export type TSamlConnection = TConnectionBase & {
  protocol: "saml";
  settings: TSamlSettings;
  /** PEM; generated with the connection (lib/sso/saml). */
  spPrivateKey: string | null;
  spCertificate: string | null;
};
export type TSsoConnection = TOidcConnection | TSamlConnection;

/**
 * The connection of the org with this slug, or null when the org has none. `requireEnabled` (the
 * default) also returns null for a connection that is switched off: sign-in routes use that;
 * settings pages and "validate" pass false.
 */
export async function loadSsoConnection(
  orgSlug: string,
  { requireEnabled = true }: { requireEnabled?: boolean } = {},
): Promise<TSsoConnection | null> {
  const row = await db.ssoConnection.findFirst({
    where: { org: { slug: orgSlug }, ...(requireEnabled ? { enabled: true } : {}) },
    include: { org: { select: { id: true, slug: true, name: true } } },
  });
  if (!row) return null;
  const base: TConnectionBase = {
    org: row.org,
    enabled: row.enabled,
    enforced: row.enforced,
    jit: row.jit,
    allowIdpInitiated: row.allowIdpInitiated,
    sessionHours: row.sessionHours,
    defaultRole: row.defaultRole === "admin" ? "admin" : "member",
    validatedAt: row.validatedAt,
  };
  if (row.protocol === "oidc") {
    return {
      ...base,
      protocol: "oidc",
      settings: ZOidcSettings.parse(row.settings),
      clientSecret: row.clientSecretSealed ? openClientSecret(row.orgId, row.clientSecretSealed) : null,
    };
  }
  return {
    ...base,
    protocol: "saml",
    settings: ZSamlSettings.parse(row.settings),
    spPrivateKey: row.spPrivateKeySealed
      ? decryptSecret(row.spPrivateKeySealed, contextOf(row.orgId, "saml-sp-key"))
      : null,
    spCertificate: row.spCertificate,
  };
}

/** The URLs Bumpers serves for an org's connection, to register at the IdP. */
export function ssoEndpoints(origin: string, orgSlug: string) {
  const base = `${origin.replace(/\/+$/, "")}/api/sso/${encodeURIComponent(orgSlug)}`;
  return {
    start: `${base}/start`,
    oidcRedirectUri: `${base}/oidc/callback`,
    samlEntityId: `${base}/saml/metadata`,
    samlMetadata: `${base}/saml/metadata`,
    samlAcs: `${base}/saml/acs`,
    scimBase: `${origin.replace(/\/+$/, "")}/scim/v2/${encodeURIComponent(orgSlug)}`,
  };
}
