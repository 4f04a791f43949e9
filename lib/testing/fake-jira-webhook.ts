import type { TFakeJiraUser } from "./fake-jira-data";
import {
  adfText,
  issueJson,
  STATUS_IDS,
  type TFakeJiraComment,
  type TFakeJiraIssue,
  userJson,
} from "./fake-jira-shapes";

// The webhook bodies Jira sends (jira:issue_created / _updated / _deleted, comment_created), in
// the flavor of the site: Cloud names users by accountId, Data Center by name. Both deliver
// bodies (description, comment) as wiki strings, whatever the REST version that made them.

export type TFakeJiraWebhookFlavor = "cloud" | "server";

const asText = (body: unknown) => (typeof body === "string" ? body : adfText(body));

export function jiraWebhook(
  base: string,
  event: string,
  issue: TFakeJiraIssue,
  actor: TFakeJiraUser,
  flavor: TFakeJiraWebhookFlavor,
  extra: { from?: { status: string; resolution: string | null }; comment?: TFakeJiraComment },
): Record<string, unknown> {
  const version = flavor === "cloud" ? "3" : "2";
  const json = issueJson(base, issue, version);
  const issueBody = { ...json, fields: { ...json.fields, description: asText(issue.description) } };
  const comment = extra.comment && {
    self: `${base}/rest/api/2/issue/${issue.id}/comment/${extra.comment.id}`,
    id: extra.comment.id,
    author: userJson(base, extra.comment.author, version),
    body: asText(extra.comment.body),
    updateAuthor: userJson(base, extra.comment.author, version),
    created: extra.comment.created,
    updated: extra.comment.created,
  };
  const common = { timestamp: Date.now(), webhookEvent: event };
  if (event === "comment_created") return { ...common, comment, issue: issueBody };
  const payload: Record<string, unknown> = {
    ...common,
    user: userJson(base, actor, version),
    issue: issueBody,
    ...(event === "jira:issue_updated" ? { issue_event_type_name: "issue_generic" } : {}),
    ...(comment ? { comment } : {}),
  };
  if (extra.from) {
    const { from } = extra;
    payload.changelog = {
      id: String(Date.now()),
      items: [
        ...(from.resolution !== issue.resolution
          ? [
              {
                field: "resolution",
                fieldtype: "jira",
                fieldId: "resolution",
                from: null,
                fromString: from.resolution,
                to: null,
                toString: issue.resolution,
              },
            ]
          : []),
        {
          field: "status",
          fieldtype: "jira",
          fieldId: "status",
          from: STATUS_IDS[from.status],
          fromString: from.status,
          to: STATUS_IDS[issue.status],
          toString: issue.status,
        },
      ],
    };
  }
  return payload;
}
