import "server-only";
import { z } from "zod";
import { ssoEndpoints, type TSamlConnection } from "../connections";
import { SsoError } from "../errors";
import { acceptOnce, consumeSsoRequest } from "../requests";
import type { TVerifiedIdentity } from "../types";
import { checkAssertion, checkResponseEnvelope, type TCheckedAssertion } from "./assertion-checks";
import { samlFor } from "./sp";
import { parseSamlXml } from "./xml";

// The ACS's verification of an IdP's POSTed SAMLResponse, in this order:
// 1. node-saml: the signatures against the org's IdP certificates (the assertion's always, the
//    Response's too when the org wants it), with xml-crypto's wrapping protections; decryption;
//    times and audience.
// 2. Ours, on the signed assertion it returns (assertion-checks.ts): issuer, Destination,
//    Recipient, times with a bounded skew, audience, the signed InResponseTo.
// 3. The database: the assertion ID is accepted once per org (replay), and InResponseTo must name
//    a sign-in this org started and has not finished; without one, only if the org allows
//    IdP-initiated sign-in. RelayState plays no part: where to go comes from our own request row.

const ZSamlResponse = z
  .string()
  .trim()
  .min(1)
  .regex(/^[A-Za-z0-9+/=\r\n]+$/, { error: "SAMLResponse is not base64" });

const MAX_GROUPS = 1000;

/** Messages of node-saml that are about time, which the person can fix by signing in again. */
const TIME_PROBLEM = /expired|not yet valid|too old/i;

async function verifiedAssertionXml(conn: TSamlConnection, origin: string, samlResponse: string): Promise<string> {
  try {
    const { profile } = await samlFor(conn, origin).validatePostResponseAsync({ SAMLResponse: samlResponse });
    if (!profile) throw new Error("the message is not a sign-in response");
    return profile.getAssertionXml?.() ?? "";
  } catch (err) {
    if (err instanceof SsoError) throw err;
    const message = (err as Error).message ?? String(err);
    throw new SsoError(TIME_PROBLEM.test(message) ? "SsoExpired" : "SsoInvalidResponse", `node-saml: ${message}`);
  }
}

function identityClaims(conn: TSamlConnection, checked: TCheckedAssertion) {
  const { settings } = conn;
  const first = (name: string) => checked.attributes.get(name)?.[0];
  const emailCandidate = first(settings.emailAttribute) ?? checked.nameId;
  const email = z.email().safeParse(emailCandidate.trim().toLowerCase());
  if (!email.success) {
    throw new SsoError(
      "SsoInvalidResponse",
      `no email: attribute ${settings.emailAttribute} is absent and the NameID is not an email address`,
    );
  }
  const groups = [...new Set((checked.attributes.get(settings.groupsAttribute) ?? []).map((g) => g.trim()))]
    .filter((g) => g.length > 0)
    .slice(0, MAX_GROUPS);
  const name = first(settings.nameAttribute)?.trim() || email.data;
  return { email: email.data, name, groups };
}

/**
 * Verifies a SAMLResponse POSTed to the org's ACS and returns who signed in, or throws SsoError
 * (the reason is shown to the person, the detail only logged).
 */
export async function verifySamlResponse(
  conn: TSamlConnection,
  opts: { samlResponse: string; relayState: string | null; origin: string },
): Promise<TVerifiedIdentity> {
  const parsed = ZSamlResponse.safeParse(opts.samlResponse);
  if (!parsed.success) throw new SsoError("SsoInvalidResponse", "SAMLResponse is missing or not base64");
  const samlResponse = parsed.data.replace(/[\r\n]/g, "");
  const response = parseSamlXml(Buffer.from(samlResponse, "base64").toString("utf8"));
  if (!response) throw new SsoError("SsoInvalidResponse", "SAMLResponse is not well-formed XML (or has a DOCTYPE)");

  const endpoints = ssoEndpoints(opts.origin, conn.org.slug);
  const expected = {
    idpEntityId: conn.settings.idpEntityId,
    spEntityId: endpoints.samlEntityId,
    acsUrl: endpoints.samlAcs,
    now: Date.now(),
  };
  // Cheap checks of the envelope first: a response meant for another SP fails before any crypto.
  const envelope = checkResponseEnvelope(response, expected);
  const assertion = parseSamlXml(await verifiedAssertionXml(conn, opts.origin, samlResponse));
  if (!assertion) throw new SsoError("SsoInvalidResponse", "the signed assertion could not be read");
  const checked = checkAssertion(assertion, expected);

  // The Response's InResponseTo is not covered by the assertion's signature: it must agree with
  // the signed one, and cannot stand in for it (that would turn an IdP-initiated assertion into
  // an answer to a request an attacker started).
  if (envelope.inResponseTo !== null && envelope.inResponseTo !== checked.inResponseTo) {
    throw new SsoError(
      "SsoInvalidResponse",
      `Response InResponseTo ${envelope.inResponseTo} differs from the assertion's ${checked.inResponseTo}`,
    );
  }
  if (checked.inResponseTo === null && !conn.allowIdpInitiated) {
    throw new SsoError("SsoIdpInitiatedOff", `org ${conn.org.slug}: IdP-initiated sign-in is off`);
  }
  const claims = identityClaims(conn, checked);
  if (!(await acceptOnce(conn.org.id, `saml:${checked.assertionId}`, checked.replayUntil))) {
    throw new SsoError("SsoReplayed", `assertion ${checked.assertionId} was already used`);
  }
  let callbackUrl = "/";
  if (checked.inResponseTo !== null) {
    const request = await consumeSsoRequest(checked.inResponseTo, {
      orgId: conn.org.id,
      protocol: "saml",
      browserSecret: null,
    });
    if (!request) {
      throw new SsoError(
        "SsoExpired",
        `InResponseTo ${checked.inResponseTo}: no sign-in of org ${conn.org.slug} in flight with that ID (unknown, used, expired or another org's)`,
      );
    }
    callbackUrl = request.callbackUrl;
  }
  return {
    orgId: conn.org.id,
    protocol: "saml",
    subject: checked.nameId,
    ...claims,
    callbackUrl,
  };
}
