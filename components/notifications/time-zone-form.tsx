"use client";

import { useState } from "react";
import { setTeamTimeZoneAction } from "@/lib/notifications/actions";
import { Alert } from "@/components/ui/alert";
import { Field, Select } from "@/components/ui/field";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";

/** The team's time zone: its digests (and its members' own) go out at their hour in it. */
export function TimeZoneForm({
  orgSlug,
  teamSlug,
  timeZone,
  zones,
}: {
  orgSlug: string;
  teamSlug: string;
  timeZone: string;
  /** The choices, from the server: browsers know other lists of zones, and the markup must match. */
  zones: string[];
}) {
  const { state, submit, pending, errors, formError } = useActionForm(setTeamTimeZoneAction);
  const [value, setValue] = useState(timeZone);
  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-3">
      <HiddenFields values={{ org: orgSlug, team: teamSlug }} />
      <Field id="team-time-zone" label="Time zone" errors={errors.timeZone} className="w-72">
        <Select name="timeZone" value={value} onChange={(e) => setValue(e.target.value)}>
          {zones.map((z) => (
            <option key={z} value={z}>
              {z.replaceAll("_", " ")}
            </option>
          ))}
        </Select>
      </Field>
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Save time zone
      </SubmitButton>
      {state?.ok ? <Alert tone="success">Saved: digests go out at their hour in {state.data.timeZone}.</Alert> : null}
      {formError ? <Alert tone="error">{formError}</Alert> : null}
    </form>
  );
}
