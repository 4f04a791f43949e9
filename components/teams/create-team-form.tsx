"use client";

import { useRouter } from "next/navigation";
import { createTeamAction } from "@/lib/teams/actions";
import { Alert } from "@/components/ui/alert";
import { Field, Input } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { useFieldValues } from "@/components/ui/use-field-values";
import { useSlugFromName } from "@/components/orgs/use-slug-from-name";
import { TeamDescriptionInput, TeamNameInput, TeamPriorityInput } from "./team-fields";

/** Creates a team and opens its settings, where its scope is defined. */
export function CreateTeamForm({ orgSlug }: { orgSlug: string }) {
  const router = useRouter();
  const { dispatch, errors, formError } = useActionForm(createTeamAction, {
    onSuccess: (data) => router.push(`/o/${orgSlug}/settings/teams/${data.slug}`),
  });
  // Controlled fields keep what was typed when the server answers with an error (React resets
  // uncontrolled fields after every form action).
  const { bind, set } = useFieldValues({ name: "", description: "", priority: "100" });
  const { slug, nameChanged, slugChanged } = useSlugFromName();

  return (
    <form action={dispatch} className="space-y-4">
      <input type="hidden" name="org" value={orgSlug} />
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <Field id="team-name" label="Name" errors={errors.name}>
        <TeamNameInput
          {...bind("name")}
          placeholder="Payments"
          onChange={(e) => {
            set("name", e.target.value);
            nameChanged(e.target.value);
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
          name="slug"
          required
          maxLength={40}
          value={slug}
          className="font-mono"
          onChange={(e) => slugChanged(e.target.value)}
        />
      </Field>
      <Field id="team-description" label="Description" hint="Optional: what the team runs." errors={errors.description}>
        <TeamDescriptionInput {...bind("description")} />
      </Field>
      <Field
        id="team-priority"
        label="Priority"
        hint="When two teams' scopes include the same resource, the lower number owns it."
        errors={errors.priority}
      >
        <TeamPriorityInput {...bind("priority")} className="w-32" />
      </Field>
      <SubmitButton pendingLabel="Creating…">Create team</SubmitButton>
    </form>
  );
}
