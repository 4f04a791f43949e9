"use client";

import { startTransition, useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import type { TFormAction } from "@/components/ui/confirm-action";
import { InvitationLinkPanel, type TCreatedInvitation } from "./invitation-link-panel";

type TOption = { value: string; label: string };

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
  const [state, dispatch, pending] = useActionState(action, null);
  const [teamId, setTeamId] = useState("");
  const [formKey, setFormKey] = useState(0);
  const [seen, setSeen] = useState(state);
  const errors = state && !state.ok ? (state.error.fieldErrors ?? {}) : {};

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
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          startTransition(() => dispatch(data));
        }}
        className="grid items-start gap-3 md:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)_minmax(0,1fr)_auto]"
      >
        <input type="hidden" name="org" value={orgSlug} />
        <Field id="invite-email" label="Email" errors={errors.email}>
          <Input
            id="invite-email"
            name="email"
            type="email"
            autoComplete="off"
            placeholder="colleague@example.com"
            required
            aria-invalid={Boolean(errors.email)}
          />
        </Field>
        <Field id="invite-role" label="Organization role" errors={errors.role}>
          <Select id="invite-role" name="role" defaultValue="member" aria-invalid={Boolean(errors.role)}>
            {roles.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="invite-team" label="Team (optional)" errors={errors.teamId}>
          <Select
            id="invite-team"
            name="teamId"
            value={teamId}
            onChange={(e) => setTeamId(e.target.value)}
            aria-invalid={Boolean(errors.teamId)}
          >
            <option value="">No team</option>
            {teams.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="invite-team-role" label="Team role" errors={errors.teamRole}>
          <Select
            id="invite-team-role"
            name="teamRole"
            defaultValue="viewer"
            disabled={!teamId}
            aria-invalid={Boolean(errors.teamRole)}
          >
            {teamRoles.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </Select>
        </Field>
        <div className="md:pt-6">
          <Button type="submit" disabled={pending} aria-busy={pending} className="w-full">
            {pending ? "Inviting…" : "Invite"}
          </Button>
        </div>
      </form>
      {state && !state.ok && !state.error.fieldErrors ? <Alert tone="error">{state.error.message}</Alert> : null}
      {state?.ok && pendingInvitationIds.includes(state.data.invitationId) ? (
        <InvitationLinkPanel invitation={state.data} />
      ) : null}
    </div>
  );
}
