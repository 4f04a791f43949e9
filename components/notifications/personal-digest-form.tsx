"use client";

import { useState } from "react";
import { savePersonalSubscriptionAction } from "@/lib/notifications/actions";
import { personalDigestName } from "@/lib/notifications/page-state";
import type { TDigestTeam } from "@/lib/notifications/subscriptions/queries";
import { Alert } from "@/components/ui/alert";
import { Field, Options, Select } from "@/components/ui/field";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { DigestFields } from "./digest-fields";

/** Subscribes the caller to one of their teams' digests, mailed to their account's address. */
export function PersonalDigestForm({
  orgSlug,
  teams,
  email,
}: {
  orgSlug: string;
  teams: TDigestTeam[];
  email: string;
}) {
  const [teamId, setTeamId] = useState(teams[0]?.id ?? "");
  const [period, setPeriod] = useState<"daily" | "weekly">("weekly");
  const team = teams.find((t) => t.id === teamId) ?? teams[0];
  const { state, submit, pending, errors, formError } = useActionForm(savePersonalSubscriptionAction);
  return (
    <form
      onSubmit={submit}
      // The cadence is chosen inside DigestFields; the name follows it.
      onChange={(e) => {
        const field = e.target;
        if (field instanceof HTMLSelectElement && field.name === "digestPeriod") {
          setPeriod(field.value === "daily" ? "daily" : "weekly");
        }
      }}
      className="space-y-4"
      aria-label="Subscribe to a team digest"
    >
      {/* The team and the cadence name it: nobody needs to type a name for their own digest. */}
      <HiddenFields
        values={{
          org: orgSlug,
          name: personalDigestName(team?.name ?? "Team", period),
          kind: "digest",
          connectionId: "",
          enabledPresent: "1",
          enabled: "on",
        }}
      />
      {state?.ok ? <Alert tone="success">Subscribed to the {state.data.name}.</Alert> : null}
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <Field id="personal-team" label="Team" errors={errors.teamId ?? errors.name} className="max-w-sm">
        <Select name="teamId" value={teamId} onChange={(e) => setTeamId(e.target.value)}>
          <Options options={teams.map((t) => ({ value: t.id, label: t.name }))} />
        </Select>
      </Field>
      <DigestFields id={(name) => `personal-${name}`} errors={errors} timeZone={team?.timeZone ?? "UTC"} />
      <p className="text-sm text-slate-500">
        Mailed to <span className="font-medium text-slate-700">{email}</span>, your account&apos;s address. Every mail
        has a link to unsubscribe.
      </p>
      <SubmitButton pending={pending} pendingLabel="Subscribing…">
        Subscribe
      </SubmitButton>
    </form>
  );
}
