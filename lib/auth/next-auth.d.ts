import "next-auth";
import "next-auth/jwt";
import type { TSessionSso } from "./session-user";

// The session exposes only the user id, the session version it was issued with and how it was
// opened; everything else is read from the database per request.
declare module "next-auth" {
  interface Session {
    user: { id: string; sv: number; amr?: "password" | "oauth" | "sso"; sso?: TSessionSso };
  }

  interface User {
    /** Set by the "sso" provider: the org whose IdP signed the person in. */
    ssoOrgId?: string;
    /** Set by the "sso" provider: end of the session (epoch seconds), or null for the install's default. */
    ssoUntil?: number | null;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    /** The user's session version at sign-in (lib/auth/session-user.ts). */
    sv?: number;
    /** How the session was opened; absent on cookies issued before this was recorded. */
    amr?: "password" | "oauth" | "sso";
    /** For a sign-in through an org's SSO: the org id and the end of the session (epoch seconds). */
    sso?: TSessionSso;
  }
}
