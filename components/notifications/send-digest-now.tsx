"use client";

import type { TFormAction } from "@/components/ui/use-action-form";
import { useActionForm } from "@/components/ui/use-action-form";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { SubmitButton } from "@/components/ui/submit-button";

/**
 * "Send now": the digest of the period up to now, as a preview; its schedule stays as it is. The
 * answer says where to look, since delivery takes a moment (the worker sends it).
 */
export function SendDigestNow({
  action,
  fields,
  name,
  where,
}: {
  action: TFormAction<{ queued: boolean }>;
  fields: Record<string, string>;
  name: string;
  /** Where it arrives: "your inbox", "#payments-alerts". */
  where: string;
}) {
  const { state, pending, submit, formError } = useActionForm(action);
  return (
    <form onSubmit={submit} className="flex flex-wrap items-center gap-2">
      <HiddenFields values={fields} />
      <SubmitButton variant="secondary" size="sm" pending={pending} pendingLabel="Sending…">
        Send now<span className="sr-only">: {name}</span>
      </SubmitButton>
      <span role="status" className="text-xs text-slate-600">
        {state?.ok
          ? state.data.queued
            ? `On its way to ${where}.`
            : "Nothing to send for this period."
          : (formError ?? "")}
      </span>
    </form>
  );
}
