"use client";

import { startTransition, useActionState, useState } from "react";
import { useRouter } from "next/navigation";
import { testDestinationAction } from "@/lib/alerting/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { PagerDutyAnswer } from "./pagerduty-answer";

/** Sends a trigger and its resolve to the destination and shows PagerDuty's two answers. */
export function TestEventButton({
  orgSlug,
  destination,
  size = "sm",
}: {
  orgSlug: string;
  destination: { id: string; name: string };
  size?: "sm" | "md";
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [state, dispatch, pending] = useActionState(async (prev: unknown, form: FormData) => {
    const result = await testDestinationAction(prev, form);
    router.refresh();
    return result;
  }, null);

  const send = () => {
    setOpen(true);
    const form = new FormData();
    form.set("org", orgSlug);
    form.set("destinationId", destination.id);
    startTransition(() => dispatch(form));
  };

  return (
    <>
      <Button size={size} variant="secondary" onClick={send} disabled={pending} aria-busy={pending}>
        {pending ? "Sending…" : "Send test event"}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={`Test event to ${destination.name}`}
        description="A trigger, then its resolve, sent right now (not through the outbox). Both are in the delivery log."
        size="sm"
      >
        <div className="space-y-3" aria-live="polite">
          {pending || !state ? <p className="text-sm text-slate-500">Waiting for PagerDuty…</p> : null}
          {state && !pending && !state.ok ? <Alert tone="error">{state.error.message}</Alert> : null}
          {state && !pending && state.ok ? (
            <>
              <Alert tone={state.data.ok ? "success" : "error"}>
                {state.data.ok
                  ? "PagerDuty accepted the trigger and the resolve: this key works."
                  : "PagerDuty did not accept the test event. Its answer is below and on the destination."}
              </Alert>
              <ol className="space-y-2">
                {state.data.steps.map((step) => (
                  <li key={step.action} className="rounded-md border border-slate-200 px-3 py-2">
                    <div className="mb-1 text-sm font-medium capitalize text-slate-900">{step.action}</div>
                    <PagerDutyAnswer status={step.status} response={step.response} error={step.error} />
                  </li>
                ))}
              </ol>
              <p className="break-all text-xs text-slate-500">
                Dedup key <code className="font-mono">{state.data.dedupKey}</code>
              </p>
            </>
          ) : null}
          <div className="flex justify-end">
            <Button variant="secondary" onClick={() => setOpen(false)} autoFocus>
              Close
            </Button>
          </div>
        </div>
      </Dialog>
    </>
  );
}
