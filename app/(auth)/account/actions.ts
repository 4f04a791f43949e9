"use server";

import { getSessionUser } from "@/lib/auth/session";
import { revokeUserSessions } from "@/lib/auth/session-user";
import { fail, ok, type TActionResult } from "@/lib/server/action-result";

/** Ends every session of the signed-in user, in every browser; the caller then signs out here. */
export async function signOutEverywhereAction(): Promise<TActionResult<null>> {
  const user = await getSessionUser();
  if (!user) return fail("unauthorized", "Please sign in.");
  await revokeUserSessions(user.id);
  return ok(null);
}
