import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { authOptions } from "./options";
import { sessionUserFor, type TSessionUser } from "./session-user";

export type { TSessionUser } from "./session-user";

/**
 * The signed-in user, read from the database once per request; null when signed out, deleted, or
 * when the session was revoked (sign out everywhere) after it was issued.
 */
export const getSessionUser = cache(async (): Promise<TSessionUser | null> => {
  const session = await getServerSession(authOptions());
  return sessionUserFor(session?.user);
});

export async function requireUser(): Promise<TSessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  return user;
}
