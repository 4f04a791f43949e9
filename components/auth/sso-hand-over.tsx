"use client";

import type { Route } from "next";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { Alert } from "@/components/ui/alert";
import { safeCallbackUrl } from "@/lib/auth/callback-url";

/**
 * Hands the sign-in ticket (an HttpOnly cookie the browser sends by itself) to next-auth's "sso"
 * provider as soon as the page is shown, then goes where the sign-in was headed.
 */
export function SsoHandOver({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [failed, setFailed] = useState(false);
  // The ticket works once: React's development double effect must not spend it twice.
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void signIn("sso", { callbackUrl, redirect: false }).then((result) => {
      if (!result || result.error) {
        setFailed(true);
        return;
      }
      router.replace(safeCallbackUrl(callbackUrl, window.location.origin) as Route);
      router.refresh();
    });
  }, [callbackUrl, router]);

  if (failed) return <SsoHandOverFailed />;
  return (
    <p role="status" className="mt-4 flex items-center gap-2 text-sm text-slate-600">
      <span className="size-4 animate-spin rounded-full border-2 border-slate-400 border-t-transparent" aria-hidden />
      Signing you in…
    </p>
  );
}

export function SsoHandOverFailed() {
  return (
    <div className="mt-4 space-y-4">
      <Alert tone="error">
        We could not finish signing you in: this sign-in expired or was already used. Please sign in again.
      </Alert>
      <p className="text-sm">
        <Link href="/login" className="font-medium text-brand-600 hover:text-brand-700">
          Back to sign in
        </Link>
      </p>
    </div>
  );
}
