"use client";

import { useActionState } from "react";
import { changeTeamMemberRoleAction } from "@/lib/teams/actions";
import type { TTeamRole } from "@/lib/auth/permissions";
import { ActionError } from "@/components/ui/action-error";
import { Options, Select } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { TEAM_ROLE_OPTIONS } from "./team-fields";
import { HiddenFields } from "@/components/ui/hidden-fields";

export function MemberRoleForm({
  orgSlug,
  teamSlug,
  member,
}: {
  orgSlug: string;
  teamSlug: string;
  member: { userId: string; name: string; role: TTeamRole };
}) {
  const [state, action] = useActionState(changeTeamMemberRoleAction, null);
  const id = `role-${member.userId}`;
  return (
    <form action={action} className="flex items-center gap-2">
      <HiddenFields values={{ org: orgSlug, team: teamSlug, userId: member.userId }} />
      <label htmlFor={id} className="sr-only">
        Team role of {member.name}
      </label>
      <div className="w-40">
        <Select id={id} name="role" defaultValue={member.role}>
          <Options options={TEAM_ROLE_OPTIONS} />
        </Select>
      </div>
      <SubmitButton size="sm" variant="secondary" pendingLabel="Saving…">
        Change<span className="sr-only"> the role of {member.name}</span>
      </SubmitButton>
      <ActionError state={state} />
    </form>
  );
}
