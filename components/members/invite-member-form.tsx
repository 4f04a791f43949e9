"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Field, Input, Options, Select, type TOption } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm, type TFormAction } from "@/components/ui/use-action-form";
import { InvitationLinkPanel, type TCreatedInvitation } from "./invitation-link-panel";

export function InviteMemberForm({
  orgSlug,
  action,
  roles,
  teams,
  teamRoles,
  pendingInvitationIds,
}: {
  orgSlug: string;
  action: TFormAction<TCreatedInvitation>;
  roles: TOption[];
  teams: TOption[];
  teamRoles: TOption[];
  /** The link is shown only while its invitation is pending: once replaced or revoked it no longer works. */
  pendingInvitationIds: string[];
}) {
  const { state, pending, submit, errors, formError } = useActionForm(action);
  const [teamId, setTeamId] = useState("");
  const [formKey, setFormKey] = useState(0);
  const [seen, setSeen] = useState(state);

  // A fresh form after a successful invite (remounted by key); what was typed stays when it failed.
  if (state !== seen) {
    setSeen(state);
    if (state?.ok) {
      setTeamId("");
      setFormKey((k) => k + 1);
    }
  }

  return (
    <div className="space-y-4">
      <form
        key={formKey}
        onSubmit={submit}
        className="grid items-start gap-3 md:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)_minmax(0,1fr)_auto]"
      >
        <input type="hidden" name="org" value={orgSlug} />
        <Field id="invite-email" label="Email" errors={errors.email}>
          <Input name="email" type="email" autoComplete="off" placeholder="colleague@example.com" required />
        </Field>
        <Field id="invite-role" label="Organization role" errors={errors.role}>
          <Select name="role" defaultValue="member">
            <Options options={roles} />
          </Select>
        </Field>
        <Field id="invite-team" label="Team (optional)" errors={errors.teamId}>
          <Select name="teamId" value={teamId} onChange={(e) => setTeamId(e.target.value)}>
            <option value="">No team</option>
            <Options options={teams} />
          </Select>
        </Field>
        <Field id="invite-team-role" label="Team role" errors={errors.teamRole}>
          <Select name="teamRole" defaultValue="viewer" disabled={!teamId}>
            <Options options={teamRoles} />
          </Select>
        </Field>
        <div className="md:pt-6">
          <SubmitButton className="w-full" pending={pending} pendingLabel="Inviting…">
            Invite
          </SubmitButton>
        </div>
      </form>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {state?.ok && pendingInvitationIds.includes(state.data.invitationId) ? (
        <InvitationLinkPanel invitation={state.data} />
      ) : null}
    </div>
  );
}
