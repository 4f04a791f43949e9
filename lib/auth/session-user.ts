import "server-only";
import { db } from "@/lib/server/db";

// Sessions are stateless JWTs, so signing out in one browser cannot delete the cookie in another.
// Each user has a session version instead: the JWT carries the version at sign-in, every request
// compares it with the database (in the same read that loads the user, so it costs nothing extra),
// and incrementing it revokes every session issued before at once.

export type TSessionUser = { id: string; email: string; name: string };

/** What the session callback exposes from the JWT: the user id and the version at sign-in. */
export type TSessionClaims = { id?: string | null; sv?: number | null } | null | undefined;

/** The signed-in user for these claims; null when the user is gone or the session was revoked. */
export async function sessionUserFor(claims: TSessionClaims): Promise<TSessionUser | null> {
  const id = claims?.id;
  if (!id) return null;
  const user = await db.user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, sessionVersion: true },
  });
  // Cookies from before session versions existed carry none: they count as version 0.
  if (!user || user.sessionVersion !== (claims.sv ?? 0)) return null;
  return { id: user.id, email: user.email, name: user.name };
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
