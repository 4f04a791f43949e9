import type {
  CommentSchema,
  CreatedIssueSchema,
  DashboardUserSchema,
  ErrorCollectionSchema,
  IssueSchema,
  PageOfCreateMetaIssueTypesSchema,
  PageOfCreateMetaIssueTypeWithFieldSchema,
  PrioritySchema,
  ProjectSchema,
  SearchAndReconcileResultsSchema,
  StatusDetailsSchema,
  TransitionsSchema,
} from "jira.js/cloud";
import type { z } from "zod";
import {
  CATEGORIES,
  fieldsFor,
  PRIORITIES,
  RESOLUTIONS,
  STATUSES,
  type TFakeJiraProject,
  type TFakeJiraTransition,
  type TFakeJiraUser,
} from "./fake-jira-data";

// The fake Jira's answers, built to Atlassian's published shapes: each builder `satisfies` the
// input type of jira.js's schema for that answer, so a drift between the fake and Jira fails tsc
// (and the contract test parses the answers with the same schemas at runtime). REST v3 carries
// bodies as Atlassian documents, v2 as strings; the rest is the same.

type In<S extends z.ZodType> = z.input<S>;
export type TApiVersion = "2" | "3";

export type TFakeJiraComment = { id: string; body: unknown; author: TFakeJiraUser; created: string };

export type TFakeJiraIssue = {
  id: string;
  key: string;
  projectKey: string;
  issueType: string;
  summary: string;
  /** As sent: an Atlassian document (v3) or wiki markup (v2). */
  description: unknown;
  labels: string[];
  components: string[];
  priority: string | null;
  assignee: TFakeJiraUser | null;
  /** customfield_… values as sent. */
  custom: Record<string, unknown>;
  status: string;
  resolution: string | null;
  comments: TFakeJiraComment[];
  creator: TFakeJiraUser;
  created: string;
  updated: string;
};

/** Jira's timestamp format ("2026-01-05T10:00:00.000+0000"). */
export const jiraTime = (date = new Date()) => date.toISOString().replace("Z", "+0000");

type TAdf = { type: string; text?: string; content?: TAdf[] };

/** An Atlassian document's text (a v2 reader of a v3 body). */
export function adfText(node: unknown): string {
  const n = node as TAdf | null;
  if (!n || typeof n !== "object") return "";
  if (n.type === "text") return n.text ?? "";
  const parts = (n.content ?? []).map(adfText);
  return n.type === "doc" || n.type === "bulletList" ? parts.join("\n") : parts.join("");
}

/** A body in the representation of the API version asked. */
export function bodyFor(value: unknown, version: TApiVersion): unknown {
  if (value === null || value === undefined) return null;
  if (version === "2") return typeof value === "string" ? value : adfText(value);
  if (typeof value !== "string") return value;
  return { type: "doc", version: 1, content: [{ type: "paragraph", content: [{ type: "text", text: value }] }] };
}

export function userJson(base: string, user: TFakeJiraUser, version: TApiVersion) {
  const common = { displayName: user.displayName, emailAddress: user.emailAddress, active: true, timeZone: "UTC" };
  if (version === "3") {
    return {
      self: `${base}/rest/api/3/user?accountId=${user.accountId}`,
      accountId: user.accountId,
      accountType: "atlassian",
      ...common,
    } satisfies In<typeof DashboardUserSchema>;
  }
  return { self: `${base}/rest/api/2/user?username=${user.name}`, name: user.name, key: user.name, ...common };
}

export function statusJson(base: string, name: string, version: TApiVersion) {
  const status = STATUSES.find((s) => s.name === name)!;
  const category = CATEGORIES[status.category];
  return {
    self: `${base}/rest/api/${version}/status/${status.id}`,
    id: status.id,
    name: status.name,
    description: "",
    statusCategory: {
      self: `${base}/rest/api/${version}/statuscategory/${category.id}`,
      id: category.id,
      key: status.category,
      colorName: category.colorName,
      name: category.name,
    },
  } satisfies In<typeof StatusDetailsSchema>;
}

export function issueJson(base: string, issue: TFakeJiraIssue, version: TApiVersion, only?: string[]) {
  const project = { id: issue.projectKey, key: issue.projectKey };
  const all: Record<string, unknown> = {
    summary: issue.summary,
    status: statusJson(base, issue.status, version),
    resolution: issue.resolution
      ? {
          self: `${base}/rest/api/${version}/resolution/${RESOLUTIONS[issue.resolution]}`,
          id: RESOLUTIONS[issue.resolution],
          name: issue.resolution,
          description: "",
        }
      : null,
    labels: issue.labels,
    issuetype: { name: issue.issueType },
    project,
    priority: issue.priority ? PRIORITIES.find((p) => p.name === issue.priority) : null,
    components: issue.components.map((name) => ({ name })),
    assignee: issue.assignee ? userJson(base, issue.assignee, version) : null,
    creator: userJson(base, issue.creator, version),
    reporter: userJson(base, issue.creator, version),
    description: bodyFor(issue.description, version),
    created: issue.created,
    updated: issue.updated,
    resolutiondate: issue.resolution ? issue.updated : null,
    ...issue.custom,
  };
  const fields = only?.length ? Object.fromEntries(Object.entries(all).filter(([k]) => only.includes(k))) : all;
  return {
    expand: "renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations",
    id: issue.id,
    self: `${base}/rest/api/${version}/issue/${issue.id}`,
    key: issue.key,
    fields,
  } satisfies In<typeof IssueSchema>;
}

