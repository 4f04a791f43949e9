import "server-only";
import type { TTicketDoc } from "../../document";
import type {
  TProviderContext,
  TProviderFailure,
  TProviderIssue,
  TProviderResult,
  TTicketProvider,
  TTransitionTarget,
} from "../../provider";
import type { TJiraProjectSettings } from "../../schemas";
import { toAdf } from "./adf";
import { createJiraClient, type TJiraAnswer } from "./client";
import { createFields } from "./create-fields";
import { ISSUE_FIELDS, parseReference, type TJiraIssueJson, toIssue } from "./issue";
import type { TAddCommentRequest, TCreateIssueRequest, TSearchRequest, TTransitionRequest } from "./jira-types";
import { fieldsOf, issueTypeIdOf, projectNotFound, type TMetaFieldInfo } from "./meta";
import { alreadyThere, chooseTransition, type TJiraTransition, transitionState } from "./state";
import { toWiki } from "./wiki";

export { parseJiraWebhook } from "./webhook";

// Jira Cloud and Data Center / Server behind one provider: the client picks the API version,
// authentication and body format; the calls are the same. Request bodies are checked against
// jira.js's published parameter types (`satisfies`), so a drift in Atlassian's API fails tsc.

const rejected = (error: string, status = 400): TProviderFailure => ({
  ok: false,
  outcome: { kind: "rejected", status, response: null, error },
});

const issueNotFound = (ref: string) => `Jira has no issue ${ref}, or the account cannot see it.`;
const TRANSITION_SETTING = { done: "doneTransition", wont_do: "wontDoTransition", reopen: "reopenTransition" } as const;
const TARGET_WORDS = { done: "to a done status", wont_do: "to a won't-do status", reopen: "back to an open status" };

