"use client";

import { useActionState, useState } from "react";
import { revokeTokenAction } from "@/app/(dashboard)/o/[org]/settings/tokens/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { SubmitButton } from "@/components/ui/submit-button";

type TToken = { id: string; name: string; hint: string; lastUsed: string };

export function RevokeTokenButton({ orgSlug, token }: { orgSlug: string; token: TToken }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        size="sm"
        variant="ghost"
        className="text-red-700 hover:bg-red-50 hover:text-red-800"
        onClick={() => setOpen(true)}
      >
        Revoke
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={`Revoke “${token.name}”?`}>
        <RevokeForm orgSlug={orgSlug} token={token} onCancel={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

function RevokeForm({ orgSlug, token, onCancel }: { orgSlug: string; token: TToken; onCancel: () => void }) {
  const [state, action] = useActionState(revokeTokenAction, null);
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="org" value={orgSlug} />
      <input type="hidden" name="tokenId" value={token.id} />
      {state && !state.ok ? <Alert tone="error">{state.error.message}</Alert> : null}
      <p className="text-sm text-slate-700">
        Requests with <code className="font-mono text-xs">{token.hint}</code> (last used {token.lastUsed}) are refused
        from now on. A revoked token cannot be restored; create a new one if you still need access.
      </p>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel} autoFocus>
          Cancel
        </Button>
        <SubmitButton variant="danger" pendingLabel="Revoking…">
          Revoke token
        </SubmitButton>
      </div>
    </form>
  );
}
