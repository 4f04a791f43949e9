"use client";

import { useActionState } from "react";
import { addTeamMemberAction } from "@/lib/teams/actions";
import { Alert } from "@/components/ui/alert";
import { Field, Select } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { TEAM_ROLE_LABELS, TEAM_ROLES } from "@/lib/auth/permissions";

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
  const [state, action] = useActionState(addTeamMemberAction, null);
  const errors = state && !state.ok ? (state.error.fieldErrors ?? {}) : {};
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="org" value={orgSlug} />
      <input type="hidden" name="team" value={teamSlug} />
      {state && !state.ok && !state.error.fieldErrors ? <Alert tone="error">{state.error.message}</Alert> : null}
      {state?.ok ? <Alert tone="success">Added to the team.</Alert> : null}
      <div className="flex flex-wrap items-end gap-3">
        <Field id="add-member-user" label="Organization member" errors={errors.userId} className="min-w-64 flex-1">
          <Select id="add-member-user" name="userId" required defaultValue="" aria-invalid={Boolean(errors.userId)}>
            <option value="" disabled>
              Choose a person…
            </option>
            {candidates.map((c) => (
              <option key={c.userId} value={c.userId}>
                {c.name} ({c.email})
              </option>
            ))}
          </Select>
        </Field>
        <Field id="add-member-role" label="Team role" errors={errors.role} className="w-40">
          <Select id="add-member-role" name="role" defaultValue="viewer" aria-invalid={Boolean(errors.role)}>
            {TEAM_ROLES.map((role) => (
              <option key={role} value={role}>
                {TEAM_ROLE_LABELS[role]}
              </option>
            ))}
          </Select>
        </Field>
        <SubmitButton pendingLabel="Adding…">Add to team</SubmitButton>
      </div>
    </form>
  );
}
