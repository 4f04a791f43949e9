import { randomBytes, X509Certificate } from "node:crypto";
import { promisify } from "node:util";
import { SignedXml } from "xml-crypto";
import * as xmlenc from "xml-encryption";
import { wrapSignature, type TXswVariant } from "./fake-saml-xsw";

// The SAML Responses the fake IdP sends, built the way real IdPs (Okta, Entra, Keycloak) build
// them: an Assertion signed with an enveloped RSA-SHA256 signature right after its Issuer,
// optionally encrypted to the SP's certificate, inside a Response that may be signed too. The
// tweaks produce what an attacker or a misconfigured IdP would send instead.

export const SAML_NS = {
  protocol: "urn:oasis:names:tc:SAML:2.0:protocol",
  assertion: "urn:oasis:names:tc:SAML:2.0:assertion",
  dsig: "http://www.w3.org/2000/09/xmldsig#",
} as const;

export const XSW_VARIANTS = ["xsw1", "xsw2", "xsw3", "xsw4", "xsw5", "xsw6", "xsw7", "xsw8"] as const;

export type TSamlTweak =
  | "unsigned"
  | "signResponseOnly"
  | "signBoth"
  | "expired"
  | "notYetValid"
  | "wrongAudience"
  | "wrongRecipient"
  | "wrongDestination"
  | "wrongIssuer"
  | "otherKey"
  | "encrypted"
  | TXswVariant;

export type TFakeSamlUser = { nameId: string; email: string; name: string; groups: string[]; password?: string };

export type TSigningKey = { privateKeyPem: string; certificatePem: string };

export type TResponseInput = {
  user: TFakeSamlUser;
  idpEntityId: string;
  spEntityId: string;
  acsUrl: string;
  inResponseTo?: string;
  /** One tweak or several ("encrypted" with "signBoth", say). */
  tweak?: TSamlTweak | TSamlTweak[];
  /** Needed for "encrypted": the SP's encryption certificate from its metadata. */
  encryptionCertificatePem?: string;
};

const ELSEWHERE = "https://elsewhere.example";
const MINUTE = 60_000;

const samlTime = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
const newId = () => "_" + randomBytes(16).toString("hex");

export function escapeXml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;");
}

const EMAIL_FORMAT = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress";
const PERSISTENT_FORMAT = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";

/** The attributes Okta and Keycloak send by default names: email, name, groups (one value each). */
function attributeStatement(user: TFakeSamlUser): string {
  const attribute = (name: string, values: string[]) =>
    `<saml:Attribute Name="${escapeXml(name)}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified">` +
    values.map((v) => `<saml:AttributeValue>${escapeXml(v)}</saml:AttributeValue>`).join("") +
    `</saml:Attribute>`;
  return (
    `<saml:AttributeStatement>` +
    attribute("email", [user.email]) +
    attribute("name", [user.name]) +
    (user.groups.length > 0 ? attribute("groups", user.groups) : "") +
    `</saml:AttributeStatement>`
  );
}

function assertionXml(input: TResponseInput, tweaks: Set<TSamlTweak>, now: number): string {
  const { user } = input;
  // Expired: issued 20 minutes ago, valid for 5; not yet valid: from 10 minutes on. Both far
  // beyond the SP's bounded clock skew.
  const issuedAt = tweaks.has("expired") ? now - 20 * MINUTE : now;
  const notBefore = tweaks.has("notYetValid") ? now + 10 * MINUTE : issuedAt - MINUTE;
  const notOnOrAfter = tweaks.has("notYetValid") ? now + 15 * MINUTE : issuedAt + 5 * MINUTE;
  const issuer = tweaks.has("wrongIssuer") ? `${ELSEWHERE}/idp` : input.idpEntityId;
  const audience = tweaks.has("wrongAudience") ? `${ELSEWHERE}/sp` : input.spEntityId;
  const recipient = tweaks.has("wrongRecipient") ? `${ELSEWHERE}/acs` : input.acsUrl;
  const inResponseTo = input.inResponseTo ? ` InResponseTo="${escapeXml(input.inResponseTo)}"` : "";
  const format = user.nameId.includes("@") ? EMAIL_FORMAT : PERSISTENT_FORMAT;
  return (
    `<saml:Assertion xmlns:saml="${SAML_NS.assertion}" ID="${newId()}" Version="2.0" IssueInstant="${samlTime(issuedAt)}">` +
    `<saml:Issuer>${escapeXml(issuer)}</saml:Issuer>` +
    `<saml:Subject>` +
    `<saml:NameID Format="${format}">${escapeXml(user.nameId)}</saml:NameID>` +
    `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">` +
    `<saml:SubjectConfirmationData NotOnOrAfter="${samlTime(notOnOrAfter)}" Recipient="${escapeXml(recipient)}"${inResponseTo}/>` +
    `</saml:SubjectConfirmation>` +
    `</saml:Subject>` +
    `<saml:Conditions NotBefore="${samlTime(notBefore)}" NotOnOrAfter="${samlTime(notOnOrAfter)}">` +
    `<saml:AudienceRestriction><saml:Audience>${escapeXml(audience)}</saml:Audience></saml:AudienceRestriction>` +
    `</saml:Conditions>` +
    `<saml:AuthnStatement AuthnInstant="${samlTime(issuedAt)}" SessionIndex="${newId()}">` +
    `<saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext>` +
    `</saml:AuthnStatement>` +
    attributeStatement(user) +
    `</saml:Assertion>`
  );
}

