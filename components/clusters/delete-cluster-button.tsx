"use client";

import { useActionState, useState } from "react";
import { useFormStatus } from "react-dom";
import { deleteClusterAction } from "@/lib/clusters/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DangerTrigger } from "@/components/ui/confirm-action";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/field";

type TCluster = { id: string; slug: string; name: string; workloads: number };

export function DeleteClusterButton({ orgSlug, cluster }: { orgSlug: string; cluster: TCluster }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <DangerTrigger onClick={() => setOpen(true)}>Delete</DangerTrigger>
      <Dialog open={open} onClose={() => setOpen(false)} title={`Delete ${cluster.name}?`}>
        <DeleteForm orgSlug={orgSlug} cluster={cluster} onCancel={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

function DeleteForm({ orgSlug, cluster, onCancel }: { orgSlug: string; cluster: TCluster; onCancel: () => void }) {
  const [state, action] = useActionState(deleteClusterAction, null);
  const [typed, setTyped] = useState("");
  const errors = state && !state.ok ? (state.error.fieldErrors ?? {}) : {};
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="org" value={orgSlug} />
      <input type="hidden" name="clusterId" value={cluster.id} />
      {state && !state.ok && !errors.confirm ? <Alert tone="error">{state.error.message}</Alert> : null}
      <p className="text-sm text-slate-700">
        This removes the cluster, its agent token and everything Bumpers knows about it
        {cluster.workloads ? ` (${cluster.workloads} workload${cluster.workloads === 1 ? "" : "s"})` : ""}. The agent in
        the cluster keeps running but its uploads are refused. This cannot be undone.
      </p>
      <Field
        id={`confirm-${cluster.id}`}
        label={
          <>
            Type <code className="font-mono text-xs">{cluster.slug}</code> to confirm
          </>
        }
        errors={errors.confirm}
      >
        <Input
          id={`confirm-${cluster.id}`}
          name="confirm"
          autoComplete="off"
          className="font-mono"
          value={typed}
          aria-invalid={Boolean(errors.confirm)}
          onChange={(e) => setTyped(e.target.value)}
        />
      </Field>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <DeleteSubmit ready={typed.trim() === cluster.slug} />
      </div>
    </form>
  );
}

/** Enabled only once the slug is typed; the server checks it again. */
function DeleteSubmit({ ready }: { ready: boolean }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant="danger" disabled={!ready || pending} aria-busy={pending}>
      {pending ? "Deleting…" : "Delete cluster"}
    </Button>
  );
}
