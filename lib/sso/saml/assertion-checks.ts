import type { Element } from "@xmldom/xmldom";
import { SsoError } from "../errors";
import { SAML_CLOCK_SKEW_MS, SAML_MAX_ASSERTION_AGE_MS } from "./sp";
import {
  attributeOf,
  childrenOf,
  isElement,
  onlyChild,
  SAML_ASSERTION_NS as A,
  SAML_PROTOCOL_NS as P,
  textOf,
} from "./xml";

// Our own reading of a response node-saml has verified, over the SIGNED assertion it hands back
// (never over the unsigned document around it). node-saml checks the signatures, Conditions times
// and the audience; we check them again with our bounds and add what it leaves out with
// validateInResponseTo "never": the issuer, the Response's Destination and status, the bearer
// SubjectConfirmation (Recipient, NotOnOrAfter, InResponseTo), the assertion's age. Pure: the
// database steps (request, replay) come after, in acs.ts.

const BEARER = "urn:oasis:names:tc:SAML:2.0:cm:bearer";
const SUCCESS = "urn:oasis:names:tc:SAML:2.0:status:Success";
const TRANSIENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:transient";

export type TExpected = { idpEntityId: string; spEntityId: string; acsUrl: string; now: number };

export type TCheckedAssertion = {
  assertionId: string;
  nameId: string;
  /** The signed InResponseTo (bearer SubjectConfirmationData); null for IdP-initiated. */
  inResponseTo: string | null;
  /** Until when the assertion could still be accepted: the replay guard keeps its ID that long. */
  replayUntil: Date;
  /** Attribute values by Name (and by FriendlyName, which some IdPs use for the readable name). */
  attributes: Map<string, string[]>;
};

const invalid = (detail: string) => new SsoError("SsoInvalidResponse", detail);

function timeOf(el: Element, name: string): number | null {
  const raw = attributeOf(el, name);
  if (raw === null) return null;
  const ms = Date.parse(raw);
  if (Number.isNaN(ms)) throw invalid(`${el.localName}@${name} is not a date: ${raw}`);
  return ms;
}

/** The Response around the assertion: its Issuer, Destination and status, when present. */
export function checkResponseEnvelope(response: Element, expected: TExpected): { inResponseTo: string | null } {
  if (!isElement(response, P, "Response")) throw invalid("the message is not a SAML Response");
  const issuer = onlyChild(response, A, "Issuer");
  if (issuer && textOf(issuer) !== expected.idpEntityId) {
    throw invalid(`Response Issuer ${textOf(issuer)} is not the configured IdP ${expected.idpEntityId}`);
  }
  const destination = attributeOf(response, "Destination");
  if (destination !== null && destination !== expected.acsUrl) {
    throw invalid(`Response Destination ${destination} is not our ACS ${expected.acsUrl}`);
  }
  const status = onlyChild(response, P, "Status");
  const code = status ? attributeOf(onlyChild(status, P, "StatusCode"), "Value") : null;
  if (code !== SUCCESS) throw invalid(`Response status is ${code ?? "missing"}`);
  return { inResponseTo: attributeOf(response, "InResponseTo") };
}

/** The first bearer SubjectConfirmation for us that is still valid; the reason otherwise. */
function bearerConfirmation(subject: Element, expected: TExpected): { inResponseTo: string | null; until: number } {
  const { now } = expected;
  const problems: SsoError[] = [];
  for (const confirmation of childrenOf(subject, A, "SubjectConfirmation")) {
    if (attributeOf(confirmation, "Method") !== BEARER) continue;
    const data = onlyChild(confirmation, A, "SubjectConfirmationData");
    if (!data) {
      problems.push(invalid("bearer SubjectConfirmation without SubjectConfirmationData"));
      continue;
    }
    const recipient = attributeOf(data, "Recipient");
    const notOnOrAfter = timeOf(data, "NotOnOrAfter");
    const notBefore = timeOf(data, "NotBefore");
    if (recipient !== expected.acsUrl) {
      problems.push(invalid(`SubjectConfirmationData Recipient ${recipient} is not our ACS ${expected.acsUrl}`));
    } else if (notOnOrAfter === null) {
      problems.push(invalid("SubjectConfirmationData has no NotOnOrAfter"));
    } else if (now - SAML_CLOCK_SKEW_MS >= notOnOrAfter) {
      problems.push(
        new SsoError("SsoExpired", `SubjectConfirmationData expired at ${new Date(notOnOrAfter).toISOString()}`),
      );
    } else if (notBefore !== null && now + SAML_CLOCK_SKEW_MS < notBefore) {
      problems.push(
        new SsoError("SsoExpired", `SubjectConfirmationData not valid before ${new Date(notBefore).toISOString()}`),
      );
    } else {
      return { inResponseTo: attributeOf(data, "InResponseTo"), until: notOnOrAfter };
    }
  }
  throw problems[0] ?? invalid("the assertion has no bearer SubjectConfirmation");
}

