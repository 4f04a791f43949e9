import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { startFakeSamlIdp, type TFakeSamlIdp } from "@/lib/testing/fake-saml-idp";
import { XSW_VARIANTS } from "@/lib/testing/fake-saml-response";
import { XSW_ATTACKER } from "@/lib/testing/fake-saml-xsw";
import { SsoError } from "../errors";
import type { TSsoFailure } from "../types";
import { verifySamlResponse } from "./acs";
import { createSamlTenant, editResponseXml, signInAtIdp, TEST_ORIGIN, type TSamlTenant } from "./saml-testing";
import { startSamlSignIn } from "./start";

// The ACS's verification against a real IdP that signs real assertions, over HTTP: the
// SP-initiated round trip a browser makes, and every way a response can be forged, replayed,
// misdirected or stale. Each refusal must be an SsoError with the reason the person is shown.

const ADA = {
  nameId: "ada@acme.example",
  email: "ada@acme.example",
  name: "Ada Lovelace",
  groups: ["k8s-payments-admins", "everyone"],
  password: "correct horse",
};
const GRACE = { nameId: "u-1906", email: "Grace@Acme.example", name: "Grace Hopper", groups: [] };

let idp: TFakeSamlIdp;
let acme: TSamlTenant;

beforeAll(async () => {
  idp = await startFakeSamlIdp({ users: [ADA, GRACE] });
  acme = await createSamlTenant(idp);
});
afterAll(() => idp.close());

const verify = (t: TSamlTenant, samlResponse: string, relayState: string | null = null) =>
  verifySamlResponse(t.conn, { samlResponse, relayState, origin: TEST_ORIGIN });

async function refusal(promise: Promise<unknown>): Promise<TSsoFailure> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof SsoError)) throw new Error(`expected an SsoError, got ${String(err)}`);
  return err.reason;
}

/** Starts a sign-in at `t` and returns the AuthnRequest ID it stored. */
async function startedRequestId(t: TSamlTenant, callbackUrl = "/o/acme") {
  const { redirectUrl } = await startSamlSignIn(t.conn, { callbackUrl, origin: TEST_ORIGIN });
  const relayState = new URL(redirectUrl).searchParams.get("RelayState");
  if (!relayState) throw new Error("no RelayState in the redirect");
  return { redirectUrl, requestId: relayState };
}

/** A response of the IdP for `t`, answering a request `t` started (unless `inResponseTo: null`). */
async function responseFor(
  t: TSamlTenant,
  opts: {
    tweak?: Parameters<TFakeSamlIdp["issueResponse"]>[0]["tweak"];
    inResponseTo?: string | null;
    user?: typeof ADA | typeof GRACE;
  } = {},
) {
  const inResponseTo = opts.inResponseTo === undefined ? (await startedRequestId(t)).requestId : opts.inResponseTo;
  return idp.issueResponse({
    user: opts.user ?? ADA,
    spEntityId: t.endpoints.samlEntityId,
    acsUrl: t.endpoints.samlAcs,
    inResponseTo: inResponseTo ?? undefined,
    tweak: opts.tweak,
  });
}

describe("SP-initiated SAML sign-in", () => {
  it("signs a person in through the IdP's form: identity with groups, back to where they started", async () => {
    const { redirectUrl, requestId } = await startedRequestId(acme, "/o/acme/findings?team=payments");
    const target = new URL(redirectUrl);
    expect(`${target.origin}${target.pathname}`).toBe(idp.ssoUrl);
    expect(target.searchParams.get("SigAlg")).toBe("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");

    const posted = await signInAtIdp(redirectUrl, { email: ADA.email, password: ADA.password });
    expect(posted.acsUrl).toBe(acme.endpoints.samlAcs);
    expect(posted.relayState).toBe(requestId);
    // The IdP checked the AuthnRequest's signature against the SP certificate it registered.
    expect(idp.requests().find((r) => r.id === requestId)).toMatchObject({ signed: true });

    const identity = await verify(acme, posted.samlResponse, posted.relayState);
    expect(identity).toEqual({
      orgId: acme.org.id,
      protocol: "saml",
      subject: ADA.nameId,
      email: ADA.email,
      name: ADA.name,
      groups: ["k8s-payments-admins", "everyone"],
      callbackUrl: "/o/acme/findings?team=payments",
    });
    const row = await db.ssoRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(row.consumedAt).not.toBeNull();
  });

  it("takes the email from the attribute, lower-cased, when the NameID is an opaque id", async () => {
    const identity = await verify(acme, await responseFor(acme, { user: GRACE }));
    expect(identity).toMatchObject({ subject: "u-1906", email: "grace@acme.example", groups: [] });
  });

  it("the IdP refuses a wrong password, so no response is issued", async () => {
    const { redirectUrl } = await startedRequestId(acme);
    await expect(signInAtIdp(redirectUrl, { email: ADA.email, password: "wrong" })).rejects.toThrow(/401/);
  });
});

