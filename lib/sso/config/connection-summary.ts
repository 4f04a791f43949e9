import { ZOidcSettings, ZSamlSettings, type TOidcSettings, type TSamlSettings, type TSsoProtocol } from "../schemas";
import { fingerprintOf } from "./certificates";

// A connection's settings as its audit rows show them: what identifies the IdP and how Bumpers
// reads it, never a secret. Certificates appear as their fingerprints (a PEM is long and says
// nothing at a glance).

export type TConnectionSummary = Record<string, string | boolean | string[] | null>;

export function oidcSummary(settings: TOidcSettings): TConnectionSummary {
  return {
    protocol: "oidc",
    issuer: settings.issuer,
    clientId: settings.clientId,
    scopes: settings.scopes,
    groupsClaim: settings.groupsClaim,
  };
}

export function samlSummary(settings: TSamlSettings): TConnectionSummary {
  return {
    protocol: "saml",
    idpMetadataUrl: settings.idpMetadataUrl ?? null,
    idpEntityId: settings.idpEntityId,
    idpSsoUrl: settings.idpSsoUrl,
    idpCertificates: settings.idpCertificates.map((c) => fingerprintOf(c) ?? "unreadable"),
    wantResponseSigned: settings.wantResponseSigned,
    encryptedAssertions: settings.encryptedAssertions,
    groupsAttribute: settings.groupsAttribute,
    emailAttribute: settings.emailAttribute,
    nameAttribute: settings.nameAttribute,
  };
}

/** The stored settings of a protocol, or null when they do not parse (never saved, or saved by an older version). */
export function parseStoredSettings(protocol: "oidc", json: unknown): TOidcSettings | null;
export function parseStoredSettings(protocol: "saml", json: unknown): TSamlSettings | null;
export function parseStoredSettings(protocol: TSsoProtocol, json: unknown): TOidcSettings | TSamlSettings | null;
export function parseStoredSettings(protocol: TSsoProtocol, json: unknown) {
  const parsed = protocol === "oidc" ? ZOidcSettings.safeParse(json) : ZSamlSettings.safeParse(json);
  return parsed.success ? parsed.data : null;
}

export function summaryOfStored(protocol: TSsoProtocol, json: unknown): TConnectionSummary | null {
  if (protocol === "oidc") {
    const settings = parseStoredSettings("oidc", json);
    return settings ? oidcSummary(settings) : null;
  }
  const settings = parseStoredSettings("saml", json);
  return settings ? samlSummary(settings) : null;
}
