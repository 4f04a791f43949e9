import { X509Certificate } from "node:crypto";
import { describe, expect, it } from "vitest";
import { fixture } from "./config-testing";
import { IdpMetadataError, parseIdpMetadata } from "./idp-metadata";

const subjectOf = (pem: string) => new X509Certificate(pem).subject;
const refusal = (xml: string) => {
  try {
    parseIdpMetadata(xml);
    return "parsed";
  } catch (err) {
    expect(err).toBeInstanceOf(IdpMetadataError);
    return (err as Error).message;
  }
};

describe("parseIdpMetadata", () => {
  it("reads Okta's metadata (md:/ds: prefixes): entity id, the HTTP-Redirect URL, one certificate as PEM", () => {
    const metadata = parseIdpMetadata(fixture("okta-metadata.xml"));
    expect(metadata.entityId).toBe("http://www.okta.com/exk1a2b3c4d5e6f7g8h9");
    expect(metadata.ssoUrl).toBe("https://acme.okta.com/app/acme_bumpers_1/exk1a2b3c4d5e6f7g8h9/sso/saml");
    expect(metadata.certificates).toHaveLength(1);
    expect(metadata.certificates[0]).toMatch(
      /^-----BEGIN CERTIFICATE-----\n[A-Za-z0-9+/=\n]+\n-----END CERTIFICATE-----\n$/,
    );
    expect(subjectOf(metadata.certificates[0]!)).toContain("O=Okta");
  });

  it("reads Entra ID's metadata (default namespaces, its own signature, WS-Fed roles): only the IdP's two signing certificates", () => {
    const xml = fixture("entra-metadata.xml");
    const metadata = parseIdpMetadata(xml);
    expect(metadata.entityId).toBe("https://sts.windows.net/9188040d-6c67-4c5b-b112-36a304b66dad/");
    expect(metadata.ssoUrl).toBe("https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/saml2");
    expect(metadata.certificates).toHaveLength(2);
    // The certificate of the document's own Signature (and of the RoleDescriptor) is not a SAML signer.
    const signatureCert = /<Signature[\s\S]*?<X509Certificate>([^<]+)</.exec(xml)![1]!;
    expect(metadata.certificates.join("").replace(/\s|-----[A-Z ]+-----/g, "")).not.toContain(signatureCert);
    expect(
      metadata.certificates.every((pem) => subjectOf(pem) === "CN=Microsoft Azure Federated SSO Certificate"),
    ).toBe(true);
  });

  it("follows namespaces, not prefixes", () => {
    const okta = fixture("okta-metadata.xml")
      .replaceAll("md:", "saml2md:")
      .replace("xmlns:md=", "xmlns:saml2md=")
      .replaceAll("ds:", "sig:")
      .replace("xmlns:ds=", "xmlns:sig=");
    expect(parseIdpMetadata(okta).entityId).toBe("http://www.okta.com/exk1a2b3c4d5e6f7g8h9");
    // The right local names in the wrong namespace are not metadata.
    const wrong = fixture("okta-metadata.xml").replace(
      'xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata"',
      'xmlns:md="urn:example:not-saml"',
    );
    expect(refusal(wrong)).toMatch(/not SAML 2.0 metadata/);
  });

  it("takes the first IdP of an aggregate (EntitiesDescriptor)", () => {
    const entity = fixture("entra-metadata.xml").replace(/^<\?xml[^>]*>\s*/, "");
    const xml = `<EntitiesDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata">
      <EntityDescriptor entityID="https://sp.example/"><SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"/></EntityDescriptor>
      ${entity}
    </EntitiesDescriptor>`;
    expect(parseIdpMetadata(xml).entityId).toBe("https://sts.windows.net/9188040d-6c67-4c5b-b112-36a304b66dad/");
  });

  it("refuses a DOCTYPE or entity declarations before parsing (XXE, billion laughs)", () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${fixture("okta-metadata.xml").replace(/^<\?xml[^>]*>/, "")}`;
    expect(refusal(xxe)).toMatch(/DOCTYPE or entity declaration/);
    expect(refusal(`<!doctype x><x/>`)).toMatch(/DOCTYPE/);
  });

  it("explains what is wrong with documents that are not usable metadata", () => {
    expect(refusal("")).toMatch(/empty/);
    expect(refusal("<md:EntityDescriptor xmlns:md='urn:oasis:names:tc:SAML:2.0:metadata'>")).toMatch(
      /not well-formed XML/,
    );
    expect(refusal('{"issuer": "https://idp.example"}')).toMatch(/not well-formed XML|not SAML 2.0 metadata/);
    expect(refusal('<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>')).toMatch(/not SAML 2.0 metadata/);
    const sp = `<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="x"><SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"/></EntityDescriptor>`;
    expect(refusal(sp)).toMatch(/no identity provider/);
    const postOnly = fixture("okta-metadata.xml").replace(
      /<md:SingleSignOnService Binding="[^"]*HTTP-Redirect"[^>]*\/>/,
      "",
    );
    expect(refusal(postOnly)).toMatch(/only with the HTTP-POST binding/);
    const noCert = fixture("okta-metadata.xml").replace(/<md:KeyDescriptor[\s\S]*<\/md:KeyDescriptor>/, "");
    expect(refusal(noCert)).toMatch(/no signing certificate/);
    const noEntityId = fixture("okta-metadata.xml").replace(/ entityID="[^"]*"/, "");
    expect(refusal(noEntityId)).toMatch(/no entityID/);
  });

  it("keeps an encryption-only key out and a key without `use` in", () => {
    const okta = fixture("okta-metadata.xml");
    expect(refusal(okta.replace('use="signing"', 'use="encryption"'))).toMatch(/no signing certificate/);
    expect(parseIdpMetadata(okta.replace(' use="signing"', "")).certificates).toHaveLength(1);
  });
});
