"use client";

import { useRouter } from "next/navigation";
import { useRef } from "react";
import { commentOnFindingAction } from "@/lib/findings/actions";
import { MAX_COMMENT } from "@/lib/findings/triage-schemas";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";

/** Adds a note to the finding's history; the form empties once it is saved. */
export function NoteForm({ orgSlug, findingId }: { orgSlug: string; findingId: string }) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const { state, pending, submit } = useActionForm(commentOnFindingAction, {
    onSuccess: () => {
      formRef.current?.reset();
      router.refresh();
    },
  });
  const error = state && !state.ok ? (state.error.fieldErrors?.text?.join(" ") ?? state.error.message) : null;
  return (
    <form ref={formRef} className="space-y-2" noValidate onSubmit={submit}>
      <input type="hidden" name="org" value={orgSlug} />
      <input type="hidden" name="id" value={findingId} />
      <label htmlFor="finding-note" className="sr-only">
        Add a note
      </label>
      <Textarea
        id="finding-note"
        name="text"
        rows={2}
        maxLength={MAX_COMMENT}
        placeholder="Add a note for your team: what you found, who is on it, a link to the ticket…"
        aria-invalid={Boolean(error)}
        aria-describedby={error ? "finding-note-error" : undefined}
        onKeyDown={(e) => {
          // Ctrl/Cmd+Enter sends, as in most comment boxes.
          if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) e.currentTarget.form?.requestSubmit();
        }}
      />
      {error ? (
        <Alert tone="error">
          <span id="finding-note-error">{error}</span>
        </Alert>
      ) : null}
      <div className="flex items-center justify-end gap-3">
        <span className="text-xs text-slate-400">Ctrl+Enter to send</span>
        <Button type="submit" size="sm" disabled={pending} aria-busy={pending}>
          {pending ? "Saving…" : "Add note"}
        </Button>
      </div>
    </form>
  );
}
