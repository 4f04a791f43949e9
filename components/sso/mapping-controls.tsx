"use client";

import { startTransition, useActionState } from "react";
import type { TGroupMappingRow, TSsoSettings } from "@/lib/sso/config/queries";
import { moveGroupMappingAction, removeGroupMappingAction } from "@/lib/sso/actions";
import { ActionError } from "@/components/ui/action-error";
import { MoveButtons } from "@/components/ui/move-buttons";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { EditDialog, FormDialog } from "@/components/ui/form-dialog";
import { MappingForm } from "./mapping-form";

type TTeams = TSsoSettings["teams"];

export function AddMappingButton({ orgSlug, teams }: { orgSlug: string; teams: TTeams }) {
  return (
    <FormDialog
      label="Add mapping"
      variant="secondary"
      title="Add a group mapping"
      description="Applied at every sign-in, after the mappings above it."
    >
      {({ close, done }) => <MappingForm orgSlug={orgSlug} teams={teams} onCancel={close} onDone={done} />}
    </FormDialog>
  );
}

export function EditMappingButton({
  orgSlug,
  mapping,
  teams,
}: {
  orgSlug: string;
  mapping: TGroupMappingRow;
  teams: TTeams;
}) {
  return (
    <EditDialog name={`mapping of ${mapping.groupName}`}>
      {({ close, done }) => (
        <MappingForm orgSlug={orgSlug} teams={teams} mapping={mapping} onCancel={close} onDone={done} />
      )}
    </EditDialog>
  );
}

export function RemoveMappingButton({ orgSlug, mapping }: { orgSlug: string; mapping: TGroupMappingRow }) {
  return (
    <ConfirmAction
      action={removeGroupMappingAction}
      fields={{ org: orgSlug, mappingId: mapping.id }}
      triggerLabel="Remove"
      triggerAriaLabel={`Remove the mapping of ${mapping.groupName}`}
      title={`Remove the mapping of “${mapping.groupName}”?`}
      description="Memberships it granted are taken away at each person's next sign-in, unless another mapping grants them."
      confirmLabel="Remove mapping"
      pendingLabel="Removing…"
    />
  );
}

/** Up and down arrows with the mapping's place: real buttons, so Tab and Enter work them. */
export function MoveMappingButtons({
  orgSlug,
  mapping,
  first,
  last,
}: {
  orgSlug: string;
  mapping: TGroupMappingRow;
  first: boolean;
  last: boolean;
}) {
  const [state, dispatch, pending] = useActionState(moveGroupMappingAction, null);
  const move = (direction: "up" | "down") => {
    const form = new FormData();
    form.set("org", orgSlug);
    form.set("mappingId", mapping.id);
    form.set("direction", direction);
    startTransition(() => dispatch(form));
  };
  return (
    <span className="inline-flex items-center gap-0.5">
      <span className="w-6 text-xs tabular-nums text-slate-500">{mapping.position}</span>
      <MoveButtons
        name={mapping.groupName}
        first={first}
        last={last}
        pending={pending}
        onMove={move}
        className="px-1.5"
      />
      <ActionError state={state} />
    </span>
  );
}
