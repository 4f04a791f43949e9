"use client";

import { useState } from "react";
import type { TGroupMappingRow, TSsoSettings } from "@/lib/sso/config/queries";
import { addGroupMappingAction, changeGroupMappingAction } from "@/lib/sso/actions";
import { ORG_ROLES, ORG_ROLE_LABELS, TEAM_ROLES, TEAM_ROLE_LABELS } from "@/lib/auth/permissions";
import { CodeInput, Field, FieldError, Options, Select } from "@/components/ui/field";
import { FormFooter } from "@/components/ui/form-footer";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { useActionForm } from "@/components/ui/use-action-form";

/** A group mapping: the IdP group (pattern), and an org role, a team with its role, or both. */
export function MappingForm({
  orgSlug,
  teams,
  mapping,
  onCancel,
  onDone,
}: {
  orgSlug: string;
  teams: TSsoSettings["teams"];
  mapping?: TGroupMappingRow;
  onCancel: () => void;
  onDone: () => void;
}) {
  const action = mapping ? changeGroupMappingAction : addGroupMappingAction;
  const { submit, pending, errors, formError } = useActionForm<unknown>(action, { onSuccess: onDone });
  const [teamId, setTeamId] = useState(mapping?.team?.id ?? "");
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <HiddenFields values={{ org: orgSlug, mappingId: mapping?.id }} />
      <Field
        id="mapping-group"
        label="IdP group"
        errors={errors.groupName}
        hint="The group's name as the IdP sends it (Entra ID sends object IDs); * matches any characters."
      >
        <CodeInput
          name="groupName"
          defaultValue={mapping?.groupName ?? ""}
          placeholder="k8s-payments-admins"
          required
        />
      </Field>
      <Field id="mapping-org-role" label="Org role" errors={errors.orgRole}>
        <Select name="orgRole" defaultValue={mapping?.orgRole ?? ""}>
          <option value="">No org role (the default role for new members)</option>
          <Options options={ORG_ROLES.map((r) => ({ value: r, label: ORG_ROLE_LABELS[r] }))} />
        </Select>
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="mapping-team" label="Team" errors={errors.teamId}>
          <Select name="teamId" value={teamId} onChange={(e) => setTeamId(e.target.value)}>
            <option value="">No team</option>
            <Options options={teams.map((t) => ({ value: t.id, label: t.name }))} />
          </Select>
        </Field>
        <Field id="mapping-team-role" label="Team role" errors={errors.teamRole}>
          <Select name="teamRole" defaultValue={mapping?.teamRole ?? "editor"} disabled={!teamId}>
            <Options options={TEAM_ROLES.map((r) => ({ value: r, label: TEAM_ROLE_LABELS[r] }))} />
          </Select>
        </Field>
      </div>
      <FieldError id="mapping" errors={errors._} />
      <FormFooter
        submitLabel={mapping ? "Save mapping" : "Add mapping"}
        pending={pending}
        error={formError}
        onCancel={onCancel}
      />
    </form>
  );
}
