import type { Metadata, Route } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { getSessionUser } from "@/lib/auth/session";
import { enabledOAuthProviders } from "@/lib/auth/options";
import { env } from "@/lib/server/env";
import { LoginForm } from "@/components/auth/login-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: PageProps<"/login">) {
  // A repeated parameter arrives as a list: only a single value is a callback or an error code.
  const { callbackUrl, error } = await searchParams;
  const safeCallback = safeCallbackUrl(callbackUrl, env().NEXTAUTH_URL);
  // An error is shown even to someone signed in: a refused SSO sign-in must not bounce back to the
  // page that sent them to their IdP (and round again).
  if ((await getSessionUser()) && typeof error !== "string") redirect(safeCallback as Route);
  return (
    <>
      <h1 className="text-xl font-semibold text-slate-900">Sign in</h1>
      <p className="mt-1 text-sm text-slate-500">Welcome back. Sign in to see your team&apos;s clusters.</p>
      <LoginForm
        callbackUrl={safeCallback}
        providers={enabledOAuthProviders()}
        initialError={typeof error === "string" ? error : undefined}
      />
      {env().BUMPERS_DEMO_SSO_EMAIL ? (
        <p className="mt-6 rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-slate-700">
          <span className="font-medium">Demo single sign-on:</span> enter{" "}
          <span className="font-mono">{env().BUMPERS_DEMO_SSO_EMAIL}</span>, continue with Acme&apos;s single sign-on,
          and sign in at the local identity provider with the demo password. The first sign-in creates the account and
          puts it on the Payments team.
        </p>
      ) : null}
      <p className="mt-6 text-center text-sm text-slate-500">
        New to Bumpers?{" "}
        <Link href="/signup" className="font-medium text-brand-600 hover:text-brand-700">
          Create an organization
        </Link>
      </p>
    </>
  );
}