export function createJiraProvider(context: TProviderContext): TTicketProvider {
  const client = createJiraClient(context);
  const settings: TJiraProjectSettings | null = context.project?.provider === "jira" ? context.project : null;
  const enc = encodeURIComponent;
  const bodyOf = (doc: TTicketDoc) => (client.flavor === "cloud" ? toAdf(doc) : toWiki(doc));
  const done = <T>(value: T, answer: Extract<TJiraAnswer<unknown>, { ok: true }>): TProviderResult<T> => ({
    ok: true,
    value,
    status: answer.status,
    response: answer.response,
  });

  async function readIssue(idOrKey: string): Promise<TProviderResult<TProviderIssue>> {
    const path = `/issue/${enc(idOrKey)}?fields=${ISSUE_FIELDS.join(",")}`;
    const answer = await client.call<TJiraIssueJson>("GET", path, undefined, issueNotFound(idOrKey));
    return answer.ok ? done(toIssue(client.site, answer.body), answer) : answer;
  }

  async function addComment(externalId: string, body: TTicketDoc): Promise<TProviderResult<{ id: string }>> {
    const request = { body: bodyOf(body) } satisfies TAddCommentRequest;
    const path = `/issue/${enc(externalId)}/comment`;
    const answer = await client.call<{ id: string }>("POST", path, request, issueNotFound(externalId));
    return answer.ok ? done({ id: String(answer.body.id) }, answer) : answer;
  }

  async function transitionsOf(externalId: string) {
    const path = `/issue/${enc(externalId)}/transitions`;
    return client.call<{ transitions?: TJiraTransition[] }>("GET", path, undefined, issueNotFound(externalId));
  }

  /** Custom field types of the configured issue type (only when custom fields are configured). */
  async function customFieldTypes(project: TJiraProjectSettings) {
    const types = new Map<string, TMetaFieldInfo>();
    if (!project.customFields.length) return { ok: true as const, types };
    const typeId = await issueTypeIdOf(client, project.projectKey, project.issueType);
    if (!typeId.ok) return typeId;
    if (!typeId.id) return { ok: true as const, types };
    const meta = await fieldsOf(client, project.projectKey, typeId.id);
    if (!meta.ok) return meta;
    for (const field of meta.fields) types.set(field.id, field);
    return { ok: true as const, types };
  }

  async function move(
    externalId: string,
    transitions: TJiraTransition[],
    to: TTransitionTarget,
    comment: TTicketDoc | undefined,
  ) {
    const chosen = chooseTransition(transitions, to, settings?.[TRANSITION_SETTING[to]] ?? "");
    if (!chosen) {
      const names = transitions.map((t) => t.name).join(", ") || "none";
      return rejected(`Jira offers no transition ${TARGET_WORDS[to]} for this issue (it offers: ${names}).`);
    }
    const path = `/issue/${enc(externalId)}/transitions`;
    const request = {
      transition: { id: chosen.id },
      ...(comment ? { update: { comment: [{ add: { body: bodyOf(comment) } }] } } : {}),
    } satisfies TTransitionRequest;
    const answer = await client.call<null>("POST", path, request, issueNotFound(externalId));
    // A transition without a screen refuses the comment field: move, then comment on its own.
    if (!answer.ok && comment && answer.fieldErrors?.comment) {
      const bare = await client.call<null>("POST", path, { transition: { id: chosen.id } }, issueNotFound(externalId));
      if (!bare.ok) return bare;
      return addComment(externalId, comment);
    }
    return answer;
  }

  return {
    kind: context.secret.kind === "jira_cloud" ? "jira_cloud" : "jira_server",

    async whoAmI() {
      const answer = await client.call<{ accountId?: string; name?: string; key?: string; displayName?: string }>(
        "GET",
        "/myself",
        undefined,
        null,
      );
      if (!answer.ok) return answer;
      const id = String(answer.body.accountId ?? answer.body.name ?? answer.body.key ?? "");
      return done({ id, name: String(answer.body.displayName ?? id) }, answer);
    },

    async projectOptions() {
      if (!settings) return rejected("Choose a Jira project first.");
      const key = settings.projectKey;
      const project = await client.call<{
        issueTypes?: { id: string; name: string; subtask?: boolean }[];
        components?: { name: string }[];
      }>("GET", `/project/${enc(key)}`, undefined, projectNotFound(key));
      if (!project.ok) return project;
      const priorities = await client.call<{ name: string }[]>("GET", "/priority", undefined, null);
      if (!priorities.ok) return priorities;
      const issueTypes = (project.body.issueTypes ?? [])
        .filter((t) => !t.subtask)
        .map(({ id, name }) => ({ id, name }));
      const chosen = issueTypes.find((t) => t.name.toLowerCase() === settings.issueType.toLowerCase());
      const meta = chosen ? await fieldsOf(client, key, chosen.id) : { ok: true as const, fields: [] };
      if (!meta.ok) return meta;
      return done(
        {
          issueTypes,
          components: (project.body.components ?? []).map((c) => c.name),
          priorities: (priorities.body ?? []).map((p) => p.name),
          fields: meta.fields.map(({ custom: _custom, ...field }) => field),
          milestones: [],
        },
        project,
      );
    },

    async createIssue(input) {
      if (!settings) return rejected("Choose a Jira project first.");
      const types = await customFieldTypes(settings);
      if (!types.ok) return types;
      const request = {
        fields: createFields(settings, input, client.flavor, types.types),
      } satisfies TCreateIssueRequest;
      const created = await client.call<{ id: string; key: string }>(
        "POST",
        "/issue",
        request,
        projectNotFound(settings.projectKey),
      );
      if (!created.ok) return created;
      return readIssue(String(created.body.id));
    },

    async getIssue(reference) {
      const parsed = parseReference(client.site, reference);
      return "idOrKey" in parsed ? readIssue(parsed.idOrKey) : parsed;
    },

    async findByLabel(label) {
      const jql = `labels = "${label.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}" ORDER BY created DESC`;
      const request = {
        jql,
        maxResults: 1,
        fields: [...ISSUE_FIELDS],
      } satisfies TSearchRequest;
      // Cloud retired POST /rest/api/3/search for /search/jql; Data Center still has /search.
      const path = client.flavor === "cloud" ? "/search/jql" : "/search";
      const answer = await client.call<{ issues?: TJiraIssueJson[] }>("POST", path, request, null);
      if (!answer.ok) return answer;
      const first = answer.body.issues?.[0];
      return done(first ? toIssue(client.site, first) : null, answer);
    },

    addComment,

    async transition(externalId, to, comment) {
      // The issue and the transitions it offers in one call (Jira's `expand=transitions`): a move
      // costs three calls with its read-back, a ticket already there two.
      const path = `/issue/${enc(externalId)}?fields=${ISSUE_FIELDS.join(",")}&expand=transitions`;
      const current = await client.call<TJiraIssueJson & { transitions?: TJiraTransition[] }>(
        "GET",
        path,
        undefined,
        issueNotFound(externalId),
      );
      if (!current.ok) return current;
      if (alreadyThere(current.body.fields?.status?.statusCategory?.key, to)) {
        if (comment) {
          const commented = await addComment(externalId, comment);
          if (!commented.ok) return commented;
        }
        return done(toIssue(client.site, current.body), current);
      }
      const moved = await move(externalId, current.body.transitions ?? [], to, comment);
      if (!moved.ok) return moved;
      return readIssue(externalId);
    },

    async listTransitions(externalId) {
      const answer = await transitionsOf(externalId);
      if (!answer.ok) return answer;
      const list = (answer.body.transitions ?? []).map((t) => ({
        id: String(t.id),
        name: t.name,
        category: transitionState(t),
      }));
      return done(list, answer);
    },

    async removeTestIssue(externalId) {
      const answer = await client.call<null>(
        "DELETE",
        `/issue/${enc(externalId)}`,
        undefined,
        issueNotFound(externalId),
      );
      return answer.ok ? done(undefined, answer) : answer;
    },
  };
}
