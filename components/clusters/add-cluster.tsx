"use client";

import { useActionState, useState } from "react";
import { createClusterAction } from "@/lib/clusters/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { SecretReveal } from "@/components/ui/secret-reveal";
import { SubmitButton } from "@/components/ui/submit-button";
import { slugify } from "@/lib/orgs/schemas";
import { ConnectInstructions } from "./connect-instructions";

/** The "Add cluster" card: a form, then the agent token (once) and the commands to connect. */
export function AddCluster({ orgSlug, host }: { orgSlug: string; host: string }) {
  // A new key remounts the form, clearing the last result (and its token) from memory.
  const [round, setRound] = useState(0);
  return <AddClusterForm key={round} orgSlug={orgSlug} host={host} onAnother={() => setRound((r) => r + 1)} />;
}

function AddClusterForm({ orgSlug, host, onAnother }: { orgSlug: string; host: string; onAnother: () => void }) {
  const [state, action] = useActionState(createClusterAction, null);
  const [slug, setSlug] = useState("");
  const [slugEdited, setSlugEdited] = useState(false);
  const errors = state && !state.ok ? (state.error.fieldErrors ?? {}) : {};

  if (state?.ok) {
    return (
      <Card>
        <CardHeader
          title={`Connect ${state.data.name}`}
          description="Install the agent with this token. Rotate the token on this page if it leaks."
          actions={
            <Button variant="secondary" onClick={onAnother}>
              Add another cluster
            </Button>
          }
        />
        <CardBody className="space-y-5">
          <SecretReveal label={`Agent token for ${state.data.slug}`} value={state.data.token} />
          <ConnectInstructions target={{ host, org: orgSlug, cluster: state.data.slug, token: state.data.token }} />
        </CardBody>
      </Card>
    );
  }

  return (
    <Card>
      <CardHeader
        title="Add cluster"
        description="Each cluster gets its own agent token. You will see it once, with the commands to install the agent."
      />
      <CardBody>
        <form action={action} className="space-y-4">
          <input type="hidden" name="org" value={orgSlug} />
          {state && !state.ok && !state.error.fieldErrors ? <Alert tone="error">{state.error.message}</Alert> : null}
          <div className="grid gap-4 md:grid-cols-2">
            <Field id="cluster-name" label="Name" hint="Shown in lists, e.g. Production US East." errors={errors.name}>
              <Input
                id="cluster-name"
                name="name"
                required
                maxLength={80}
                aria-invalid={Boolean(errors.name)}
                aria-describedby={errors.name ? "cluster-name-error" : undefined}
                onChange={(e) => {
                  if (!slugEdited) setSlug(slugify(e.target.value));
                }}
              />
            </Field>
            <Field
              id="cluster-slug"
              label="Cluster slug"
              hint="The agent's cluster name: lowercase letters, digits and hyphens."
              errors={errors.slug}
            >
              <Input
                id="cluster-slug"
                name="slug"
                required
                maxLength={63}
                value={slug}
                className="font-mono"
                aria-invalid={Boolean(errors.slug)}
                aria-describedby={errors.slug ? "cluster-slug-error" : undefined}
                onChange={(e) => {
                  setSlugEdited(true);
                  setSlug(e.target.value);
                }}
              />
            </Field>
          </div>
          <SubmitButton pendingLabel="Adding…">Add cluster</SubmitButton>
        </form>
      </CardBody>
    </Card>
  );
}
