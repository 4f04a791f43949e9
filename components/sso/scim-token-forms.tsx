"use client";

import { useState } from "react";
import { createScimTokenAction, revokeScimTokenAction } from "@/lib/sso/actions";
import { Button } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { Field, Input } from "@/components/ui/field";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { SecretReveal } from "@/components/ui/secret-reveal";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";

export function CreateScimTokenForm({ orgSlug }: { orgSlug: string }) {
  // A new key remounts the form and drops the last token from memory.
  const [round, setRound] = useState(0);
  return <TokenForm key={round} orgSlug={orgSlug} onAnother={() => setRound((r) => r + 1)} />;
}

function TokenForm({ orgSlug, onAnother }: { orgSlug: string; onAnother: () => void }) {
  const { state, submit, pending, errors, formError } = useActionForm(createScimTokenAction);
  if (state?.ok) {
    return (
      <div className="space-y-3">
        <SecretReveal label={`SCIM token “${state.data.name}”`} value={state.data.token} />
        <Button variant="secondary" onClick={onAnother}>
          Create another token
        </Button>
      </div>
    );
  }
  const nameErrors = errors.name ?? (formError ? [formError] : undefined);
  return (
    <form onSubmit={submit} className="flex flex-wrap items-start gap-3" noValidate>
      <HiddenFields values={{ org: orgSlug }} />
      <Field id="scim-token-name" label="Token name" hideLabel errors={nameErrors} className="w-72">
        <Input name="name" required maxLength={80} placeholder="Okta provisioning" />
      </Field>
      <SubmitButton pending={pending} pendingLabel="Creating…">
        Create SCIM token
      </SubmitButton>
    </form>
  );
}

type TToken = { id: string; name: string; hint: string; lastUsed: string };

export function RevokeScimTokenButton({ orgSlug, token }: { orgSlug: string; token: TToken }) {
  return (
    <ConfirmAction
      action={revokeScimTokenAction}
      fields={{ org: orgSlug, tokenId: token.id }}
      triggerLabel="Revoke"
      triggerAriaLabel={`Revoke ${token.name}`}
      title={`Revoke “${token.name}”?`}
      description={
        <>
          Provisioning requests with <code className="font-mono text-xs">{token.hint}</code> (last used {token.lastUsed}
          ) are refused from now on: create a new token and enter it at the IdP first if provisioning must go on.
        </>
      }
      confirmLabel="Revoke token"
      pendingLabel="Revoking…"
    />
  );
}
