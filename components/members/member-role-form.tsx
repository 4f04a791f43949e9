"use client";

import { useState } from "react";
import { ActionError } from "@/components/ui/action-error";
import { Options, Select, type TOption } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm, type TFormAction } from "@/components/ui/use-action-form";
import { HiddenFields } from "@/components/ui/hidden-fields";

/** A role select with a Save button that appears once the choice differs from the saved role. */
export function MemberRoleForm({
  orgSlug,
  action,
  membershipId,
  memberName,
  role,
  options,
}: {
  orgSlug: string;
  action: TFormAction<{ email: string; changed: boolean }>;
  membershipId: string;
  memberName: string;
  role: string;
  options: TOption[];
}) {
  const [value, setValue] = useState(role);
  const { state, pending, submit } = useActionForm(action);
  const id = `role-${membershipId}`;
  return (
    <form onSubmit={submit} className="space-y-1">
      <HiddenFields values={{ org: orgSlug, membershipId }} />
      <div className="flex items-center gap-2">
        <label htmlFor={id} className="sr-only">
          Organization role of {memberName}
        </label>
        <Select
          id={id}
          name="role"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          className="h-8 min-w-32"
          disabled={pending}
        >
          <Options options={options} />
        </Select>
        {value !== role ? (
          <SubmitButton size="sm" pending={pending} pendingLabel="Saving…">
            Save
          </SubmitButton>
        ) : null}
      </div>
      <ActionError state={state} className="max-w-56" />
    </form>
  );
}
