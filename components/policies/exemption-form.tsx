"use client";

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import { createExemptionAction } from "@/lib/policies/actions";
import { Alert } from "@/components/ui/alert";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

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
  const [result, action, pending] = useActionState(createExemptionAction, null);
  const handled = useRef<unknown>(null);
  useEffect(() => {
    if (!result?.ok || handled.current === result) return;
    handled.current = result;
    formRef.current?.reset();
  }, [result]);
  const errors = result && !result.ok ? (result.error.fieldErrors ?? {}) : {};
  const formError = result && !result.ok && result.error.message !== GENERIC ? result.error.message : null;
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    // Not reset by React after an error: the admin corrects the field that was refused.
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    startTransition(() => action(form));
  };
  const invalid = (name: string) => ({
    "aria-invalid": Boolean(errors[name]),
    "aria-describedby": errors[name] ? `exemption-${name}-error` : undefined,
  });

  return (
    <form
      ref={formRef}
      action={action}
      onSubmit={onSubmit}
      className="space-y-4"
      aria-label="Add an exemption"
      noValidate
    >
      <input type="hidden" name="org" value={orgSlug} />
      {result?.ok ? <Alert tone="success">Exemption added. It applies from the next admission review.</Alert> : null}
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-[1fr_14rem]">
        <Field
          id="exemption-checkIds"
          label="Checks"
          hint="Check ids from the Checks tab, separated by commas, or * for every check."
          errors={errors.checkIds}
        >
          <Input
            id="exemption-checkIds"
            name="checkIds"
            placeholder="hostNetworkSet, hostPortSet"
            className="font-mono"
            spellCheck={false}
            autoComplete="off"
            {...invalid("checkIds")}
          />
        </Field>
        <Field id="exemption-teamId" label="Team" hint="Only that team's objects, or any." errors={errors.teamId}>
          <Select id="exemption-teamId" name="teamId" defaultValue="" {...invalid("teamId")}>
            <option value="">Any team</option>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Objects</legend>
        <p className="text-xs text-slate-500">Patterns with * wildcards; an empty field matches everything.</p>
        <div className="mt-2 grid gap-4 sm:grid-cols-4">
          {PATTERNS.map((p) => (
            <Field key={p.name} id={`exemption-${p.name}`} label={p.label} errors={errors[p.name]}>
              <Input
                id={`exemption-${p.name}`}
                name={p.name}
                placeholder={p.placeholder}
                className="font-mono"
                spellCheck={false}
                autoComplete="off"
                {...invalid(p.name)}
              />
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
          <Textarea id="exemption-reason" name="reason" rows={2} maxLength={500} {...invalid("reason")} />
        </Field>
        <Field
          id="exemption-expiresAt"
          label="Expires (optional)"
          hint="At the end of that day, UTC."
          errors={errors.expiresAt}
        >
          <Input id="exemption-expiresAt" name="expiresAt" type="date" min={today} {...invalid("expiresAt")} />
        </Field>
      </div>
      <SubmitButton pendingLabel="Adding…">{pending ? "Adding…" : "Add exemption"}</SubmitButton>
    </form>
  );
}
