"use client";

import { setOrgSlaPolicyAction, setTeamSlaPolicyAction } from "@/lib/sla/actions";
import { formatSlaDays, SLA_SEVERITY_LABELS } from "@/lib/sla/policy-rules";
import { SLA_SEVERITIES, type TSlaPolicy } from "@/lib/sla/schemas";
import { Alert } from "@/components/ui/alert";
import { Field, Input } from "@/components/ui/field";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { useFieldValues } from "@/components/ui/use-field-values";

const textOf = (days: number | null) => (days === null ? "" : String(days));

/**
 * Due days per severity. For the org an empty field is "no SLA"; for a team it is "as the
 * organization's", and each field shows the org's days it may only go below.
 */
export function SlaPolicyForm({
  orgSlug,
  team,
  policy,
}: {
  orgSlug: string;
  /** A team's own policy form, with the org's days as the limits; absent: the org's form. */
  team?: { slug: string; orgPolicy: TSlaPolicy };
  policy: TSlaPolicy;
}) {
  const action = team ? setTeamSlaPolicyAction : setOrgSlaPolicyAction;
  const { state, submit, errors, formError } = useActionForm<unknown>(action);
  const { bind } = useFieldValues({
    critical: textOf(policy.critical),
    high: textOf(policy.high),
    medium: textOf(policy.medium),
    low: textOf(policy.low),
  });
  const idPrefix = team ? "team-sla" : "org-sla";
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <HiddenFields values={{ org: orgSlug, team: team?.slug }} />
      {state?.ok ? <Alert tone="success">Saved. Due dates of open findings follow the new days at once.</Alert> : null}
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {SLA_SEVERITIES.map((severity) => {
          const limit = team?.orgPolicy[severity];
          return (
            <Field
              key={severity}
              id={`${idPrefix}-${severity}`}
              label={`${SLA_SEVERITY_LABELS[severity]} (days)`}
              errors={errors[severity]}
              hint={
                team
                  ? limit === null || limit === undefined
                    ? "Organization: no SLA. Empty: none for the team either."
                    : `Organization: ${formatSlaDays(limit)}. Empty: the same.`
                  : "Empty: no SLA for this severity."
              }
            >
              <Input
                {...bind(severity)}
                type="number"
                inputMode="numeric"
                min={1}
                max={team && limit ? limit : 3650}
                step={1}
                placeholder={team ? textOf(limit ?? null) || "none" : "no SLA"}
                className="w-32 tabular-nums"
              />
            </Field>
          );
        })}
      </div>
      <SubmitButton pendingLabel="Saving…">{team ? "Save the team's SLA" : "Save SLAs"}</SubmitButton>
    </form>
  );
}
