import { describe, expect, it } from "vitest";
import { SsoError } from "../errors";
import type { TSsoFailure } from "../types";
import { checkAssertion, checkResponseEnvelope, type TExpected } from "./assertion-checks";
import { parseSamlXml } from "./xml";

// The checks node-saml leaves to us, on assertions a real IdP would not produce on purpose (the
// signed round trips are in acs.test.ts). Times are given, not read from the clock.

const NOW = Date.parse("2026-12-10T12:00:00Z");
const EXPECTED: TExpected = {
  idpEntityId: "https://idp.example/saml",
  spEntityId: "https://bumpers.example/api/sso/acme/saml/metadata",
  acsUrl: "https://bumpers.example/api/sso/acme/saml/acs",
  now: NOW,
};
const at = (offsetSeconds: number) => new Date(NOW + offsetSeconds * 1000).toISOString();

type TParts = {
  issueInstant?: string;
  nameId?: string;
  subjectConfirmation?: string;
  conditions?: string;
  attributes?: string;
};

function assertion(parts: TParts = {}) {
  const xml =
    `<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_a1" Version="2.0" IssueInstant="${parts.issueInstant ?? at(-5)}">` +
    `<saml:Issuer>https://idp.example/saml</saml:Issuer>` +
    `<saml:Subject>${parts.nameId ?? `<saml:NameID>ada@acme.example</saml:NameID>`}` +
    (parts.subjectConfirmation ??
      `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData NotOnOrAfter="${at(300)}" Recipient="${EXPECTED.acsUrl}" InResponseTo="_r1"/></saml:SubjectConfirmation>`) +
    `</saml:Subject>` +
    (parts.conditions ??
      `<saml:Conditions NotBefore="${at(-60)}" NotOnOrAfter="${at(300)}"><saml:AudienceRestriction><saml:Audience>${EXPECTED.spEntityId}</saml:Audience></saml:AudienceRestriction></saml:Conditions>`) +
    (parts.attributes ?? "") +
    `</saml:Assertion>`;
  const element = parseSamlXml(xml);
  if (!element) throw new Error("test assertion is not XML");
  return element;
}

function reasonOf(fn: () => unknown): TSsoFailure | "accepted" {
  try {
    fn();
    return "accepted";
  } catch (err) {
    if (err instanceof SsoError) return err.reason;
    throw err;
  }
}

const bearer = (data: string) =>
  `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData ${data}/></saml:SubjectConfirmation>`;

