import "server-only";
import { db } from "@/lib/server/db";

// Sessions are stateless JWTs, so signing out in one browser cannot delete the cookie in another.
// Each user has a session version instead: the JWT carries the version at sign-in, every request
// compares it with the database (in the same read that loads the user, so it costs nothing extra),
// and incrementing it revokes every session issued before at once.
//
// The JWT also says how the session was opened (`amr`) and, for a sign-in through an org's SSO,
// which org and until when (that org's session lifetime). Org access reads that to enforce SSO
// (lib/auth/access.ts): only a session opened through an org's own IdP satisfies its enforcement.

export type TSignInMethod = "password" | "oauth" | "sso" | "unknown";

/** How the session was opened. Cookies issued before this was recorded say "unknown". */
export type TSessionSignIn = { method: TSignInMethod; ssoOrgId: string | null };

export type TSessionUser = { id: string; email: string; name: string; signIn: TSessionSignIn };

/** The JWT's record of how the session was opened (lib/auth/options.ts writes it at sign-in). */
export type TSessionSso = { org: string; until: number | null };

/** What the session callback exposes from the JWT. */
export type TSessionClaims =
  { id?: string | null; sv?: number | null; amr?: string | null; sso?: TSessionSso | null } | null | undefined;

function signInOf(claims: NonNullable<TSessionClaims>): TSessionSignIn {
  if (claims.amr === "sso") {
    return typeof claims.sso?.org === "string"
      ? { method: "sso", ssoOrgId: claims.sso.org }
      : { method: "unknown", ssoOrgId: null };
  }
  if (claims.amr === "password" || claims.amr === "oauth") return { method: claims.amr, ssoOrgId: null };
  return { method: "unknown", ssoOrgId: null };
}

/** True once a session opened through SSO has outlived its org's session lifetime. */
export function ssoSessionExpired(claims: TSessionClaims, now = Date.now()): boolean {
  const until = claims?.amr === "sso" ? claims.sso?.until : null;
  return typeof until === "number" && until * 1000 <= now;
}

/**
 * The signed-in user for these claims; null when the user is gone, the session was revoked, or an
 * SSO session outlived its org's session lifetime.
 */
export async function sessionUserFor(claims: TSessionClaims): Promise<TSessionUser | null> {
  const id = claims?.id;
  if (!id || ssoSessionExpired(claims)) return null;
  const user = await db.user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, sessionVersion: true },
  });
  // Cookies from before session versions existed carry none: they count as version 0.
  if (!user || user.sessionVersion !== (claims.sv ?? 0)) return null;
  return { id: user.id, email: user.email, name: user.name, signIn: signInOf(claims) };
}

/** The version a new session of this user starts with. */
export async function currentSessionVersion(userId: string): Promise<number | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
  return user?.sessionVersion ?? null;
}

/**
 * Ends every session of the user, in every browser, from the next request on. Called by "sign
 * out everywhere"; meant for password changes, account removal and SSO deprovisioning as well.
 */
export async function revokeUserSessions(userId: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
