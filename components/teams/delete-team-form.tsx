"use client";

import { useState } from "react";
import { deleteTeamAction } from "@/lib/teams/actions";
import { Alert } from "@/components/ui/alert";
import { CodeInput, Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { HiddenFields } from "@/components/ui/hidden-fields";

/** Deleting a team asks for its slug, typed out, so it never happens by a stray click. */
export function DeleteTeamForm({ orgSlug, teamSlug }: { orgSlug: string; teamSlug: string }) {
  const { dispatch, errors, formError } = useActionForm(deleteTeamAction);
  const [typed, setTyped] = useState("");

  return (
    <form action={dispatch} className="max-w-md space-y-3">
      <HiddenFields values={{ org: orgSlug, team: teamSlug }} />
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <Field
        id="delete-confirm"
        label={
          <>
            Type <code className="rounded bg-slate-100 px-1 font-mono">{teamSlug}</code> to confirm
          </>
        }
        errors={errors.confirm}
      >
        <CodeInput name="confirm" value={typed} onChange={(e) => setTyped(e.target.value)} />
      </Field>
      <SubmitButton variant="danger" disabled={typed.trim() !== teamSlug} pendingLabel="Deleting…">
        Delete this team
      </SubmitButton>
    </form>
  );
}
