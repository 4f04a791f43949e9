"use client";

import { useActionState, useState } from "react";
import { deleteTeamAction } from "@/lib/teams/actions";
import { Alert } from "@/components/ui/alert";
import { Field, Input } from "@/components/ui/field";
import { useFormStatus } from "react-dom";
import { Button } from "@/components/ui/button";

/** Deleting a team asks for its slug, typed out, so it never happens by a stray click. */
export function DeleteTeamForm({ orgSlug, teamSlug }: { orgSlug: string; teamSlug: string }) {
  const [state, action] = useActionState(deleteTeamAction, null);
  const [typed, setTyped] = useState("");
  const errors = state && !state.ok ? (state.error.fieldErrors ?? {}) : {};

  return (
    <form action={action} className="max-w-md space-y-3">
      <input type="hidden" name="org" value={orgSlug} />
      <input type="hidden" name="team" value={teamSlug} />
      {state && !state.ok && !state.error.fieldErrors ? <Alert tone="error">{state.error.message}</Alert> : null}
      <Field
        id="delete-confirm"
        label={
          <>
            Type <code className="rounded bg-slate-100 px-1 font-mono">{teamSlug}</code> to confirm
          </>
        }
        errors={errors.confirm}
      >
        <Input
          id="delete-confirm"
          name="confirm"
          autoComplete="off"
          spellCheck={false}
          className="font-mono"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          aria-invalid={Boolean(errors.confirm)}
        />
      </Field>
      <DeleteButton confirmed={typed.trim() === teamSlug} />
    </form>
  );
}

function DeleteButton({ confirmed }: { confirmed: boolean }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant="danger" disabled={!confirmed || pending} aria-busy={pending}>
      {pending ? "Deleting…" : "Delete this team"}
    </Button>
  );
}
