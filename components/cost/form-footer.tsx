"use client";

import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";

/** Cancel and submit at the foot of a cost dialog's form. */
export function FormFooter({ onCancel, submitLabel }: { onCancel: () => void; submitLabel: string }) {
  return (
    <div className="flex justify-end gap-2 border-t border-slate-100 pt-4">
      <Button variant="secondary" onClick={onCancel}>
        Cancel
      </Button>
      <SubmitButton pendingLabel="Saving…">{submitLabel}</SubmitButton>
    </div>
  );
}
