"use client";

import type { TCheckStatus } from "@/lib/sso/config/validation-checks";
import { validateSsoConnectionAction } from "@/lib/sso/actions";
import { Alert } from "@/components/ui/alert";
import { Badge, type TBadgeTone } from "@/components/ui/badge";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";

const STATUS: Record<TCheckStatus, { tone: TBadgeTone; label: string }> = {
  ok: { tone: "green", label: "OK" },
  warning: { tone: "amber", label: "Warning" },
  problem: { tone: "red", label: "Problem" },
};

/** "Validate configuration": each check against the IdP with what it found. */
export function ValidatePanel({ orgSlug, configured }: { orgSlug: string; configured: boolean }) {
  const { state, submit, pending, formError } = useActionForm(validateSsoConnectionAction);
  const result = state?.ok ? state.data : null;
  return (
    <form onSubmit={submit} className="space-y-3">
      <HiddenFields values={{ org: orgSlug }} />
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending} pendingLabel="Checking…" disabled={!configured} variant="secondary">
          Validate configuration
        </SubmitButton>
        {!configured ? (
          <span className="text-xs text-slate-500">Save the identity provider&apos;s settings first.</span>
        ) : null}
      </div>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {result ? (
        <div className="space-y-3" aria-live="polite">
          {result.passed ? (
            <Alert tone="success">
              {result.validatedAt
                ? "Every check passed: single sign-on can be switched on."
                : "Every check passed, but the settings changed meanwhile: validate again."}
            </Alert>
          ) : (
            <Alert tone="error">
              Some checks found a problem: correct the settings or the IdP, then validate again.
            </Alert>
          )}
          <ul className="divide-y divide-slate-100 rounded-md border border-slate-200" data-testid="sso-checks">
            {result.checks.map((check, i) => (
              <li key={i} className="flex items-start gap-3 px-3 py-2 text-sm">
                <Badge tone={STATUS[check.status].tone} className="mt-0.5 w-16 shrink-0 justify-center">
                  {STATUS[check.status].label}
                </Badge>
                <div className="min-w-0">
                  <div className="font-medium text-slate-800">{check.label}</div>
                  <div className="break-words text-xs text-slate-600">{check.detail}</div>
                </div>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </form>
  );
}
