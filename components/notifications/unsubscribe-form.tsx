"use client";

import type { TUnsubscribeView } from "@/lib/notifications/unsubscribe";
import { Alert } from "@/components/ui/alert";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm, type TFormAction } from "@/components/ui/use-action-form";

const scopeOf = (view: TUnsubscribeView) =>
  view.teamName ? `${view.teamName} in ${view.orgName}` : (view.orgName ?? "Bumpers");

/** What will stop, one button, then what stopped. */
export function UnsubscribeForm({
  action,
  token,
  view,
}: {
  action: TFormAction<TUnsubscribeView>;
  token: string;
  view: TUnsubscribeView;
}) {
  const { state, dispatch, pending, formError } = useActionForm(action);
  const current = state?.ok ? state.data : view;
  if (current.state === "gone") {
    return (
      <>
        <h1 className="text-xl font-semibold text-slate-900">Nothing to unsubscribe from</h1>
        <p className="mt-2 text-sm text-slate-600">
          This subscription was deleted, so no more mail is sent for it{current.address ? ` to ${current.address}` : ""}
          .
        </p>
      </>
    );
  }
  if (current.state === "unsubscribed") {
    return (
      <>
        <h1 className="text-xl font-semibold text-slate-900">
          {state?.ok ? "You are unsubscribed" : "You are already unsubscribed"}
        </h1>
        <Alert tone="success" className="mt-4">
          {current.address} gets no more mail from “{current.name}” ({scopeOf(current)}).
        </Alert>
        <p className="mt-4 text-sm text-slate-600">
          Changed your mind? An admin of the organization can add the address again, or subscribe yourself under My
          notifications after signing in.
        </p>
      </>
    );
  }
  return (
    <form action={dispatch} className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold text-slate-900">Unsubscribe from “{current.name}”?</h1>
        <p className="mt-2 text-sm text-slate-600">
          <span className="font-medium text-slate-900">{current.address}</span> will no longer get the “{current.name}”
          mails of {scopeOf(current)}. Other subscriptions and other recipients are not changed.
        </p>
      </div>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <HiddenFields values={{ token }} />
      <SubmitButton className="w-full" pending={pending} pendingLabel="Unsubscribing…">
        Unsubscribe
      </SubmitButton>
    </form>
  );
}
