import { DOMParser } from "@xmldom/xmldom";
import * as xpath from "xpath";
import { toPem } from "./certificates";

// SAML 2.0 IdP metadata (saml-metadata-2.0-os) as Okta, Entra ID, Google Workspace and Keycloak
// publish it: the entity id, the HTTP-Redirect SSO endpoint and the signing certificates. Read with
// namespaces (any prefix), from the IDPSSODescriptor only: Entra's document also carries its own
// XML signature and WS-Federation RoleDescriptors whose certificates are not the SAML signers.

export type TIdpMetadata = {
  entityId: string;
  /** The SingleSignOnService with the HTTP-Redirect binding (where AuthnRequests go). */
  ssoUrl: string;
  /** Signing certificates as PEM, in document order, without duplicates. */
  certificates: string[];
};

/** Metadata that cannot be used, with a sentence for the person who pasted or linked it. */
export class IdpMetadataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "IdpMetadataError";
  }
}

export const MAX_METADATA_BYTES = 512 * 1024;

const NS = {
  md: "urn:oasis:names:tc:SAML:2.0:metadata",
  ds: "http://www.w3.org/2000/09/xmldsig#",
};
const REDIRECT_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
const POST_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";

const select = xpath.useNamespaces(NS);

function parseXml(xml: string): Document {
  if (Buffer.byteLength(xml, "utf8") > MAX_METADATA_BYTES) {
    throw new IdpMetadataError(`The metadata is larger than ${MAX_METADATA_BYTES / 1024} KB.`);
  }
  // A DOCTYPE is where entity declarations live (billion laughs, external entities); metadata
  // never needs one, so it is refused before parsing rather than trusted to the parser.
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    throw new IdpMetadataError("The metadata contains a DOCTYPE or entity declaration, which is not accepted.");
  }
  if (!xml.trim()) throw new IdpMetadataError("The metadata is empty.");
  // The parser's own words for the first error; it wraps what onError throws in longer text.
  let reason: string | null = null;
  try {
    const doc = new DOMParser({
      onError: (level, message) => {
        if (level === "warning") return;
        reason ??= message.split("\n")[0]!.replace(/^\[xmldom \w+\]\s*/, "");
        throw new Error(message);
      },
    }).parseFromString(xml, "text/xml");
    return doc as unknown as Document;
  } catch (err) {
    throw new IdpMetadataError(
      `The metadata is not well-formed XML: ${reason ?? (err as Error).message.split("\n")[0]}.`,
    );
  }
}

const nodes = (expression: string, context: Node) => select(expression, context) as Node[];
const text = (node: Node) => (node.textContent ?? "").trim();

/** The IdP's entity id, HTTP-Redirect SSO URL and signing certificates from its metadata XML. */
export function parseIdpMetadata(xml: string): TIdpMetadata {
  const doc = parseXml(xml);
  const root = doc.documentElement;
  if (!root || root.namespaceURI !== NS.md || !["EntityDescriptor", "EntitiesDescriptor"].includes(root.localName)) {
    throw new IdpMetadataError("This is not SAML 2.0 metadata (no md:EntityDescriptor at the top).");
  }
  // An aggregate (EntitiesDescriptor) may list several entities: the first one that is an IdP.
  const entity = nodes("(//md:EntityDescriptor[md:IDPSSODescriptor])[1]", doc)[0] as Element | undefined;
  if (!entity) throw new IdpMetadataError("The metadata describes no identity provider (no IDPSSODescriptor).");
  const entityId = entity.getAttribute("entityID")?.trim() ?? "";
  if (!entityId) throw new IdpMetadataError("The EntityDescriptor has no entityID.");

  const idp = nodes("md:IDPSSODescriptor", entity)[0]!;
  const services = nodes("md:SingleSignOnService", idp) as Element[];
  const redirect = services.find((s) => s.getAttribute("Binding") === REDIRECT_BINDING);
  if (!redirect?.getAttribute("Location")?.trim()) {
    const hasPost = services.some((s) => s.getAttribute("Binding") === POST_BINDING);
    throw new IdpMetadataError(
      hasPost
        ? "The IdP offers single sign-on only with the HTTP-POST binding; Bumpers sends requests with HTTP-Redirect."
        : "The metadata has no SingleSignOnService with the HTTP-Redirect binding.",
    );
  }
  const ssoUrl = redirect.getAttribute("Location")!.trim();

  // KeyDescriptors without `use` serve both signing and encryption (saml-metadata §2.4.1.1).
  const certNodes = nodes(
    "md:KeyDescriptor[not(@use) or @use='signing']/ds:KeyInfo/ds:X509Data/ds:X509Certificate",
    idp,
  );
  const certificates: string[] = [];
  for (const node of certNodes) {
    const pem = toPem(text(node));
    if (!pem) throw new IdpMetadataError("A signing certificate in the metadata is not base64.");
    if (!certificates.includes(pem)) certificates.push(pem);
  }
  if (!certificates.length) throw new IdpMetadataError("The metadata has no signing certificate for the IdP.");
  return { entityId, ssoUrl, certificates };
}
