import type { TSsoProtocol } from "./schemas";

/**
 * What a protocol module (lib/sso/oidc, lib/sso/saml) hands over once an IdP response passed every
 * check: signature, issuer, audience, time, replay, the request it answers. From here on the
 * sign-in is the same for both protocols (lib/sso/sign-in).
 */
export type TVerifiedIdentity = {
  orgId: string;
  protocol: TSsoProtocol;
  /** The IdP's stable id of the person (OIDC `sub`, SAML NameID). */
  subject: string;
  /** Lower-cased. */
  email: string;
  name: string;
  /** Group names as the IdP sent them. */
  groups: string[];
  /** Where to go after signing in: a path on this site (already checked by safeCallbackUrl). */
  callbackUrl: string;
};

/** Why a sign-in through SSO was refused, as the sign-in page explains it (?error=Sso…). */
export type TSsoFailure =
  | "SsoNotConfigured"
  | "SsoInvalidResponse"
  | "SsoExpired"
  | "SsoReplayed"
  | "SsoDomainNotClaimed"
  | "SsoNoAccount"
  | "SsoIdpInitiatedOff";
