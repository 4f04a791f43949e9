"use client";

import { useState } from "react";
import type { TProjectOptions } from "@/lib/tickets/provider";
import { SEVERITIES, type TJiraProjectSettings } from "@/lib/tickets/schemas";
import { Button } from "@/components/ui/button";
import { CodeInput, Field, Input, Select } from "@/components/ui/field";
import { OptionInput } from "./option-input";

// A Jira project's settings. Issue types, priorities and custom fields become selects once the
// project's options are fetched; transitions once a test ticket has listed the workflow's.

type TTransition = { id: string; name: string };
type TProps = {
  settings: TJiraProjectSettings | null;
  options: TProjectOptions | null;
  transitions: TTransition[] | null;
  errors: Record<string, string[]>;
};

const SEVERITY_LABELS = { critical: "Critical", high: "High", medium: "Medium", low: "Low", none: "No severity" };
const names = (items: { name: string }[] | undefined) => (items?.length ? items.map((i) => i.name) : null);

function CustomFields({ settings, options, errors }: Omit<TProps, "transitions">) {
  const [rows, setRows] = useState(settings?.customFields.length ? settings.customFields : []);
  const fields = options?.fields.filter((f) => f.id.startsWith("customfield_")) ?? [];
  const missing = fields.filter((f) => f.required && !rows.some((r) => r.fieldId === f.id));
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-slate-700">Custom fields</legend>
      <p className="text-xs text-slate-500">
        Templates may use {"{{severity}}"}, {"{{check}}"}, {"{{cluster}}"}, {"{{team}}"} and {"{{url}}"}.
      </p>
      {missing.length ? (
        <p className="text-xs text-amber-700">Required by this issue type: {missing.map((f) => f.name).join(", ")}.</p>
      ) : null}
      {rows.map((row, i) => (
        <div key={i} className="grid gap-2 sm:grid-cols-[1fr_2fr_auto] sm:items-end">
          <Field id={`cf-${i}-id`} label="Field" errors={errors[`customFields.${i}.fieldId`]}>
            {fields.length ? (
              <Select name={`customFields.${i}.fieldId`} defaultValue={row.fieldId}>
                {fields.map((f) => (
                  <option key={f.id} value={f.id}>
                    {f.name}
                    {f.required ? " (required)" : ""}
                  </option>
                ))}
              </Select>
            ) : (
              <CodeInput
                name={`customFields.${i}.fieldId`}
                defaultValue={row.fieldId}
                placeholder="customfield_10010"
              />
            )}
          </Field>
          <Field id={`cf-${i}-template`} label="Value" errors={errors[`customFields.${i}.template`]}>
            <Input name={`customFields.${i}.template`} defaultValue={row.template} placeholder="{{team}}" />
          </Field>
          <Button variant="secondary" size="sm" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
            Remove
          </Button>
        </div>
      ))}
      <Button
        variant="secondary"
        size="sm"
        onClick={() => setRows([...rows, { fieldId: missing[0]?.id ?? fields[0]?.id ?? "", template: "" }])}
      >
        Add custom field
      </Button>
    </fieldset>
  );
}

export function JiraProjectFields({ settings, options, transitions, errors }: TProps) {
  const transitionNames = transitions?.length ? transitions.map((t) => t.name) : null;
  return (
    <div className="space-y-5">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="ticket-projectKey" label="Project key" errors={errors.projectKey} hint="Like PAY.">
          <CodeInput name="projectKey" required defaultValue={settings?.projectKey} placeholder="PAY" maxLength={10} />
        </Field>
        <Field id="ticket-issueType" label="Issue type" errors={errors.issueType}>
          <OptionInput name="issueType" value={settings?.issueType ?? "Bug"} options={names(options?.issueTypes)} />
        </Field>
        <Field id="ticket-components" label="Components" errors={errors.components} hint="Separated by commas.">
          <Input name="components" defaultValue={settings?.components.join(", ")} />
        </Field>
        <Field id="ticket-labels" label="Labels" errors={errors.labels} hint="Separated by commas, no spaces inside.">
          <CodeInput name="labels" defaultValue={settings?.labels.join(", ")} placeholder="bumpers, security" />
        </Field>
        <Field
          id="ticket-assignee"
          label="Default assignee"
          errors={errors.assignee}
          hint="Jira Cloud: an account id; Data Center: a user name. Empty: the project's default."
        >
          <CodeInput name="assignee" defaultValue={settings?.assignee} />
        </Field>
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">Priority per severity</legend>
        <div className="grid gap-3 sm:grid-cols-5">
          {SEVERITIES.map((s) => (
            <Field key={s} id={`ticket-priority-${s}`} label={SEVERITY_LABELS[s]} errors={errors[`priorities.${s}`]}>
              <OptionInput
                name={`priorities.${s}`}
                value={settings?.priorities[s] ?? ""}
                options={options?.priorities ?? null}
                emptyLabel="Jira's default"
              />
            </Field>
          ))}
        </div>
      </fieldset>
      <CustomFields settings={settings} options={options} errors={errors} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">Workflow transitions</legend>
        <p className="text-xs text-slate-500">
          {transitionNames
            ? "From the test ticket's workflow."
            : "Empty: the first transition into the right status category. Create a test ticket to pick from the workflow's own list."}
        </p>
        <div className="grid gap-3 sm:grid-cols-3">
          {(
            [
              ["doneTransition", "Done"],
              ["wontDoTransition", "Won't do"],
              ["reopenTransition", "Reopen"],
            ] as const
          ).map(([name, label]) => (
            <Field key={name} id={`ticket-${name}`} label={label} errors={errors[name]}>
              <OptionInput
                name={name}
                value={settings?.[name] ?? ""}
                options={transitionNames}
                emptyLabel="Automatic"
              />
            </Field>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
