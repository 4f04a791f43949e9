"use client";

import { useActionState, useState } from "react";
import { createOrgTokenAction } from "@/lib/tokens/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { SecretReveal } from "@/components/ui/secret-reveal";
import { SubmitButton } from "@/components/ui/submit-button";
import { CodeBlock } from "@/components/clusters/code-block";

export function CreateTokenForm({ orgSlug, host }: { orgSlug: string; host: string }) {
  // A new key remounts the form and drops the last secret from memory.
  const [round, setRound] = useState(0);
  return <TokenForm key={round} orgSlug={orgSlug} host={host} onAnother={() => setRound((r) => r + 1)} />;
}

function TokenForm({ orgSlug, host, onAnother }: { orgSlug: string; host: string; onAnother: () => void }) {
  const [state, action] = useActionState(createOrgTokenAction, null);
  const errors = state && !state.ok ? (state.error.fieldErrors ?? {}) : {};

  if (state?.ok) {
    return (
      <div className="space-y-4">
        <SecretReveal label={`API token "${state.data.name}"`} value={state.data.token} />
        <CodeBlock
          label="Try it"
          code={`curl -H "Authorization: Bearer ${state.data.token}" ${host}/api/v1/clusters`}
        />
        <Button variant="secondary" onClick={onAnother}>
          Create another token
        </Button>
      </div>
    );
  }

  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="org" value={orgSlug} />
      {state && !state.ok && !state.error.fieldErrors ? <Alert tone="error">{state.error.message}</Alert> : null}
      <div className="grid items-start gap-4 md:grid-cols-[minmax(0,1fr)_18rem_auto]">
        <Field id="token-name" label="Name" hint="What uses it, e.g. “GitHub Actions deploy”." errors={errors.name}>
          <Input
            id="token-name"
            name="name"
            required
            maxLength={80}
            aria-invalid={Boolean(errors.name)}
            aria-describedby={errors.name ? "token-name-error" : undefined}
          />
        </Field>
        <Field
          id="token-kind"
          label="Access"
          hint="Admin tokens can also create clusters and read the audit log. CI tokens only read policy settings and upload scan results."
          errors={errors.kind}
        >
          <Select id="token-kind" name="kind" defaultValue="org_read" aria-invalid={Boolean(errors.kind)}>
            <option value="org_read">Read only</option>
            <option value="org_admin">Admin</option>
            <option value="ci">CI (bumpers check --server)</option>
          </Select>
        </Field>
        <div className="md:pt-6">
          <SubmitButton pendingLabel="Creating…">Create token</SubmitButton>
        </div>
      </div>
    </form>
  );
}
