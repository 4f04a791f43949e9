"use client";

import { revokeTokenAction } from "@/lib/tokens/actions";
import { ConfirmAction } from "@/components/ui/confirm-action";

type TToken = { id: string; name: string; hint: string; lastUsed: string };

export function RevokeTokenButton({ orgSlug, token }: { orgSlug: string; token: TToken }) {
  return (
    <ConfirmAction
      action={revokeTokenAction}
      fields={{ org: orgSlug, tokenId: token.id }}
      triggerLabel="Revoke"
      title={`Revoke “${token.name}”?`}
      description={
        <>
          Requests with <code className="font-mono text-xs">{token.hint}</code> (last used {token.lastUsed}) are refused
          from now on. A revoked token cannot be restored; create a new one if you still need access.
        </>
      }
      confirmLabel="Revoke token"
      pendingLabel="Revoking…"
    />
  );
}
