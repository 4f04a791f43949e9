import { SEVERITIES, type TTicketProjectInput } from "../schemas";

// How the ticket settings form turns FormData into the verbs' input, and the verbs' field errors
// back into the form's field names. Pure, so client and server read the form alike. The form's
// fields are named like the settings' paths ("projectKey", "priorities.high",
// "customFields.0.fieldId"), so an error's path is the field it sits under.

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};
const checked = (form: FormData, name: string) => form.get(name) === "on" || form.get(name) === "true";

/** At most this many custom field rows (the schema allows 20). */
export const MAX_CUSTOM_FIELDS = 20;

function jiraSettings(form: FormData) {
  const customFields = [];
  for (let i = 0; i < MAX_CUSTOM_FIELDS; i++) {
    const fieldId = text(form, `customFields.${i}.fieldId`);
    if (fieldId) customFields.push({ fieldId, template: text(form, `customFields.${i}.template`) });
  }
  return {
    provider: "jira" as const,
    projectKey: text(form, "projectKey").toUpperCase(),
    issueType: text(form, "issueType") || "Bug",
    components: text(form, "components"),
    labels: text(form, "labels"),
    assignee: text(form, "assignee"),
    priorities: Object.fromEntries(SEVERITIES.map((s) => [s, text(form, `priorities.${s}`)])) as Record<
      (typeof SEVERITIES)[number],
      string
    >,
    customFields,
    doneTransition: text(form, "doneTransition"),
    wontDoTransition: text(form, "wontDoTransition"),
    reopenTransition: text(form, "reopenTransition"),
  };
}

function githubSettings(form: FormData) {
  return {
    provider: "github" as const,
    owner: text(form, "owner"),
    repo: text(form, "repo"),
    labels: text(form, "labels"),
    assignees: text(form, "assignees"),
    milestone: text(form, "milestone") ? Number(text(form, "milestone")) : null,
  };
}

/** The project form's input; `provider` says which settings it carries. */
export function ticketProjectFromForm(form: FormData): TTicketProjectInput {
  return {
    connectionId: text(form, "connectionId"),
    settings: text(form, "provider") === "github" ? githubSettings(form) : jiraSettings(form),
    reopenWhenStillFailing: form.has("reopenWhenStillFailingPresent") ? checked(form, "reopenWhenStillFailing") : true,
    commentsAsNotes: checked(form, "commentsAsNotes"),
  } as TTicketProjectInput;
}

/** "project.settings.priorities.high" → "priorities.high"; list items' errors sit under the list. */
export function projectFieldErrors(fieldErrors: Record<string, string[]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [path, messages] of Object.entries(fieldErrors)) {
    let key = path.replace(/^project\./, "").replace(/^settings\./, "");
    if (/^(labels|components|assignees)\.\d+$/.test(key)) key = key.split(".")[0];
    out[key] = [...new Set([...(out[key] ?? []), ...messages])];
  }
  return out;
}
