"use client";

import type { TProjectOptions } from "@/lib/tickets/provider";
import type { TGithubRepoSettings } from "@/lib/tickets/schemas";
import { CodeInput, Field, Input, Select } from "@/components/ui/field";

/** A GitHub repository's settings; milestones become a select once the options are fetched. */
export function GithubRepoFields({
  settings,
  options,
  errors,
}: {
  settings: TGithubRepoSettings | null;
  options: TProjectOptions | null;
  errors: Record<string, string[]>;
}) {
  const milestone = settings?.milestone ? String(settings.milestone) : "";
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field id="ticket-owner" label="Owner" errors={errors.owner} hint="The user or organization.">
        <CodeInput name="owner" required defaultValue={settings?.owner} placeholder="acme" />
      </Field>
      <Field id="ticket-repo" label="Repository" errors={errors.repo}>
        <CodeInput name="repo" required defaultValue={settings?.repo} placeholder="payments" />
      </Field>
      <Field id="ticket-labels" label="Labels" errors={errors.labels} hint="Separated by commas.">
        <CodeInput name="labels" defaultValue={settings?.labels.join(", ")} placeholder="bumpers, security" />
      </Field>
      <Field id="ticket-assignees" label="Assignees" errors={errors.assignees} hint="GitHub user names, by commas.">
        <Input name="assignees" defaultValue={settings?.assignees.join(", ")} />
      </Field>
      <Field id="ticket-milestone" label="Milestone" errors={errors.milestone}>
        {options?.milestones.length ? (
          <Select name="milestone" defaultValue={milestone}>
            <option value="">None</option>
            {options.milestones.map((m) => (
              <option key={m.number} value={String(m.number)}>
                {m.title}
              </option>
            ))}
          </Select>
        ) : (
          <CodeInput name="milestone" inputMode="numeric" defaultValue={milestone} placeholder="Its number, or empty" />
        )}
      </Field>
    </div>
  );
}
