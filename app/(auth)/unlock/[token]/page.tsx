import type { Metadata } from "next";
import { UnlockSignInForm } from "@/components/auth/unlock-sign-in-form";
import { unlockSignInAction } from "./actions";

export const dynamic = "force-dynamic";

// The link holds a secret: keep it out of the Referer header of anything this page links to.
export const metadata: Metadata = { title: "Unlock sign-in", referrer: "no-referrer" };

// Opening the link changes nothing (mail scanners open links too): the button does.
export default async function UnlockSignInPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return (
    <>
      <h1 className="text-xl font-semibold text-slate-900">Unlock sign-in</h1>
      <p className="mt-1 text-sm text-slate-500">
        Sign-ins to your account were paused after too many failed attempts. Lift the pause to sign in now.
      </p>
      <UnlockSignInForm action={unlockSignInAction} token={token} />
    </>
  );
}
