"use client";

import { useActionState } from "react";
import { reprocessReportAction } from "@/lib/clusters/actions";
import { SubmitButton } from "@/components/ui/submit-button";

/** Queues one stored report again; the row then shows it as queued (the page revalidates). */
export function ReprocessButton({ orgSlug, reportId, label }: { orgSlug: string; reportId: string; label: string }) {
  const [state, action] = useActionState(reprocessReportAction, null);
  return (
    <form action={action} className="flex flex-col items-end gap-1">
      <input type="hidden" name="org" value={orgSlug} />
      <input type="hidden" name="reportId" value={reportId} />
      <SubmitButton size="sm" variant="secondary" pendingLabel="Queuing…">
        Reprocess<span className="sr-only"> {label}</span>
      </SubmitButton>
      {state && !state.ok ? (
        <p className="max-w-48 text-right text-xs text-red-600" role="alert">
          {state.error.message}
        </p>
      ) : null}
    </form>
  );
}
