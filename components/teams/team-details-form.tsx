"use client";

import { useActionState, useState } from "react";
import { updateTeamAction } from "@/lib/teams/actions";
import { Alert } from "@/components/ui/alert";
import { Field, Input, Textarea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

/** Name, description and priority of a team; the slug stays, since links and tokens use it. */
export function TeamDetailsForm({
  orgSlug,
  team,
}: {
  orgSlug: string;
  team: { slug: string; name: string; description: string; priority: number };
}) {
  const [state, action] = useActionState(updateTeamAction, null);
  const errors = state && !state.ok ? (state.error.fieldErrors ?? {}) : {};
  // Controlled, so an answer with errors does not reset what was typed.
  const [name, setName] = useState(team.name);
  const [description, setDescription] = useState(team.description);
  const [priority, setPriority] = useState(String(team.priority));
  return (
    <form action={action} className="max-w-2xl space-y-4">
      <input type="hidden" name="org" value={orgSlug} />
      <input type="hidden" name="team" value={team.slug} />
      {state?.ok ? (
        <Alert tone="success">
          Saved.
          {state.data.reassigned
            ? ` ${state.data.reassigned} resource${state.data.reassigned === 1 ? "" : "s"} changed owner with the new priority.`
            : ""}
        </Alert>
      ) : null}
      {state && !state.ok && !state.error.fieldErrors ? <Alert tone="error">{state.error.message}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-[1fr_10rem]">
        <Field id="details-name" label="Name" errors={errors.name}>
          <Input
            id="details-name"
            name="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            maxLength={60}
            aria-invalid={Boolean(errors.name)}
          />
        </Field>
        <Field id="details-priority" label="Priority" errors={errors.priority}>
          <Input
            id="details-priority"
            name="priority"
            type="number"
            inputMode="numeric"
            min={0}
            max={10000}
            step={1}
            value={priority}
            onChange={(e) => setPriority(e.target.value)}
            required
            aria-invalid={Boolean(errors.priority)}
            aria-describedby="details-priority-hint"
          />
        </Field>
      </div>
      <p id="details-priority-hint" className="-mt-2 text-xs text-slate-500">
        Priority decides overlaps: a resource included by several teams belongs to the one with the lowest number (ties
        go by name). Changing it moves resources at once.
      </p>
      <Field id="details-description" label="Description" errors={errors.description}>
        <Textarea
          id="details-description"
          name="description"
          rows={2}
          maxLength={500}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          aria-invalid={Boolean(errors.description)}
        />
      </Field>
      <SubmitButton pendingLabel="Saving…">Save details</SubmitButton>
    </form>
  );
}
