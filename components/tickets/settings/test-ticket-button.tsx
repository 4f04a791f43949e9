"use client";

import { createTestTicketAction } from "@/lib/tickets/project-actions";
import { Alert } from "@/components/ui/alert";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";

/**
 * "Create a test ticket" with the saved settings: the provider's answer (key and link, or its
 * refusal with the fields it named), then its removal; the workflow's transitions go to the form.
 */
export function TestTicketButton({
  owner,
  onTransitions,
}: {
  owner: { orgSlug: string; teamSlug: string };
  onTransitions: (transitions: { id: string; name: string }[]) => void;
}) {
  const { state, submit, pending } = useActionForm(createTestTicketAction, {
    onSuccess: (data) => {
      if (data.transitions.length) onTransitions(data.transitions);
    },
  });
  const result = state?.ok ? state.data : null;
  return (
    <form onSubmit={submit} className="space-y-3 border-t border-slate-100 pt-4" aria-label="Test ticket">
      <HiddenFields values={{ org: owner.orgSlug, team: owner.teamSlug }} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600">
          Creates a real ticket with the saved settings, shows the answer, and removes it again (GitHub: closed as not
          planned).
        </p>
        <SubmitButton variant="secondary" pending={pending} pendingLabel="Creating…">
          Create a test ticket
        </SubmitButton>
      </div>
      <div aria-live="polite" className="space-y-2">
        {state && !state.ok ? <Alert tone="error">{state.error.message}</Alert> : null}
        {result && !pending ? (
          result.created.ok ? (
            <Alert tone="success">
              Created{" "}
              <a href={result.created.url} target="_blank" rel="noreferrer" className="font-medium underline">
                {result.created.key}
              </a>{" "}
              (status “{result.created.status}”). {result.removed?.message}
              {result.transitions.length
                ? ` Its workflow offers: ${result.transitions.map((t) => t.name).join(", ")}.`
                : ""}
            </Alert>
          ) : (
            <Alert tone="error">
              <p>
                <span className="font-medium">
                  Refused{result.created.status ? ` (${result.created.status})` : ""}:
                </span>{" "}
                {result.created.message}
              </p>
              {Object.keys(result.created.fieldErrors).length ? (
                <ul className="mt-1 list-disc pl-5">
                  {Object.entries(result.created.fieldErrors).map(([field, message]) => (
                    <li key={field}>
                      <code className="font-mono">{field}</code>: {message}
                    </li>
                  ))}
                </ul>
              ) : null}
            </Alert>
          )
        ) : null}
      </div>
    </form>
  );
}