/** Signs the document's root element (Assertion or Response), the signature right after its Issuer. */
export function signRoot(xml: string, key: TSigningKey): string {
  const sig = new SignedXml({
    privateKey: key.privateKeyPem,
    publicCert: key.certificatePem,
    signatureAlgorithm: "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
    canonicalizationAlgorithm: "http://www.w3.org/2001/10/xml-exc-c14n#",
  });
  sig.addReference({
    xpath: "/*",
    transforms: ["http://www.w3.org/2000/09/xmldsig#enveloped-signature", "http://www.w3.org/2001/10/xml-exc-c14n#"],
    digestAlgorithm: "http://www.w3.org/2001/04/xmlenc#sha256",
  });
  sig.computeSignature(xml, {
    prefix: "ds",
    location: { reference: "/*/*[local-name(.)='Issuer']", action: "after" },
  });
  return sig.getSignedXml();
}

const encrypt = promisify(
  (content: string, options: xmlenc.EncryptOptions, done: (err: Error | null, result?: string) => void) =>
    xmlenc.encrypt(content, options, (err, result) => done(err ?? null, result)),
);

/** An EncryptedAssertion for the SP's certificate: AES-256-GCM content key wrapped with RSA-OAEP. */
async function encryptAssertion(assertion: string, certificatePem: string): Promise<string> {
  const publicKey = new X509Certificate(certificatePem).publicKey.export({ type: "spki", format: "pem" }).toString();
  const encrypted = await encrypt(assertion, {
    rsa_pub: publicKey,
    pem: certificatePem,
    encryptionAlgorithm: "http://www.w3.org/2009/xmlenc11#aes256-gcm",
    keyEncryptionAlgorithm: "http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p",
    disallowEncryptionWithInsecureAlgorithm: true,
  });
  return `<saml:EncryptedAssertion xmlns:saml="${SAML_NS.assertion}">${encrypted}</saml:EncryptedAssertion>`;
}

function responseXml(input: TResponseInput, tweaks: Set<TSamlTweak>, assertion: string, now: number): string {
  const issuer = tweaks.has("wrongIssuer") ? `${ELSEWHERE}/idp` : input.idpEntityId;
  const destination = tweaks.has("wrongDestination") ? `${ELSEWHERE}/acs` : input.acsUrl;
  const inResponseTo = input.inResponseTo ? ` InResponseTo="${escapeXml(input.inResponseTo)}"` : "";
  return (
    `<samlp:Response xmlns:samlp="${SAML_NS.protocol}" xmlns:saml="${SAML_NS.assertion}" ID="${newId()}" Version="2.0"` +
    ` IssueInstant="${samlTime(now)}" Destination="${escapeXml(destination)}"${inResponseTo}>` +
    `<saml:Issuer>${escapeXml(issuer)}</saml:Issuer>` +
    `<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>` +
    assertion +
    `</samlp:Response>`
  );
}

/**
 * The Response XML (not yet base64) for `input`: `key` signs, `otherKey` signs instead under the
 * "otherKey" tweak (a key the SP does not trust).
 */
export async function buildSamlResponse(input: TResponseInput, key: TSigningKey, otherKey: TSigningKey) {
  const tweaks = new Set(input.tweak === undefined ? [] : Array.isArray(input.tweak) ? input.tweak : [input.tweak]);
  const signer = tweaks.has("otherKey") ? otherKey : key;
  const now = Date.now();
  const xsw = XSW_VARIANTS.find((v) => tweaks.has(v));
  const signAssertion = !tweaks.has("unsigned") && !tweaks.has("signResponseOnly");
  // XSW1 and XSW2 wrap a signed Response; the others a signed Assertion.
  const signResponse = tweaks.has("signResponseOnly") || tweaks.has("signBoth") || xsw === "xsw1" || xsw === "xsw2";

  let assertion = assertionXml(input, tweaks, now);
  if (signAssertion) assertion = signRoot(assertion, signer);
  if (tweaks.has("encrypted")) {
    if (!input.encryptionCertificatePem) throw new Error("The SP registered no encryption certificate.");
    assertion = await encryptAssertion(assertion, input.encryptionCertificatePem);
  }
  let response = responseXml(input, tweaks, assertion, now);
  if (signResponse) response = signRoot(response, signer);
  if (xsw) response = wrapSignature(response, xsw);
  return response;
}
