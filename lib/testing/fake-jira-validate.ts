import { fieldsFor, PROJECTS, PRIORITIES, type TFakeJiraProject, type TFakeJiraUser, USERS } from "./fake-jira-data";
import type { TApiVersion, TFakeJiraIssue } from "./fake-jira-shapes";

// POST /issue's validation, with Jira's own messages: 400 {errorMessages: [], errors: {field: …}}.

/** A valid create: the issue's fields as sent, with the project they name. */
export type TCreateRequest = Pick<
  TFakeJiraIssue,
  "issueType" | "summary" | "description" | "labels" | "components" | "priority" | "assignee" | "custom"
> & { project: TFakeJiraProject };

const isDoc = (v: unknown) =>
  !!v &&
  typeof v === "object" &&
  (v as { type?: unknown }).type === "doc" &&
  Array.isArray((v as { content?: unknown }).content);

/** A body of the API version's kind (v3: an Atlassian document; v2: a string), or Jira's complaint. */
export function bodyError(value: unknown, version: TApiVersion): string | null {
  if (version === "3" && !isDoc(value)) {
    return "Operation value must be an Atlassian Document (see the Atlassian Document Format)";
  }
  if (version === "2" && typeof value !== "string") return "Operation value must be a string";
  return null;
}

type TNamed = { name?: unknown; key?: unknown; id?: unknown; accountId?: unknown; value?: unknown };

export function validateCreate(
  raw: unknown,
  version: TApiVersion,
): { ok: true; request: TCreateRequest } | { ok: false; errors: Record<string, string> } {
  const fields = ((raw as { fields?: unknown })?.fields ?? {}) as Record<string, unknown>;
  const errors: Record<string, string> = {};
  const projectRef = (fields.project ?? {}) as TNamed;
  const project = PROJECTS.find((p) => p.key === projectRef.key || p.id === projectRef.id);
  if (!project) return { ok: false, errors: { project: "Specify a valid project ID or key" } };
  const typeRef = (fields.issuetype ?? {}) as TNamed;
  const type = project.issueTypes.find((t) => t.name === typeRef.name || t.id === typeRef.id);
  if (!type) return { ok: false, errors: { issuetype: "Specify an issue type" } };
  const screen = fieldsFor(project, type);

  const summary = typeof fields.summary === "string" ? fields.summary.trim() : "";
  if (!summary) errors.summary = "You must specify a summary of the issue.";
  else if (summary.length > 255) errors.summary = "Summary must be less than 255 characters.";
  if (fields.description !== undefined && fields.description !== null) {
    const problem = bodyError(fields.description, version);
    if (problem) errors.description = problem;
  }
  const labels = Array.isArray(fields.labels) ? fields.labels.map(String) : [];
  const spaced = labels.find((l) => /\s/.test(l));
  if (spaced) errors.labels = `The label '${spaced}' contains spaces which is invalid.`;
  const components = Array.isArray(fields.components) ? (fields.components as TNamed[]).map((c) => String(c.name)) : [];
  const badComponent = components.find((name) => !project.components.some((c) => c.name === name));
  if (badComponent) errors.components = `Component name '${badComponent}' is not valid`;
  const priorityName = fields.priority ? String((fields.priority as TNamed).name) : null;
  if (priorityName && !PRIORITIES.some((p) => p.name === priorityName)) {
    errors.priority = `The priority selected is invalid.`;
  }
  let assignee: TFakeJiraUser | null = null;
  if (fields.assignee) {
    const ref = fields.assignee as TNamed;
    assignee = USERS.find((u) => (version === "3" ? u.accountId === ref.accountId : u.name === ref.name)) ?? null;
    if (!assignee) errors.assignee = `User '${String(ref.accountId ?? ref.name)}' does not exist.`;
  }
  const custom: Record<string, unknown> = {};
  for (const [id, value] of Object.entries(fields)) {
    if (!id.startsWith("customfield_")) continue;
    const field = screen.find((f) => f.fieldId === id);
    if (!field) {
      errors[id] = `Field '${id}' cannot be set. It is not on the appropriate screen, or unknown.`;
      continue;
    }
    if (field.schema.type === "option") {
      const option = (value ?? {}) as TNamed;
      if (!field.allowedValues?.some((a) => a.value === option.value || a.id === option.id)) {
        errors[id] = `Option value '${String(option.value ?? option.id)}' is not valid`;
      }
    } else if (field.schema.type === "string" && typeof value !== "string") {
      errors[id] = `Operation value must be a string`;
    }
    custom[id] = value;
  }
  for (const field of screen) {
    if (!field.required || field.fieldId in errors) continue;
    const value = field.fieldId.startsWith("customfield_") ? custom[field.fieldId] : undefined;
    if (field.fieldId.startsWith("customfield_") && (value === undefined || value === "" || value === null)) {
      errors[field.fieldId] = `${field.name} is required.`;
    }
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  const description = fields.description ?? null;
  return {
    ok: true,
    request: {
      project,
      issueType: type.name,
      summary,
      description,
      labels,
      components,
      priority: priorityName,
      assignee,
      custom,
    },
  };
}
