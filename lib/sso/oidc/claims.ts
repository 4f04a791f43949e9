import { z } from "zod";
import { SsoError } from "../errors";

// Who the person is, read from an ID token's claims (and userinfo's, when the ID token leaves
// something out). Pure, so every shape providers send is unit-tested: Okta and Keycloak put
// `groups` in the token as a list, some IdPs send a single string, Keycloak roles sit at a dotted
// path (`realm_access.roles`), Auth0 uses namespaced URIs as claim names, and Entra ID replaces a
// long group list with a reference to Microsoft Graph ("groups overage").

export type TClaims = Record<string, unknown>;

export type TIdentityClaims = { subject: string; email: string; name: string; groups: string[] };

const MAX_GROUPS = 1000;
/** A mapping's group name has at most this many characters (ZGroupMapping); longer ones map to nothing. */
const MAX_GROUP_NAME = 256;
const MAX_NAME = 200;

const ZEmail = z.email().max(320);

const invalid = (detail: string) => new SsoError("SsoInvalidResponse", detail);

/** The claim `name`: the exact key first, then, for a dotted name that is not a URI, a path into nested objects. */
export function claimValue(claims: TClaims, name: string): unknown {
  if (Object.hasOwn(claims, name)) return claims[name];
  if (!name.includes(".") || name.includes("://")) return undefined;
  let current: unknown = claims;
  for (const part of name.split(".")) {
    if (typeof current !== "object" || current === null || Array.isArray(current)) return undefined;
    if (!Object.hasOwn(current, part)) return undefined;
    current = (current as TClaims)[part];
  }
  return current;
}

/**
 * The groups claim as a list of names, or undefined when the claims do not carry it (then
 * userinfo is asked). A single string is one group; anything but strings is refused, since
 * guessing would change someone's access.
 */
export function readGroups(claims: TClaims, groupsClaim: string): string[] | undefined {
  const value = claimValue(claims, groupsClaim);
  if (value === undefined || value === null) return undefined;
  const list = typeof value === "string" ? [value] : value;
  if (!Array.isArray(list) || list.some((g) => typeof g !== "string")) {
    throw invalid(`The "${groupsClaim}" claim is neither a string nor a list of strings.`);
  }
  if (list.length > MAX_GROUPS) throw invalid(`The "${groupsClaim}" claim lists more than ${MAX_GROUPS} groups.`);
  const names = (list as string[]).map((g) => g.trim()).filter((g) => g !== "" && g.length <= MAX_GROUP_NAME);
  return [...new Set(names)];
}

/** Entra ID's overage: too many groups for a token, so it names a Graph query instead of them. */
function groupsOverage(claims: TClaims, groupsClaim: string): boolean {
  const names = claims._claim_names;
  return typeof names === "object" && names !== null && Object.hasOwn(names, groupsClaim);
}

/** Whether userinfo must be read: the ID token lacks the email or the groups. */
export function needsUserinfo(claims: TClaims, groupsClaim: string): boolean {
  return claims.email === undefined || readGroups(claims, groupsClaim) === undefined;
}

function displayName(claims: TClaims, email: string): string {
  const pick = (v: unknown) => (typeof v === "string" ? v.trim() : "");
  const name = pick(claims.name) || [pick(claims.given_name), pick(claims.family_name)].filter(Boolean).join(" ");
  return (name || email).slice(0, MAX_NAME);
}

/** The person behind `claims`, or SsoError SsoInvalidResponse saying what is missing or refused. */
export function identityFromClaims(claims: TClaims, groupsClaim: string): TIdentityClaims {
  const subject = claims.sub;
  if (typeof subject !== "string" || subject.trim() === "") throw invalid("The ID token has no subject (sub).");

  // Some IdPs (Cognito) send booleans as strings.
  const verified = claims.email_verified;
  if (verified === false || verified === "false") {
    throw invalid("The identity provider says the email address is not verified (email_verified: false).");
  }
  const parsedEmail = ZEmail.safeParse(
    typeof claims.email === "string" ? claims.email.trim().toLowerCase() : undefined,
  );
  if (!parsedEmail.success) {
    throw invalid(
      claims.email === undefined
        ? "Neither the ID token nor userinfo has an email claim; request the email scope."
        : "The email claim is not an email address.",
    );
  }
  const email = parsedEmail.data;

  const groups = readGroups(claims, groupsClaim);
  if (groups === undefined && groupsOverage(claims, groupsClaim)) {
    throw invalid(
      `The identity provider sent a reference instead of the "${groupsClaim}" claim (too many groups for a token); ` +
        "limit the groups sent to this application (Entra ID: groups assigned to the application).",
    );
  }
  return { subject, email, name: displayName(claims, email), groups: groups ?? [] };
}
