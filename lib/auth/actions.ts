"use server";

import { acceptInvitation, acceptInvitationWithNewAccount } from "@/lib/orgs/accept-invitation";
import { ZAcceptAsUser, ZAcceptWithNewAccount, ZSignUp } from "@/lib/orgs/schemas";
import { signUp } from "@/lib/orgs/sign-up";
import { fail, fromZodError } from "@/lib/server/action-result";
import { publicAction, userAction } from "@/lib/server/action";

// Joining: sign-up and invitations, before the caller belongs to the org they join.

/** A new account and its first organization; signUp rate-limits and checks the rest. */
export const signUpAction = publicAction({ input: ZSignUp }, async ({ input }) => {
  const { org } = await signUp(input);
  return { orgSlug: org.slug };
});

const invalidLink = () => fail("not_found", "This invitation link is not valid.");

/** A signed-in user accepts an invitation addressed to their email. */
export const acceptInvitationAction = userAction(
  { input: ZAcceptAsUser, onInvalid: invalidLink, signInMessage: "Please sign in to accept this invitation." },
  ({ input, user }) => acceptInvitation(input.token, user),
);

/** Someone without an account sets their name and password and joins in one step. */
export const joinWithNewAccountAction = publicAction(
  {
    input: ZAcceptWithNewAccount,
    // A broken token is a broken link, not a field to correct.
    onInvalid: (error) => (error.issues.some((i) => i.path[0] === "token") ? invalidLink() : fromZodError(error)),
  },
  ({ input }) => acceptInvitationWithNewAccount(input.token, input),
);
