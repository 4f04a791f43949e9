import type { TSsoFailure } from "@/lib/sso/types";

// What the sign-in page says for the `?error=` codes that reach it: next-auth's own, ours, and why
// a sign-in through an organization's single sign-on was refused (lib/sso/types.ts).

const SSO_ERROR_TEXT: Record<TSsoFailure | "SsoRequired", string> = {
  SsoNotConfigured:
    "Single sign-on is not set up for this organization. Sign in another way, or ask an owner to set it up.",
  SsoInvalidResponse:
    "Your identity provider's answer could not be verified, so you were not signed in. Try again; if it keeps happening, tell an owner of your organization.",
  SsoExpired: "The sign-in through your identity provider took too long and expired. Please try again.",
  SsoReplayed: "That sign-in was already used. Please sign in again.",
  SsoDomainNotClaimed:
    "Your email address is not in a domain this organization's single sign-on is set up for. Ask an owner to claim the domain.",
  SsoNoAccount:
    "Your identity provider signed you in, but you have no access to this organization in Bumpers. Ask an owner to invite you or to map your groups.",
  SsoIdpInitiatedOff:
    "Signing in from your identity provider's app list is turned off for this organization. Enter your email here and continue with single sign-on.",
  SsoRequired: "This organization requires signing in through its single sign-on.",
};

const ERROR_TEXT: Record<string, string> = {
  CredentialsSignin: "That email and password do not match an account.",
  OAuthNoEmail: "Your provider did not share an email address, so we cannot sign you in.",
  OAuthAccountNotLinked: "This email already signs in another way.",
  RateLimited: "Too many sign-in attempts from your network. Wait a minute, then try again.",
  ...SSO_ERROR_TEXT,
};

/** A sentence for an error code; a message with spaces (our throttle's) is shown as it came. */
export function describeSignInError(error: string | undefined | null): string | null {
  if (!error) return null;
  return ERROR_TEXT[error] ?? (error.includes(" ") ? error : "Sign-in failed. Please try again.");
}
