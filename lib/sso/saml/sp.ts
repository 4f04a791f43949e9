import "server-only";
import { SAML, ValidateInResponseTo } from "@node-saml/node-saml";
import { ssoEndpoints, type TSamlConnection } from "../connections";
import { SsoError } from "../errors";

// One node-saml service provider per request, built from the org's row: nothing is cached, so a
// certificate rollover or a settings change applies to the next sign-in, and no org's settings
// can leak into another's. Building one costs no I/O.

/** How far the IdP's clock may be from ours, both ways. */
export const SAML_CLOCK_SKEW_MS = 60_000;
/** An assertion is accepted at most this long after it was issued, whatever NotOnOrAfter says. */
export const SAML_MAX_ASSERTION_AGE_MS = 5 * 60_000;

/**
 * The NameID format we ask for. "unspecified" leaves the choice to the IdP's configuration:
 * asking for emailAddress makes IdPs set up with a persistent or username NameID (Entra, Keycloak
 * defaults) answer InvalidNameIDPolicy instead of signing the person in, and the email comes from
 * the email attribute anyway (or from the NameID when it is one).
 */
export const SAML_NAMEID_FORMAT = "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified";

/** The SP's signing and decryption key, or SsoNotConfigured when the connection has none. */
export function spKeysOf(conn: TSamlConnection): { privateKey: string; certificate: string } {
  if (!conn.spPrivateKey || !conn.spCertificate) {
    throw new SsoError("SsoNotConfigured", `org ${conn.org.slug}: the SAML connection has no SP key pair`);
  }
  return { privateKey: conn.spPrivateKey, certificate: conn.spCertificate };
}

export function samlFor(conn: TSamlConnection, origin: string, opts: { requestId?: string } = {}): SAML {
  const { settings } = conn;
  const keys = spKeysOf(conn);
  const endpoints = ssoEndpoints(origin, conn.org.slug);
  const requestId = opts.requestId;
  return new SAML({
    entryPoint: settings.idpSsoUrl,
    issuer: endpoints.samlEntityId,
    audience: endpoints.samlEntityId,
    callbackUrl: endpoints.samlAcs,
    idpCert: settings.idpCertificates,
    idpIssuer: settings.idpEntityId,
    // Signed assertions always: a signed Response around an unsigned assertion is not enough.
    wantAssertionsSigned: true,
    wantAuthnResponseSigned: settings.wantResponseSigned,
    privateKey: keys.privateKey,
    publicCert: keys.certificate,
    signatureAlgorithm: "sha256",
    digestAlgorithm: "http://www.w3.org/2001/04/xmlenc#sha256",
    decryptionPvk: settings.encryptedAssertions ? keys.privateKey : undefined,
    acceptedClockSkewMs: SAML_CLOCK_SKEW_MS,
    maxAssertionAgeMs: SAML_MAX_ASSERTION_AGE_MS,
    // InResponseTo is checked against sso_requests (lib/sso/saml/acs.ts): node-saml's cache lives
    // in one process's memory and would refuse a response that reaches another instance.
    validateInResponseTo: ValidateInResponseTo.never,
    disableRequestedAuthnContext: true,
    identifierFormat: SAML_NAMEID_FORMAT,
    ...(requestId ? { generateUniqueId: () => requestId } : {}),
  });
}