describe("replay and the request a response answers", () => {
  it("refuses the same response twice", async () => {
    const response = await responseFor(acme);
    await verify(acme, response);
    expect(await refusal(verify(acme, response))).toBe("SsoReplayed");
  });

  it("refuses an InResponseTo no sign-in of ours has", async () => {
    expect(await refusal(verify(acme, await responseFor(acme, { inResponseTo: "_d0e5not0ours" })))).toBe("SsoExpired");
  });

  it("refuses a second response to a request already answered", async () => {
    const { requestId } = await startedRequestId(acme);
    await verify(acme, await responseFor(acme, { inResponseTo: requestId }));
    expect(await refusal(verify(acme, await responseFor(acme, { inResponseTo: requestId })))).toBe("SsoExpired");
  });

  it("refuses a response to a request that expired", async () => {
    const { requestId } = await startedRequestId(acme);
    await db.ssoRequest.update({ where: { id: requestId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await refusal(verify(acme, await responseFor(acme, { inResponseTo: requestId })))).toBe("SsoExpired");
  });

  it("refuses an answer to another org's request, which stays usable by that org", async () => {
    const other = await createSamlTenant(idp);
    const { requestId } = await startedRequestId(acme, "/o/acme/teams");
    expect(await refusal(verify(other, await responseFor(other, { inResponseTo: requestId })))).toBe("SsoExpired");
    const identity = await verify(acme, await responseFor(acme, { inResponseTo: requestId }));
    expect(identity.callbackUrl).toBe("/o/acme/teams");
  });

  it("refuses a Response whose unsigned InResponseTo differs from the assertion's signed one", async () => {
    const { requestId } = await startedRequestId(acme);
    const response = editResponseXml(await responseFor(acme), (xml) =>
      xml.replace(/(<samlp:Response[^>]*InResponseTo=")[^"]+"/, `$1${requestId}"`),
    );
    expect(await refusal(verify(acme, response))).toBe("SsoInvalidResponse");
    // An IdP-initiated assertion cannot be passed off as the answer to a request an attacker started.
    const idpInitiated = editResponseXml(await responseFor(acme, { inResponseTo: null }), (xml) =>
      xml.replace("<samlp:Response ", `<samlp:Response InResponseTo="${requestId}" `),
    );
    expect(await refusal(verify(acme, idpInitiated))).toBe("SsoInvalidResponse");
    const row = await db.ssoRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(row.consumedAt).toBeNull();
  });
});

describe("IdP-initiated sign-in and RelayState", () => {
  it("is refused unless the org allows it", async () => {
    expect(await refusal(verify(acme, await responseFor(acme, { inResponseTo: null })))).toBe("SsoIdpInitiatedOff");
  });

  it("is accepted when the org allows it, and lands on / whatever RelayState says", async () => {
    const open = await createSamlTenant(idp, { allowIdpInitiated: true });
    const response = await responseFor(open, { inResponseTo: null });
    const identity = await verify(open, response, "https://evil.example/phish");
    expect(identity).toMatchObject({ orgId: open.org.id, email: ADA.email, callbackUrl: "/" });
    expect(await refusal(verify(open, response, "https://evil.example/phish"))).toBe("SsoReplayed");
  });

  it("never follows a URL in RelayState for SP-initiated sign-in either", async () => {
    const { requestId } = await startedRequestId(acme, "/o/acme");
    const identity = await verify(acme, await responseFor(acme, { inResponseTo: requestId }), "//evil.example");
    expect(identity.callbackUrl).toBe("/o/acme");
  });
});

describe("forged, misdirected and stale responses", () => {
  const cases: [string, Parameters<TFakeSamlIdp["issueResponse"]>[0]["tweak"], TSsoFailure][] = [
    ["an assertion for another SP (audience)", "wrongAudience", "SsoInvalidResponse"],
    ["a bearer confirmation for another ACS (recipient)", "wrongRecipient", "SsoInvalidResponse"],
    ["a Response sent to another ACS (destination)", "wrongDestination", "SsoInvalidResponse"],
    ["a response from another IdP (issuer)", "wrongIssuer", "SsoInvalidResponse"],
    ["an expired assertion", "expired", "SsoExpired"],
    ["an assertion not valid yet", "notYetValid", "SsoExpired"],
    ["an unsigned response", "unsigned", "SsoInvalidResponse"],
    ["a signed Response around an unsigned assertion", "signResponseOnly", "SsoInvalidResponse"],
    ["an assertion signed by a key the org does not trust", "otherKey", "SsoInvalidResponse"],
    ["a Response and assertion both signed by an untrusted key", ["signBoth", "otherKey"], "SsoInvalidResponse"],
  ];

  it.each(cases)("refuses %s", async (_name, tweak, reason) => {
    const { requestId } = await startedRequestId(acme);
    expect(await refusal(verify(acme, await responseFor(acme, { tweak, inResponseTo: requestId })))).toBe(reason);
    // A refused response does not use up the sign-in it claims to answer.
    const row = await db.ssoRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(row.consumedAt).toBeNull();
  });

  it("checks the signed assertion's Issuer, not only the unsigned Response's", async () => {
    const response = editResponseXml(await responseFor(acme, { tweak: "wrongIssuer" }), (xml) =>
      xml.replace(/<saml:Issuer>[^<]*<\/saml:Issuer>/, `<saml:Issuer>${idp.entityId}</saml:Issuer>`),
    );
    expect(Buffer.from(response, "base64").toString()).toContain(`<saml:Issuer>${idp.entityId}</saml:Issuer>`);
    expect(await refusal(verify(acme, response))).toBe("SsoInvalidResponse");
  });

  it("refuses a response whose status is not Success, even around a valid assertion", async () => {
    const response = editResponseXml(await responseFor(acme), (xml) =>
      xml.replace("status:Success", "status:Requester"),
    );
    expect(await refusal(verify(acme, response))).toBe("SsoInvalidResponse");
  });

  it("refuses what is not a SAML response: garbage, a DOCTYPE", async () => {
    expect(await refusal(verify(acme, "not base64 at all!"))).toBe("SsoInvalidResponse");
    expect(await refusal(verify(acme, Buffer.from("<html/>").toString("base64")))).toBe("SsoInvalidResponse");
    const withDoctype = editResponseXml(await responseFor(acme), (xml) => `<!DOCTYPE r [<!ENTITY x "y">]>${xml}`);
    expect(await refusal(verify(acme, withDoctype))).toBe("SsoInvalidResponse");
  });

  it.each(XSW_VARIANTS)("refuses signature wrapping %s (the attacker's identity never comes out)", async (variant) => {
    const response = await responseFor(acme, { tweak: variant });
    const xml = Buffer.from(response, "base64").toString("utf8");
    expect(xml).toContain(XSW_ATTACKER.nameId);
    expect(xml).toContain(ADA.nameId);
    expect(await refusal(verify(acme, response))).toBe("SsoInvalidResponse");
  });
});

describe("signed responses and encrypted assertions", () => {
  it("requires the Response to be signed too when the org asks for it", async () => {
    const strict = await createSamlTenant(idp, { settings: { wantResponseSigned: true } });
    expect(await refusal(verify(strict, await responseFor(strict)))).toBe("SsoInvalidResponse");
    const identity = await verify(strict, await responseFor(strict, { tweak: "signBoth" }));
    expect(identity.email).toBe(ADA.email);
  });

  it("decrypts an assertion encrypted to the org's certificate, through the browser flow", async () => {
    const sealed = await createSamlTenant(idp, { settings: { encryptedAssertions: true } });
    const { redirectUrl } = await startedRequestId(sealed, "/o/sealed");
    const posted = await signInAtIdp(redirectUrl, { email: ADA.email, password: ADA.password });
    const xml = Buffer.from(posted.samlResponse, "base64").toString("utf8");
    expect(xml).toContain("EncryptedAssertion");
    expect(xml).not.toContain(ADA.nameId);
    const identity = await verify(sealed, posted.samlResponse, posted.relayState);
    expect(identity).toMatchObject({ email: ADA.email, groups: ADA.groups, callbackUrl: "/o/sealed" });
  });

  it("decrypts an encrypted assertion in a signed Response", async () => {
    const sealed = await createSamlTenant(idp, { settings: { encryptedAssertions: true, wantResponseSigned: true } });
    const identity = await verify(sealed, await responseFor(sealed, { tweak: ["encrypted", "signBoth"] }));
    expect(identity.subject).toBe(ADA.nameId);
  });

  it("refuses an encrypted assertion when the org did not ask for encryption (no key to open it)", async () => {
    const sealed = await createSamlTenant(idp, { settings: { encryptedAssertions: true } });
    const response = await responseFor(sealed, { tweak: "encrypted" });
    const plain = {
      ...sealed,
      conn: { ...sealed.conn, settings: { ...sealed.conn.settings, encryptedAssertions: false } },
    };
    expect(await refusal(verify(plain, response))).toBe("SsoInvalidResponse");
  });
});

describe("one org's IdP never signs anyone into another org", () => {
  it("refuses a response for org A posted to org B's ACS, with the same IdP", async () => {
    const other = await createSamlTenant(idp);
    expect(await refusal(verify(other, await responseFor(acme)))).toBe("SsoInvalidResponse");
  });

  it("refuses org A's IdP answering for org B, whose IdP is another one", async () => {
    const idpB = await startFakeSamlIdp({ users: [ADA] });
    try {
      const orgB = await createSamlTenant(idpB, { allowIdpInitiated: true });
      // A's IdP signs an assertion that names B's SP, ACS and even B's IdP as issuer: wrong key.
      const { requestId } = await startedRequestId(orgB);
      const forged = await idp.issueResponse({
        user: ADA,
        spEntityId: orgB.endpoints.samlEntityId,
        acsUrl: orgB.endpoints.samlAcs,
        inResponseTo: requestId,
      });
      expect(await refusal(verify(orgB, forged))).toBe("SsoInvalidResponse");
      const relabelled = editResponseXml(forged, (xml) => xml.replaceAll(idp.entityId, idpB.entityId));
      expect(await refusal(verify(orgB, relabelled))).toBe("SsoInvalidResponse");
    } finally {
      await idpB.close();
    }
  });
});
