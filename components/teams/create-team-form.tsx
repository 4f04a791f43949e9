"use client";

import { useActionState, useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { createTeamAction } from "@/lib/teams/actions";
import { Alert } from "@/components/ui/alert";
import { Field, Input, Textarea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { slugify } from "@/lib/orgs/schemas";

/** Creates a team and opens its settings, where its scope is defined. */
export function CreateTeamForm({ orgSlug }: { orgSlug: string }) {
  const router = useRouter();
  const [state, action] = useActionState(createTeamAction, null);
  // Controlled fields keep what was typed when the server answers with an error (React resets
  // uncontrolled fields after every form action).
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [priority, setPriority] = useState("100");
  const [slug, setSlug] = useState("");
  const [slugEdited, setSlugEdited] = useState(false);
  const errors = state && !state.ok ? (state.error.fieldErrors ?? {}) : {};

  useEffect(() => {
    if (state?.ok) router.push(`/o/${orgSlug}/settings/teams/${state.data.slug}`);
  }, [state, orgSlug, router]);

  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="org" value={orgSlug} />
      {state && !state.ok && !state.error.fieldErrors ? <Alert tone="error">{state.error.message}</Alert> : null}
      <Field id="team-name" label="Name" errors={errors.name}>
        <Input
          id="team-name"
          name="name"
          required
          maxLength={60}
          placeholder="Payments"
          aria-invalid={Boolean(errors.name)}
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            if (!slugEdited) setSlug(slugify(e.target.value));
          }}
        />
      </Field>
      <Field
        id="team-slug"
        label="Slug"
        hint={`The team's page will be /o/${orgSlug}/teams/${slug || "your-team"}. It cannot be changed later.`}
        errors={errors.slug}
      >
        <Input
          id="team-slug"
          name="slug"
          required
          maxLength={40}
          value={slug}
          className="font-mono"
          aria-invalid={Boolean(errors.slug)}
          onChange={(e) => {
            setSlugEdited(true);
            setSlug(e.target.value);
          }}
        />
      </Field>
      <Field id="team-description" label="Description" hint="Optional: what the team runs." errors={errors.description}>
        <Textarea
          id="team-description"
          name="description"
          rows={2}
          maxLength={500}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          aria-invalid={Boolean(errors.description)}
        />
      </Field>
      <Field
        id="team-priority"
        label="Priority"
        hint="When two teams' scopes include the same resource, the lower number owns it."
        errors={errors.priority}
      >
        <div className="w-32">
          <Input
            id="team-priority"
            name="priority"
            type="number"
            inputMode="numeric"
            min={0}
            max={10000}
            step={1}
            value={priority}
            onChange={(e) => setPriority(e.target.value)}
            required
            aria-invalid={Boolean(errors.priority)}
          />
        </div>
      </Field>
      <SubmitButton pendingLabel="Creating…">Create team</SubmitButton>
    </form>
  );
}
