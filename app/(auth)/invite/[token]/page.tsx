import type { Metadata } from "next";
import { getSessionUser } from "@/lib/auth/session";
import { ORG_ROLE_LABELS, TEAM_ROLE_LABELS } from "@/lib/auth/permissions";
import { getInvitationForLink } from "@/lib/orgs/queries";
import { LinkButton } from "@/components/ui/button";
import { AcceptInvitationButton } from "@/components/members/accept-invitation-button";
import { JoinWithNewAccountForm } from "@/components/members/join-with-new-account-form";
import { SwitchAccountButton } from "@/components/members/switch-account-button";
import { formatDateTime } from "@/components/ui/format";
import { acceptInvitationAction, joinWithNewAccountAction } from "./actions";

export const dynamic = "force-dynamic";

// The link holds a secret: keep it out of the Referer header of anything this page links to.
export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer" };

const PROBLEMS = {
  invalid: {
    title: "This invitation link is not valid",
    text: "Check that you opened the whole link, or ask the person who invited you to send a new one.",
  },
  expired: {
    title: "This invitation has expired",
    text: "Ask the person who invited you, or another admin of the organization, for a new link.",
  },
  revoked: {
    title: "This invitation was revoked",
    text: "It can no longer be used. If you still need access, ask an admin of the organization to invite you again.",
  },
  accepted: {
    title: "This invitation was already used",
    text: "Each invitation link works once. If you accepted it yourself, you are already a member: sign in to continue.",
  },
} as const;

export default async function InvitationPage({ params }: PageProps<"/invite/[token]">) {
  const { token } = await params;
  const [view, user] = await Promise.all([getInvitationForLink(token), getSessionUser()]);

  if (view.status !== "pending") {
    const problem = PROBLEMS[view.status];
    return (
      <>
        <h1 className="text-xl font-semibold text-slate-900">{problem.title}</h1>
        <p className="mt-2 text-sm text-slate-600">{problem.text}</p>
        <div className="mt-6">
          <LinkButton href={user ? "/" : "/login"} variant="secondary" className="w-full">
            {user ? "Go to your dashboard" : "Sign in"}
          </LinkButton>
        </div>
      </>
    );
  }

  const returnTo = `/invite/${encodeURIComponent(token)}`;
  const signedInAsInvitee = user?.email.toLowerCase() === view.email;
  return (
    <>
      <p className="text-sm font-medium text-brand-600">You are invited</p>
      <h1 className="mt-1 text-xl font-semibold text-slate-900">Join {view.org.name} on Bumpers</h1>
      <p className="mt-2 text-sm text-slate-600">
        {view.inviter ? (
          <>
            <span className="font-medium text-slate-900">{view.inviter.name}</span> ({view.inviter.email}) invited
          </>
        ) : (
          "You were invited"
        )}{" "}
        <span className="font-medium text-slate-900">{view.email}</span> to join as{" "}
        <span className="font-medium text-slate-900">{ORG_ROLE_LABELS[view.role].toLowerCase()}</span>
        {view.teamName && view.teamRole ? (
          <>
            , on the <span className="font-medium text-slate-900">{view.teamName}</span> team as{" "}
            {TEAM_ROLE_LABELS[view.teamRole].toLowerCase()}
          </>
        ) : null}
        .
      </p>
      <p className="mt-1 text-xs text-slate-500">The link expires {formatDateTime(view.expiresAt)}.</p>

      {user && !signedInAsInvitee ? (
        <div className="mt-6 space-y-3">
          <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" role="status">
            You are signed in as {user.email}, but this invitation is for {view.email}. Sign out, then open this link
            again to accept it as {view.email}.
          </p>
          <SwitchAccountButton returnTo={returnTo}>Sign out and continue as {view.email}</SwitchAccountButton>
        </div>
      ) : signedInAsInvitee ? (
        <AcceptInvitationButton action={acceptInvitationAction} token={token} />
      ) : view.accountExists ? (
        <div className="mt-6 space-y-2">
          <LinkButton href={`/login?callbackUrl=${encodeURIComponent(returnTo)}`} className="w-full">
            Sign in to accept
          </LinkButton>
          <p className="text-center text-xs text-slate-500">You already have an account with {view.email}.</p>
        </div>
      ) : (
        <JoinWithNewAccountForm action={joinWithNewAccountAction} token={token} email={view.email} />
      )}
    </>
  );
}
