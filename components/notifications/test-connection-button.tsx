"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { testConnectionAction } from "@/lib/notifications/actions";
import type { TConnectionView } from "@/lib/notifications/connections/queries";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import type { TOwnerRef } from "./connection-form";
import { SlackChannelPicker } from "./slack-channel-picker";

const WHAT_IT_SENDS: Record<TConnectionView["kind"], string> = {
  slack: "Checks the bot token with Slack and, with a channel, posts a test message there.",
  slack_webhook: "Posts a test message to the webhook's channel.",
  teams: "Posts a test card to the workflow's channel.",
  webhook: "Sends a signed test event to the endpoint.",
  email: "Connects to the server and mails a test to your own address.",
  jira_cloud: "Signs in to Jira with the token and says as whom.",
  jira_server: "Signs in to Jira with the token and says as whom.",
  github: "Signs in to GitHub and says as whom.",
};

/** The provider's answer as it came: the status and the body, for whoever fixes the connection. */
function ProviderAnswer({ status, response }: { status: number | null; response: Record<string, unknown> | null }) {
  return (
    <div className="space-y-1 text-xs text-slate-600">
      <p>{status === null ? "No answer from the service." : `Status ${status}`}</p>
      {response ? (
        <pre className="max-h-48 overflow-auto rounded bg-slate-50 p-2 font-mono text-slate-700 ring-1 ring-slate-200">
          {JSON.stringify(response, null, 2)}
        </pre>
      ) : null}
    </div>
  );
}

/** "Send test": a real message now, and the service's answer, ok or not, shown as it came. */
export function TestConnectionButton({ owner, connection }: { owner: TOwnerRef; connection: TConnectionView }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  // The test marks a connection broken or working again: the list behind shows it.
  const { state, submit, pending } = useActionForm(testConnectionAction, { onSuccess: () => router.refresh() });
  const result = state?.ok ? state.data : null;
  return (
    <>
      <Button
        size="sm"
        variant="secondary"
        onClick={() => setOpen(true)}
        aria-label={`Send test to ${connection.name}`}
      >
        Send test
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={`Send a test to ${connection.name}`}
        description={WHAT_IT_SENDS[connection.kind]}
      >
        <form onSubmit={submit} className="space-y-4">
          <HiddenFields values={{ org: owner.orgSlug, team: owner.teamSlug, connectionId: connection.id }} />
          {connection.kind === "slack" ? (
            <SlackChannelPicker
              owner={owner}
              connectionId={connection.id}
              id={`test-${connection.id}-channel`}
              label="Channel"
              forTest
            />
          ) : null}
          <div aria-live="polite" className="space-y-2">
            {state && !state.ok ? <Alert tone="error">{state.error.message}</Alert> : null}
            {result && !pending ? (
              <>
                <Alert tone={result.ok ? "success" : "error"}>
                  <span className="font-medium">{result.ok ? "It works." : "The service refused it."}</span>{" "}
                  {result.message}
                </Alert>
                <ProviderAnswer status={result.status} response={result.response} />
              </>
            ) : null}
          </div>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)} disabled={pending}>
              Close
            </Button>
            <SubmitButton pending={pending} pendingLabel="Sending…">
              {result ? "Send again" : "Send test"}
            </SubmitButton>
          </div>
        </form>
      </Dialog>
    </>
  );
}
