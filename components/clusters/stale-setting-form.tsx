"use client";

import { useActionState, useState } from "react";
import { updateClusterSettingsAction } from "@/lib/clusters/actions";
import { STALE_HOURS_MAX, STALE_HOURS_MIN } from "@/lib/clusters/stale-setting";
import { Alert } from "@/components/ui/alert";
import { Field, Input } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

const FIELD = "staleClusterHours";

/** "Flag a cluster as stale after N hours" without a report of any type. */
export function StaleSettingForm({ orgSlug, hours }: { orgSlug: string; hours: number }) {
  const [state, action] = useActionState(updateClusterSettingsAction, null);
  const errors = state && !state.ok ? state.error.fieldErrors?.[FIELD] : undefined;
  // Controlled, so an answer with errors keeps what was typed.
  const [value, setValue] = useState(String(hours));
  const describedBy = errors ? `${FIELD}-error` : `${FIELD}-hint`;
  return (
    <form action={action} className="max-w-xl space-y-4" noValidate>
      <input type="hidden" name="org" value={orgSlug} />
      {state?.ok ? (
        <Alert tone="success">
          {state.data.changed
            ? `Saved. Clusters are flagged stale after ${state.data.staleClusterHours} hour${state.data.staleClusterHours === 1 ? "" : "s"} without a report.`
            : "No change: that is already the setting."}
        </Alert>
      ) : null}
      {state && !state.ok && !state.error.fieldErrors ? <Alert tone="error">{state.error.message}</Alert> : null}
      <Field id={FIELD} label="Flag a cluster as stale after" errors={errors}>
        <div className="flex items-center gap-2">
          <Input
            id={FIELD}
            name={FIELD}
            type="number"
            inputMode="numeric"
            min={STALE_HOURS_MIN}
            max={STALE_HOURS_MAX}
            step={1}
            required
            value={value}
            onChange={(e) => setValue(e.target.value)}
            aria-invalid={Boolean(errors)}
            aria-describedby={describedBy}
            className="w-28"
          />
          <span className="text-sm text-slate-600">hours without a report</span>
        </div>
      </Field>
      {errors ? null : (
        <p id={`${FIELD}-hint`} className="-mt-2 text-xs text-slate-500">
          Between {STALE_HOURS_MIN} and {STALE_HOURS_MAX} hours (30 days). The agent uploads most reports hourly, so a
          day without any report usually means it stopped running or lost its token.
        </p>
      )}
      <SubmitButton pendingLabel="Saving…">Save</SubmitButton>
    </form>
  );
}
