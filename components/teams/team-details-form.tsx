"use client";

import { updateTeamAction } from "@/lib/teams/actions";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { useFieldValues } from "@/components/ui/use-field-values";
import { TeamDescriptionInput, TeamNameInput, TeamPriorityInput } from "./team-fields";
import { HiddenFields } from "@/components/ui/hidden-fields";

/** Name, description and priority of a team; the slug stays, since links and tokens use it. */
export function TeamDetailsForm({
  orgSlug,
  team,
}: {
  orgSlug: string;
  team: { slug: string; name: string; description: string; priority: number };
}) {
  const { state, dispatch, errors, formError } = useActionForm(updateTeamAction);
  // Controlled, so an answer with errors does not reset what was typed.
  const { bind } = useFieldValues({ name: team.name, description: team.description, priority: String(team.priority) });
  return (
    <form action={dispatch} className="max-w-2xl space-y-4">
      <HiddenFields values={{ org: orgSlug, team: team.slug }} />
      {state?.ok ? (
        <Alert tone="success">
          Saved.
          {state.data.reassigned
            ? ` ${state.data.reassigned} resource${state.data.reassigned === 1 ? "" : "s"} changed owner with the new priority.`
            : ""}
        </Alert>
      ) : null}
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-[1fr_10rem]">
        <Field id="details-name" label="Name" errors={errors.name}>
          <TeamNameInput {...bind("name")} />
        </Field>
        <Field id="details-priority" label="Priority" errors={errors.priority}>
          <TeamPriorityInput {...bind("priority")} aria-describedby="details-priority-hint" />
        </Field>
      </div>
      <p id="details-priority-hint" className="-mt-2 text-xs text-slate-500">
        Priority decides overlaps: a resource included by several teams belongs to the one with the lowest number (ties
        go by name). Changing it moves resources at once.
      </p>
      <Field id="details-description" label="Description" errors={errors.description}>
        <TeamDescriptionInput {...bind("description")} />
      </Field>
      <SubmitButton pendingLabel="Saving…">Save details</SubmitButton>
    </form>
  );
}