describe("checkAssertion", () => {
  it("accepts a well-formed assertion and reads its signed InResponseTo", () => {
    const checked = checkAssertion(assertion(), EXPECTED);
    expect(checked).toMatchObject({ assertionId: "_a1", nameId: "ada@acme.example", inResponseTo: "_r1" });
    // The replay guard outlives every moment the assertion could still be accepted.
    expect(checked.replayUntil.getTime()).toBeGreaterThanOrEqual(NOW + 300_000 + 60_000);
  });

  it("allows a minute of clock skew, not more", () => {
    const confirmation = (seconds: number) => bearer(`NotOnOrAfter="${at(seconds)}" Recipient="${EXPECTED.acsUrl}"`);
    const noConditions = `<saml:Conditions><saml:AudienceRestriction><saml:Audience>${EXPECTED.spEntityId}</saml:Audience></saml:AudienceRestriction></saml:Conditions>`;
    expect(
      reasonOf(() =>
        checkAssertion(assertion({ subjectConfirmation: confirmation(-30), conditions: noConditions }), EXPECTED),
      ),
    ).toBe("accepted");
    expect(
      reasonOf(() =>
        checkAssertion(assertion({ subjectConfirmation: confirmation(-90), conditions: noConditions }), EXPECTED),
      ),
    ).toBe("SsoExpired");
    const future = `<saml:Conditions NotBefore="${at(90)}"><saml:AudienceRestriction><saml:Audience>${EXPECTED.spEntityId}</saml:Audience></saml:AudienceRestriction></saml:Conditions>`;
    expect(reasonOf(() => checkAssertion(assertion({ conditions: future }), EXPECTED))).toBe("SsoExpired");
  });

  it("bounds an assertion's age whatever its NotOnOrAfter says", () => {
    const longLived = bearer(`NotOnOrAfter="${at(86_400)}" Recipient="${EXPECTED.acsUrl}"`);
    const conditions = `<saml:Conditions NotOnOrAfter="${at(86_400)}"><saml:AudienceRestriction><saml:Audience>${EXPECTED.spEntityId}</saml:Audience></saml:AudienceRestriction></saml:Conditions>`;
    const old = assertion({ issueInstant: at(-3600), subjectConfirmation: longLived, conditions });
    expect(reasonOf(() => checkAssertion(old, EXPECTED))).toBe("SsoExpired");
    const fromTheFuture = assertion({ issueInstant: at(600) });
    expect(reasonOf(() => checkAssertion(fromTheFuture, EXPECTED))).toBe("SsoExpired");
  });

  it("needs a bearer confirmation for our ACS with a NotOnOrAfter", () => {
    const holderOfKey = `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:holder-of-key"><saml:SubjectConfirmationData NotOnOrAfter="${at(300)}" Recipient="${EXPECTED.acsUrl}"/></saml:SubjectConfirmation>`;
    expect(reasonOf(() => checkAssertion(assertion({ subjectConfirmation: holderOfKey }), EXPECTED))).toBe(
      "SsoInvalidResponse",
    );
    const noExpiry = bearer(`Recipient="${EXPECTED.acsUrl}"`);
    expect(reasonOf(() => checkAssertion(assertion({ subjectConfirmation: noExpiry }), EXPECTED))).toBe(
      "SsoInvalidResponse",
    );
    // One confirmation for another SP does not spoil a valid one for us.
    const two =
      bearer(`NotOnOrAfter="${at(300)}" Recipient="https://other.example/acs"`) +
      bearer(`NotOnOrAfter="${at(300)}" Recipient="${EXPECTED.acsUrl}"`);
    expect(reasonOf(() => checkAssertion(assertion({ subjectConfirmation: two }), EXPECTED))).toBe("accepted");
  });

  it("refuses when any AudienceRestriction leaves us out", () => {
    const both = `<saml:Conditions><saml:AudienceRestriction><saml:Audience>${EXPECTED.spEntityId}</saml:Audience></saml:AudienceRestriction><saml:AudienceRestriction><saml:Audience>https://other.example</saml:Audience></saml:AudienceRestriction></saml:Conditions>`;
    expect(reasonOf(() => checkAssertion(assertion({ conditions: both }), EXPECTED))).toBe("SsoInvalidResponse");
    expect(reasonOf(() => checkAssertion(assertion({ conditions: "<saml:Conditions/>" }), EXPECTED))).toBe(
      "SsoInvalidResponse",
    );
    expect(reasonOf(() => checkAssertion(assertion({ conditions: "" }), EXPECTED))).toBe("SsoInvalidResponse");
  });

  it("refuses a transient NameID, which could not tie the person to an account", () => {
    const transient = `<saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:transient">_x</saml:NameID>`;
    expect(reasonOf(() => checkAssertion(assertion({ nameId: transient }), EXPECTED))).toBe("SsoInvalidResponse");
    expect(reasonOf(() => checkAssertion(assertion({ nameId: "" }), EXPECTED))).toBe("SsoInvalidResponse");
  });

  it("reads attributes by Name and by FriendlyName, with every value", () => {
    const attributes =
      `<saml:AttributeStatement>` +
      `<saml:Attribute Name="urn:oid:0.9.2342.19200300.100.1.3" FriendlyName="mail"><saml:AttributeValue>a@b.example</saml:AttributeValue></saml:Attribute>` +
      `<saml:Attribute Name="groups"><saml:AttributeValue>x</saml:AttributeValue><saml:AttributeValue>y</saml:AttributeValue></saml:Attribute>` +
      `</saml:AttributeStatement>`;
    const { attributes: found } = checkAssertion(assertion({ attributes }), EXPECTED);
    expect(found.get("mail")).toEqual(["a@b.example"]);
    expect(found.get("urn:oid:0.9.2342.19200300.100.1.3")).toEqual(["a@b.example"]);
    expect(found.get("groups")).toEqual(["x", "y"]);
  });
});

describe("checkResponseEnvelope", () => {
  const response = (attrs: string, inner = "") =>
    parseSamlXml(
      `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ${attrs}>${inner}<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status></samlp:Response>`,
    )!;

  it("accepts a Response without Destination or Issuer (both optional), and checks them when present", () => {
    expect(checkResponseEnvelope(response(`InResponseTo="_r"`), EXPECTED)).toEqual({ inResponseTo: "_r" });
    expect(reasonOf(() => checkResponseEnvelope(response(`Destination="https://other.example/acs"`), EXPECTED))).toBe(
      "SsoInvalidResponse",
    );
    expect(
      reasonOf(() => checkResponseEnvelope(response("", "<saml:Issuer>https://evil.example</saml:Issuer>"), EXPECTED)),
    ).toBe("SsoInvalidResponse");
  });
});