function checkConditions(assertion: Element, expected: TExpected): number | null {
  const conditions = childrenOf(assertion, A, "Conditions");
  if (conditions.length !== 1) throw invalid(`the assertion has ${conditions.length} Conditions elements`);
  const [c] = conditions;
  const notBefore = timeOf(c, "NotBefore");
  const notOnOrAfter = timeOf(c, "NotOnOrAfter");
  if (notBefore !== null && expected.now + SAML_CLOCK_SKEW_MS < notBefore) {
    throw new SsoError("SsoExpired", `Conditions not valid before ${new Date(notBefore).toISOString()}`);
  }
  if (notOnOrAfter !== null && expected.now - SAML_CLOCK_SKEW_MS >= notOnOrAfter) {
    throw new SsoError("SsoExpired", `Conditions expired at ${new Date(notOnOrAfter).toISOString()}`);
  }
  // Each AudienceRestriction must name us (SAML core 2.5.1.4): one that does not rules us out.
  const restrictions = childrenOf(c, A, "AudienceRestriction");
  if (restrictions.length === 0) throw invalid("the assertion has no AudienceRestriction");
  for (const restriction of restrictions) {
    const audiences = childrenOf(restriction, A, "Audience").map(textOf);
    if (!audiences.includes(expected.spEntityId)) {
      throw invalid(`Audience ${audiences.join(", ")} is not our entity id ${expected.spEntityId}`);
    }
  }
  return notOnOrAfter;
}

function attributesOf(assertion: Element): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const statement of childrenOf(assertion, A, "AttributeStatement")) {
    for (const attribute of childrenOf(statement, A, "Attribute")) {
      const values = childrenOf(attribute, A, "AttributeValue")
        .map(textOf)
        .filter((v): v is string => v !== null);
      for (const key of [attributeOf(attribute, "Name"), attributeOf(attribute, "FriendlyName")]) {
        if (key !== null && !found.has(key)) found.set(key, values);
      }
    }
  }
  return found;
}

/** Checks the signed assertion; throws SsoError with the reason a person can be told. */
export function checkAssertion(assertion: Element, expected: TExpected): TCheckedAssertion {
  if (!isElement(assertion, A, "Assertion")) throw invalid("the signed element is not an Assertion");
  const assertionId = attributeOf(assertion, "ID");
  if (!assertionId) throw invalid("the assertion has no ID");
  const issuer = textOf(onlyChild(assertion, A, "Issuer"));
  if (issuer !== expected.idpEntityId) {
    throw invalid(`Assertion Issuer ${issuer} is not the configured IdP ${expected.idpEntityId}`);
  }
  const issuedAt = timeOf(assertion, "IssueInstant");
  if (issuedAt === null) throw invalid("the assertion has no IssueInstant");
  if (issuedAt > expected.now + SAML_CLOCK_SKEW_MS)
    throw new SsoError("SsoExpired", "the assertion is issued in the future");
  const tooOldAt = issuedAt + SAML_MAX_ASSERTION_AGE_MS;
  if (expected.now - SAML_CLOCK_SKEW_MS >= tooOldAt) throw new SsoError("SsoExpired", "the assertion is too old");

  const subject = onlyChild(assertion, A, "Subject");
  const nameIdElement = subject ? onlyChild(subject, A, "NameID") : null;
  const nameId = textOf(nameIdElement);
  if (!subject || !nameId) throw invalid("the assertion has no Subject NameID");
  // A transient NameID changes at every sign-in: it cannot tie the person to their account.
  if (attributeOf(nameIdElement, "Format") === TRANSIENT) {
    throw invalid("the NameID is transient; configure a persistent, email or username NameID at the IdP");
  }
  const bearer = bearerConfirmation(subject, expected);
  const conditionsUntil = checkConditions(assertion, expected);
  const until = Math.max(bearer.until, conditionsUntil ?? 0, tooOldAt) + SAML_CLOCK_SKEW_MS;
  return {
    assertionId,
    nameId,
    inResponseTo: bearer.inResponseTo,
    replayUntil: new Date(until),
    attributes: attributesOf(assertion),
  };
}
