import { createHash } from "node:crypto";
import { verify } from "@octokit/webhooks-methods";
import type { TInboundTicketEvent, TWebhookParse, TWebhookRequest } from "../../provider";
import { adfToText } from "./adf";
import { stateOf } from "./state";

// Jira's webhook deliveries (jira:issue_updated, comment_created, …) as ticket events. The
// connection's secret normally arrives in the URL path (the route checks it); Jira Cloud admin
// webhooks registered with a secret also sign the body (X-Hub-Signature: sha256=<hex>), checked
// here. The actor is the user who made the change: the connection's own changes come back with
// its account and are not applied again.

type TJiraUser = { accountId?: string; name?: string; key?: string; displayName?: string };
type TPayload = {
  webhookEvent?: unknown;
  user?: TJiraUser;
  issue?: {
    id?: string | number;
    key?: string;
    fields?: {
      status?: { name?: string; statusCategory?: { key?: string } };
      resolution?: { name?: string } | null;
    };
  };
  changelog?: { items?: { field?: string; fieldId?: string; toString?: string | null }[] };
  comment?: { id?: string | number; body?: unknown; author?: TJiraUser };
};

/** Jira signs like GitHub (`sha256=<hex HMAC of the body>`): the same constant-time verifier serves both. */
const signatureMatches = (header: string, rawBody: string, secret: string) =>
  verify(secret, rawBody, header.trim().toLowerCase()).catch(() => false);

const actorOf = (user: TJiraUser | undefined) => {
  const id = String(user?.accountId ?? user?.name ?? user?.key ?? "");
  return { id, name: String(user?.displayName ?? (id || "Jira")) };
};

export async function parseJiraWebhook(request: TWebhookRequest, webhookSecret: string): Promise<TWebhookParse> {
  const signature = request.headers.get("x-hub-signature");
  if (signature !== null && !(await signatureMatches(signature, request.rawBody, webhookSecret))) {
    return { kind: "unauthorized", reason: "The X-Hub-Signature does not match the webhook secret." };
  }
  let payload: TPayload;
  try {
    payload = JSON.parse(request.rawBody) as TPayload;
  } catch {
    return { kind: "invalid", reason: "The body is not JSON." };
  }
  if (!payload || typeof payload !== "object" || typeof payload.webhookEvent !== "string") {
    return { kind: "invalid", reason: "The body is not a Jira webhook (no webhookEvent)." };
  }
  const deliveryId =
    request.headers.get("x-atlassian-webhook-identifier") ??
    createHash("sha256").update(request.rawBody, "utf8").digest("hex");
  const event = payload.webhookEvent;
  const issue = payload.issue;
  const followed = event === "jira:issue_updated" || event === "comment_created";
  if (!followed) return { kind: "ignored", deliveryId, reason: `Bumpers does not follow ${event}.` };
  if (!issue || issue.id === undefined || typeof issue.key !== "string") {
    return { kind: "invalid", reason: `A ${event} delivery without its issue.` };
  }
  const base = { deliveryId, externalId: String(issue.id), key: issue.key };

  if (event === "comment_created") {
    const comment = payload.comment;
    if (!comment || comment.id === undefined)
      return { kind: "invalid", reason: "A comment_created delivery without its comment." };
    const text = typeof comment.body === "string" ? comment.body : adfToText(comment.body);
    const parsed: TInboundTicketEvent = {
      ...base,
      kind: "comment",
      comment: { id: String(comment.id), text },
      actor: actorOf(comment.author ?? payload.user),
    };
    return { kind: "events", deliveryId, events: [parsed] };
  }

  const statusChange = payload.changelog?.items?.find((i) => i.field === "status" || i.fieldId === "status");
  if (!statusChange) return { kind: "ignored", deliveryId, reason: "The issue changed, but not its status." };
  const status = issue.fields?.status?.name ?? statusChange.toString ?? "";
  const parsed: TInboundTicketEvent = {
    ...base,
    kind: "state",
    state: stateOf(issue.fields?.status?.statusCategory?.key, issue.fields?.resolution?.name),
    status,
    actor: actorOf(payload.user),
  };
  return { kind: "events", deliveryId, events: [parsed] };
}
