import type { Ref } from "react";
import { buttonClass } from "@/components/ui/button";

export type TSsoOption = { orgName: string; startUrl: string; enforced: boolean };

/** Where the SSO button leads: the org's IdP, then back to `callbackUrl`. */
export const ssoHref = (sso: TSsoOption, callbackUrl: string) =>
  `${sso.startUrl}?callbackUrl=${encodeURIComponent(callbackUrl)}`;

/**
 * The way in for an email whose domain an org's single sign-on answers for. An org that enforces
 * SSO leaves its owners a break-glass password behind a small link.
 */
export function SsoChoice({
  sso,
  callbackUrl,
  passwordShown,
  onShowPassword,
  linkRef,
}: {
  sso: TSsoOption;
  callbackUrl: string;
  passwordShown: boolean;
  onShowPassword: () => void;
  /** The form moves focus to the button once the email's SSO is known. */
  linkRef?: Ref<HTMLAnchorElement>;
}) {
  return (
    <div className="space-y-3">
      {/* A plain link: the start route answers with a redirect to the IdP, not with a page. */}
      <a href={ssoHref(sso, callbackUrl)} className={buttonClass("primary", "md", "w-full")} ref={linkRef}>
        Continue with {sso.orgName} single sign-on
      </a>
      {sso.enforced ? (
        passwordShown ? null : (
          <p className="text-center text-xs text-slate-500">
            <button
              type="button"
              onClick={onShowPassword}
              className="font-medium text-slate-600 underline underline-offset-2 hover:text-slate-900"
            >
              Owner? Sign in with your break-glass password
            </button>
          </p>
        )
      ) : (
        <p className="text-center text-xs text-slate-500">or sign in with your password</p>
      )}
    </div>
  );
}
