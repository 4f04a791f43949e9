"use server";

import { unlockSignIn } from "@/lib/auth/sign-in-unlock";
import { ZInvitationSecret } from "@/lib/orgs/schemas";
import { fail, fromError, ok, type TActionResult } from "@/lib/server/action-result";

/** Lifts an account's sign-in lock with the single-use link mailed to it. */
export async function unlockSignInAction(_prev: unknown, form: FormData): Promise<TActionResult<null>> {
  const token = ZInvitationSecret.safeParse(form.get("token"));
  if (!token.success) return fail("not_found", "This unlock link is not valid, was already used or has expired.");
  try {
    await unlockSignIn(token.data);
    return ok(null);
  } catch (err) {
    return fromError(err);
  }
}
