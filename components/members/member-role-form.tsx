"use client";

import { startTransition, useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import type { TFormAction } from "@/components/ui/confirm-action";

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
  options: { value: string; label: string }[];
}) {
  const [value, setValue] = useState(role);
  const [state, dispatch, pending] = useActionState(action, null);
  const id = `role-${membershipId}`;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        startTransition(() => dispatch(form));
      }}
      className="space-y-1"
    >
      <input type="hidden" name="org" value={orgSlug} />
      <input type="hidden" name="membershipId" value={membershipId} />
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
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
        {value !== role ? (
          <Button type="submit" size="sm" disabled={pending} aria-busy={pending}>
            {pending ? "Saving…" : "Save"}
          </Button>
        ) : null}
      </div>
      {state && !state.ok ? (
        <p role="alert" className="max-w-56 text-xs text-red-600">
          {state.error.message}
        </p>
      ) : null}
    </form>
  );
}
