import { DOMParser, onErrorStopParsing } from "@xmldom/xmldom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSamlTenant, signInAtIdp, TEST_ORIGIN } from "@/lib/sso/saml/saml-testing";
import { startSamlSignIn } from "@/lib/sso/saml/start";
import { verifySamlResponse } from "@/lib/sso/saml/acs";
import { startFakeSamlIdp, type TFakeSamlIdp } from "./fake-saml-idp";

// The fake IdP behaves like a real one where an SP could get it wrong: it publishes metadata,
// knows its service providers and their ACS URLs, checks signed AuthnRequests, and asks for a
// password. Tests that pass against it would pass against Okta or Keycloak for these reasons.

const USER = { nameId: "lin@acme.example", email: "lin@acme.example", name: "Lin", groups: ["a"], password: "pw" };

let idp: TFakeSamlIdp;
beforeAll(async () => {
  idp = await startFakeSamlIdp({ users: [USER], entityId: "https://idp.acme.example/saml" });
});
afterAll(() => idp.close());

const redirectOf = async (t: Awaited<ReturnType<typeof createSamlTenant>>) =>
  (await startSamlSignIn(t.conn, { callbackUrl: "/", origin: TEST_ORIGIN })).redirectUrl;

describe("fake SAML IdP", () => {
  it("publishes metadata with its entity id, signing certificate and HTTP-Redirect SSO URL", async () => {
    const res = await fetch(idp.metadataUrl);
    expect(res.status).toBe(200);
    const xml = await res.text();
    expect(xml).toBe(idp.metadataXml());
    const root = new DOMParser({ onError: onErrorStopParsing }).parseFromString(xml, "text/xml").documentElement!;
    expect(root.getAttribute("entityID")).toBe("https://idp.acme.example/saml");
    const sso = root.getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:metadata", "SingleSignOnService")[0];
    expect(sso.getAttribute("Binding")).toBe("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect");
    expect(sso.getAttribute("Location")).toBe(idp.ssoUrl);
    const certificate = root.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "X509Certificate")[0];
    expect(idp.certificatePem.replace(/-----[^-]+-----|\s+/g, "")).toBe(certificate.textContent);
  });

  it("refuses AuthnRequests of service providers it does not know", async () => {
    const stranger = await createSamlTenant(idp, { register: false });
    const res = await fetch(await redirectOf(stranger));
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("No service provider");
  });

  it("refuses an ACS URL other than the one registered for the SP", async () => {
    const t = await createSamlTenant(idp, { register: false });
    idp.addServiceProvider({ entityId: t.endpoints.samlEntityId, acsUrl: "https://elsewhere.example/acs" });
    const res = await fetch(await redirectOf(t));
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("is not the ACS URL registered");
  });

  it("checks the redirect binding's signature when the SP registered its certificate", async () => {
    const t = await createSamlTenant(idp);
    const url = new URL(await redirectOf(t));
    const unsigned = new URL(url);
    unsigned.searchParams.delete("Signature");
    unsigned.searchParams.delete("SigAlg");
    expect((await fetch(unsigned)).status).toBe(400);
    const tampered = new URL(url);
    tampered.searchParams.set("RelayState", "_another");
    expect(await (await fetch(tampered)).text()).toContain("does not verify");
    expect((await fetch(url)).status).toBe(200);
  });

  it("asks for the password and sends the groups the user has now", async () => {
    const t = await createSamlTenant(idp);
    await expect(signInAtIdp(await redirectOf(t), { email: USER.email, password: "nope" })).rejects.toThrow(/401/);
    idp.setUserGroups(USER.nameId, ["b", "c"]);
    const posted = await signInAtIdp(await redirectOf(t), { email: USER.email, password: "pw" });
    const identity = await verifySamlResponse(t.conn, { ...posted, origin: TEST_ORIGIN });
    expect(identity.groups).toEqual(["b", "c"]);
  });
});
