"use client";

import { useRef } from "react";
import { createExemptionAction } from "@/lib/policies/actions";
import { Alert } from "@/components/ui/alert";
import { CodeInput, Field, Input, Options, Select, Textarea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";

const GENERIC = "Please correct the highlighted fields.";
const PATTERNS = [
  { name: "cluster", label: "Cluster", placeholder: "* or prod-*" },
  { name: "namespace", label: "Namespace", placeholder: "* or payments-*" },
  { name: "kind", label: "Kind", placeholder: "* or Deployment" },
  { name: "name", label: "Name", placeholder: "* or node-exporter" },
] as const;

/**
 * Adds an exemption rule (org admins). Fields stay as typed when the server answers with an
 * error and are cleared once the rule is added.
 */
export function ExemptionForm({
  orgSlug,
  teams,
  today,
}: {
  orgSlug: string;
  teams: readonly { id: string; name: string }[];
  /** YYYY-MM-DD, the earliest expiry the date picker offers. */
  today: string;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  // Not reset by React after an error (`submit`): the admin corrects the field that was refused.
  const { state, dispatch, pending, submit, errors } = useActionForm(createExemptionAction, {
    onSuccess: () => formRef.current?.reset(),
  });
  const formError = state && !state.ok && state.error.message !== GENERIC ? state.error.message : null;

  return (
    <form
      ref={formRef}
      action={dispatch}
      onSubmit={submit}
      className="space-y-4"
      aria-label="Add an exemption"
      noValidate
    >
      <input type="hidden" name="org" value={orgSlug} />
      {state?.ok ? <Alert tone="success">Exemption added. It applies from the next admission review.</Alert> : null}
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-[1fr_14rem]">
        <Field
          id="exemption-checkIds"
          label="Checks"
          hint="Check ids from the Checks tab, separated by commas, or * for every check."
          errors={errors.checkIds}
        >
          <CodeInput name="checkIds" placeholder="hostNetworkSet, hostPortSet" />
        </Field>
        <Field id="exemption-teamId" label="Team" hint="Only that team's objects, or any." errors={errors.teamId}>
          <Select name="teamId" defaultValue="">
            <option value="">Any team</option>
            <Options options={teams.map((t) => ({ value: t.id, label: t.name }))} />
          </Select>
        </Field>
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Objects</legend>
        <p className="text-xs text-slate-500">Patterns with * wildcards; an empty field matches everything.</p>
        <div className="mt-2 grid gap-4 sm:grid-cols-4">
          {PATTERNS.map((p) => (
            <Field key={p.name} id={`exemption-${p.name}`} label={p.label} errors={errors[p.name]}>
              <CodeInput name={p.name} placeholder={p.placeholder} />
            </Field>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-[1fr_14rem]">
        <Field
          id="exemption-reason"
          label="Reason"
          hint="Why these objects may break these checks; shown to everyone who reads the rule."
          errors={errors.reason}
        >
          <Textarea name="reason" rows={2} maxLength={500} />
        </Field>
        <Field
          id="exemption-expiresAt"
          label="Expires (optional)"
          hint="At the end of that day, UTC."
          errors={errors.expiresAt}
        >
          <Input name="expiresAt" type="date" min={today} />
        </Field>
      </div>
      <SubmitButton pending={pending} pendingLabel="Adding…">
        Add exemption
      </SubmitButton>
    </form>
  );
}
