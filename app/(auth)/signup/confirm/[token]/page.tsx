import type { Metadata } from "next";
import { getSignUpRequestForLink } from "@/lib/orgs/sign-up";
import { ZInvitationSecret } from "@/lib/orgs/schemas";
import { LinkButton } from "@/components/ui/button";
import { FinishSignUpForm } from "@/components/auth/finish-sign-up-form";
import { finishSignUpAction } from "../../actions";

export const dynamic = "force-dynamic";

// The link holds a secret: keep it out of the Referer header of anything this page links to.
export const metadata: Metadata = { title: "Finish signing up", referrer: "no-referrer" };

// Opening the link changes nothing (mail scanners open links too): the form below does.
export default async function FinishSignUpPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const view = ZInvitationSecret.safeParse(token).success
    ? await getSignUpRequestForLink(token)
    : ({ status: "invalid" } as const);
  if (view.status !== "pending") {
    return (
      <>
        <h1 className="text-xl font-semibold text-slate-900">This sign-up link is not valid</h1>
        <p className="mt-2 text-sm text-slate-600">
          It was already used, has expired (links work for 24 hours), or was not copied whole. If your account was
          created, sign in; otherwise sign up again.
        </p>
        <div className="mt-6 flex gap-3">
          <LinkButton href="/login" variant="secondary" className="flex-1">
            Sign in
          </LinkButton>
          <LinkButton href="/signup" variant="secondary" className="flex-1">
            Sign up again
          </LinkButton>
        </div>
      </>
    );
  }
  return (
    <>
      <h1 className="text-xl font-semibold text-slate-900">Create {view.orgName}</h1>
      <p className="mt-1 text-sm text-slate-500">
        Your email address is confirmed. Enter your password to create your account and organization.
      </p>
      <FinishSignUpForm action={finishSignUpAction} token={token} email={view.email} />
    </>
  );
}
