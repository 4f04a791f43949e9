"use client";

import { useActionState, useState } from "react";
import { rotateClusterTokenAction } from "@/lib/clusters/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { SecretReveal } from "@/components/ui/secret-reveal";
import { SubmitButton } from "@/components/ui/submit-button";
import { ConnectInstructions } from "./connect-instructions";

type TCluster = { id: string; slug: string; tokenHint: string | null };

export function RotateTokenButton({ orgSlug, host, cluster }: { orgSlug: string; host: string; cluster: TCluster }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="sm" variant="secondary" onClick={() => setOpen(true)}>
        {cluster.tokenHint ? "Rotate token" : "New token"}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={`Rotate the agent token of ${cluster.slug}`}
        description="A new token replaces the current one in the same step."
      >
        <RotateForm orgSlug={orgSlug} host={host} cluster={cluster} onDone={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

function RotateForm({
  orgSlug,
  host,
  cluster,
  onDone,
}: {
  orgSlug: string;
  host: string;
  cluster: TCluster;
  onDone: () => void;
}) {
  const [state, action] = useActionState(rotateClusterTokenAction, null);
  if (state?.ok) {
    return (
      <div className="space-y-5">
        <SecretReveal label={`New agent token for ${state.data.slug}`} value={state.data.token} />
        <ConnectInstructions
          update
          target={{ host, org: orgSlug, cluster: state.data.slug, token: state.data.token }}
        />
        <div className="flex justify-end">
          <Button onClick={onDone}>Done</Button>
        </div>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="org" value={orgSlug} />
      <input type="hidden" name="clusterId" value={cluster.id} />
      {state && !state.ok ? <Alert tone="error">{state.error.message}</Alert> : null}
      <p className="text-sm text-slate-700">
        {cluster.tokenHint ? (
          <>
            The current token <code className="font-mono text-xs">{cluster.tokenHint}</code> stops working immediately.
            The agent&apos;s uploads are refused until you update it with the new token.
          </>
        ) : (
          "This cluster has no active token. The new one is shown once, with the command to update the agent."
        )}
      </p>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onDone} autoFocus>
          Cancel
        </Button>
        <SubmitButton variant="danger" pendingLabel="Rotating…">
          Rotate token
        </SubmitButton>
      </div>
    </form>
  );
}
