"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { clientIpOf } from "@/lib/auth/client-ip";
import { revokeUserSessions } from "@/lib/auth/session-user";
import { unlockSignIn } from "@/lib/auth/sign-in-unlock";
import { acceptInvitation, acceptInvitationWithNewAccount } from "@/lib/orgs/accept-invitation";
import { ZAcceptAsUser, ZAcceptWithNewAccount, ZFinishSignUp, ZInvitationSecret, ZSignUp } from "@/lib/orgs/schemas";
import { confirmSignUp, requestSignUp } from "@/lib/orgs/sign-up";
import { appBaseUrl } from "@/lib/server/app-url";
import { fail, fromZodError } from "@/lib/server/action-result";
import { publicAction, userAction } from "@/lib/api/action";

// Joining: sign-up and invitations, before the caller belongs to the org they join.

/** Mails a link to finish signing up; the answer is the same whether or not the email has an account. */
export const signUpAction = publicAction({ input: ZSignUp }, async ({ input }) => {
  await requestSignUp(input, { clientIp: clientIpOf(await headers()), origin: await appBaseUrl() });
  return { email: input.email };
});

/** The emailed link's page: creates the account and organization; the form then signs in. */
export const finishSignUpAction = publicAction(
  {
    input: ZFinishSignUp,
    onInvalid: (error) =>
      error.issues.some((i) => i.path[0] === "token")
        ? fail("not_found", "This link is not valid.")
        : fromZodError(error),
  },
  ({ input }) => confirmSignUp(input.token, input.password),
);

/** Lifts an account's sign-in lock with the single-use link mailed to it. */
export const unlockSignInAction = publicAction(
  {
    input: z.object({ token: ZInvitationSecret }),
    onInvalid: () => fail("not_found", "This unlock link is not valid, was already used or has expired."),
  },
  async ({ input }) => {
    await unlockSignIn(input.token);
    return null;
  },
);

/** Ends every session of the signed-in user, in every browser; the caller then signs out here. */
export const signOutEverywhereAction = userAction({}, async ({ user }) => {
  await revokeUserSessions(user.id);
  return null;
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
