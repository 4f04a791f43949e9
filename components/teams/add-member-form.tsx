"use client";

import { addTeamMemberAction } from "@/lib/teams/actions";
import { Alert } from "@/components/ui/alert";
import { Field, Options, Select } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { TEAM_ROLE_OPTIONS } from "./team-fields";
import { HiddenFields } from "@/components/ui/hidden-fields";

/** Adds someone who is already in the organization; new people are invited from Settings → Members. */
export function AddMemberForm({
  orgSlug,
  teamSlug,
  candidates,
}: {
  orgSlug: string;
  teamSlug: string;
  candidates: { userId: string; name: string; email: string }[];
}) {
  const { state, dispatch, errors, formError } = useActionForm(addTeamMemberAction);
  return (
    <form action={dispatch} className="space-y-3">
      <HiddenFields values={{ org: orgSlug, team: teamSlug }} />
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {state?.ok ? <Alert tone="success">Added to the team.</Alert> : null}
      <div className="flex flex-wrap items-end gap-3">
        <Field id="add-member-user" label="Organization member" errors={errors.userId} className="min-w-64 flex-1">
          <Select name="userId" required defaultValue="">
            <option value="" disabled>
              Choose a person…
            </option>
            <Options options={candidates.map((c) => ({ value: c.userId, label: `${c.name} (${c.email})` }))} />
          </Select>
        </Field>
        <Field id="add-member-role" label="Team role" errors={errors.role} className="w-40">
          <Select name="role" defaultValue="viewer">
            <Options options={TEAM_ROLE_OPTIONS} />
          </Select>
        </Field>
        <SubmitButton pendingLabel="Adding…">Add to team</SubmitButton>
      </div>
    </form>
  );
}
