import type { TCreateIssueInput, TCreateField } from "../../provider";
import type { TJiraProjectSettings } from "../../schemas";
import { type TAdfDoc, toAdf } from "./adf";
import type { TJiraFlavor } from "./client";
import { toWiki } from "./wiki";

// The `fields` of POST /issue: project, summary, type, body (ADF on Cloud, wiki markup on Data
// Center), labels, components, priority and assignee from the project settings, and custom fields
// filled from their templates ({{severity}}, {{check}}, {{cluster}}, {{team}}, {{url}}).

export function renderTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => values[name] ?? "").trim();
}

const TEXTAREA = "com.atlassian.jira.plugin.system.customfieldtypes:textarea";

/** A rendered template as the value Jira takes for a field of this type (unknown types: the string). */
export function customValue(
  value: string,
  field: (TCreateField & { custom?: string }) | undefined,
  flavor: TJiraFlavor,
) {
  if (!field) return value;
  if (field.type === "option") return { value };
  if (field.type === "number") return Number(value);
  if (field.type === "array")
    return value
      .split(",")
      .map((v) => v.trim())
      .filter(Boolean);
  // A multi-line text field takes a document on REST v3, like the description.
  if (flavor === "cloud" && field.custom === TEXTAREA) {
    return {
      type: "doc",
      version: 1,
      content: [{ type: "paragraph", content: [{ type: "text", text: value }] }],
    } satisfies TAdfDoc;
  }
  return value;
}

export type TCreateFields = {
  project: { key: string };
  summary: string;
  issuetype: { name: string };
  description: TAdfDoc | string;
  labels: string[];
  components?: { name: string }[];
  priority?: { name: string };
  assignee?: { accountId: string } | { name: string };
  [customField: `customfield_${number}`]: unknown;
};

export function createFields(
  settings: TJiraProjectSettings,
  input: TCreateIssueInput,
  flavor: TJiraFlavor,
  fieldTypes: Map<string, TCreateField & { custom?: string }>,
): TCreateFields {
  const fields: TCreateFields = {
    project: { key: settings.projectKey },
    summary: input.title,
    issuetype: { name: settings.issueType },
    description: flavor === "cloud" ? toAdf(input.body) : toWiki(input.body),
    labels: [...new Set([...settings.labels, ...input.labels])],
  };
  if (settings.components.length) fields.components = settings.components.map((name) => ({ name }));
  const priority = settings.priorities[input.severity];
  if (priority) fields.priority = { name: priority };
  if (settings.assignee) {
    fields.assignee = flavor === "cloud" ? { accountId: settings.assignee } : { name: settings.assignee };
  }
  for (const { fieldId, template } of settings.customFields) {
    const value = renderTemplate(template, input.templateValues);
    if (value) fields[fieldId as `customfield_${number}`] = customValue(value, fieldTypes.get(fieldId), flavor);
  }
  return fields;
}
