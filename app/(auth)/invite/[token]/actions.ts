"use server";

import { getSessionUser } from "@/lib/auth/session";
import { acceptInvitation, acceptInvitationWithNewAccount } from "@/lib/orgs/accept-invitation";
import { ZAcceptAsUser, ZAcceptWithNewAccount } from "@/lib/orgs/schemas";
import { fail, fromError, fromZodError, ok, type TActionResult } from "@/lib/server/action-result";

/** A signed-in user accepts an invitation addressed to their email. */
export async function acceptInvitationAction(
  _prev: unknown,
  form: FormData,
): Promise<TActionResult<{ orgSlug: string }>> {
  const user = await getSessionUser();
  if (!user) return fail("unauthorized", "Please sign in to accept this invitation.");
  const parsed = ZAcceptAsUser.safeParse(Object.fromEntries(form));
  if (!parsed.success) return fail("not_found", "This invitation link is not valid.");
  try {
    return ok(await acceptInvitation(parsed.data.token, user));
  } catch (err) {
    return fromError(err);
  }
}

/** Someone without an account sets their name and password and joins in one step. */
export async function joinWithNewAccountAction(
  _prev: unknown,
  form: FormData,
): Promise<TActionResult<{ orgSlug: string; email: string }>> {
  const parsed = ZAcceptWithNewAccount.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    if (parsed.error.issues.some((i) => i.path[0] === "token")) {
      return fail("not_found", "This invitation link is not valid.");
    }
    return fromZodError(parsed.error);
  }
  try {
    return ok(await acceptInvitationWithNewAccount(parsed.data.token, parsed.data));
  } catch (err) {
    return fromError(err);
  }
}