export const createdJson = (base: string, issue: TFakeJiraIssue, version: TApiVersion) =>
  ({
    id: issue.id,
    key: issue.key,
    self: `${base}/rest/api/${version}/issue/${issue.id}`,
  }) satisfies In<typeof CreatedIssueSchema>;

export function commentJson(base: string, issue: TFakeJiraIssue, comment: TFakeJiraComment, version: TApiVersion) {
  const author = userJson(base, comment.author, version);
  const json = {
    self: `${base}/rest/api/${version}/issue/${issue.id}/comment/${comment.id}`,
    id: comment.id,
    author,
    updateAuthor: author,
    created: comment.created,
    updated: comment.created,
  } satisfies In<typeof CommentSchema>;
  // v3's Comment carries a document; v2's the same comment with a string body.
  const body = bodyFor(comment.body, version);
  return { ...json, body };
}

export function transitionsJson(base: string, offered: TFakeJiraTransition[], version: TApiVersion) {
  return {
    expand: "transitions",
    transitions: offered.map((t) => ({
      id: t.id,
      name: t.name,
      to: statusJson(base, t.to, version),
      hasScreen: false,
      isGlobal: false,
      isInitial: false,
      isAvailable: true,
      isConditional: false,
      looped: false,
    })),
  } satisfies In<typeof TransitionsSchema>;
}

export function projectJson(base: string, project: TFakeJiraProject, version: TApiVersion) {
  return {
    expand: "description,lead,issueTypes,url,projectKeys,permissions,insight",
    self: `${base}/rest/api/${version}/project/${project.id}`,
    id: project.id,
    key: project.key,
    name: project.name,
    description: "",
    projectTypeKey: "software",
    simplified: false,
    style: "classic",
    isPrivate: false,
    components: project.components.map((c) => ({
      self: `${base}/rest/api/${version}/component/${c.id}`,
      id: c.id,
      name: c.name,
      isAssigneeTypeValid: false,
    })),
    issueTypes: project.issueTypes.map((t) => ({
      self: `${base}/rest/api/${version}/issuetype/${t.id}`,
      id: t.id,
      name: t.name,
      description: "",
      subtask: t.subtask,
      hierarchyLevel: t.subtask ? -1 : 0,
    })),
  } satisfies In<typeof ProjectSchema>;
}

export const prioritiesJson = (base: string, version: TApiVersion) =>
  PRIORITIES.map(
    (p) =>
      ({
        self: `${base}/rest/api/${version}/priority/${p.id}`,
        id: p.id,
        name: p.name,
        description: "",
        statusColor: "#888888",
      }) satisfies In<typeof PrioritySchema>,
  );

/** Create-metadata pages: Cloud lists under issueTypes / fields, Data Center under values. */
export function issueTypesMetaJson(base: string, project: TFakeJiraProject, version: TApiVersion) {
  const types = project.issueTypes.map((t) => ({
    self: `${base}/rest/api/${version}/issuetype/${t.id}`,
    id: t.id,
    name: t.name,
    description: "",
    subtask: t.subtask,
  }));
  const page = { maxResults: 50, startAt: 0, total: types.length };
  if (version === "2") return { ...page, isLast: true, values: types };
  return { ...page, issueTypes: types } satisfies In<typeof PageOfCreateMetaIssueTypesSchema>;
}

export function fieldsMetaJson(project: TFakeJiraProject, issueTypeId: string, version: TApiVersion) {
  const type = project.issueTypes.find((t) => t.id === issueTypeId);
  if (!type) return null;
  const fields = fieldsFor(project, type).map((f) => ({
    ...f,
    key: f.fieldId,
    hasDefaultValue: false,
    operations: ["set"],
  }));
  const page = { maxResults: 50, startAt: 0, total: fields.length };
  if (version === "2") return { ...page, isLast: true, values: fields };
  return { ...page, fields } satisfies In<typeof PageOfCreateMetaIssueTypeWithFieldSchema>;
}

export function searchJson(base: string, found: TFakeJiraIssue[], version: TApiVersion, max: number, only?: string[]) {
  const issues = found.slice(0, max).map((i) => issueJson(base, i, version, only));
  if (version === "2") return { expand: "schema,names", startAt: 0, maxResults: max, total: found.length, issues };
  return { issues, isLast: found.length <= max } satisfies In<typeof SearchAndReconcileResultsSchema>;
}

export const errorJson = (errorMessages: string[], errors: Record<string, string> = {}) =>
  ({ errorMessages, errors }) satisfies In<typeof ErrorCollectionSchema>;

export const STATUS_IDS: Record<string, string> = Object.fromEntries(STATUSES.map((s) => [s.name, s.id]));
