import type { components } from "@octokit/openapi-webhooks-types";
import { verify } from "@octokit/webhooks-methods";
import { z } from "zod";
import type { TInboundTicketEvent, TWebhookParse, TWebhookRequest } from "../../provider";
import { toProviderIssue } from "./issue";

// GitHub's webhook deliveries: X-Hub-Signature-256 (HMAC-SHA256 of the raw body with the
// connection's webhook secret) is checked before anything is read. Bumpers follows an issue
// closed or reopened, and a comment created on an issue; everything else (ping, labels, pull
// requests) is acknowledged and ignored.

const ZIssue = z.object({
  number: z.number().int().positive(),
  title: z.string(),
  html_url: z.string(),
  state: z.string(),
  state_reason: z.string().nullish(),
  // GitHub's description of issues.reopened allows null entries.
  labels: z.array(z.object({ name: z.string() }).nullable()).default([]),
  pull_request: z.unknown().optional(),
});
const ZBase = z.object({
  action: z.string(),
  issue: ZIssue,
  repository: z.object({ full_name: z.string().regex(/^[^/]+\/[^/]+$/) }),
  sender: z.object({ login: z.string() }),
});
const ZIssuesEvent = ZBase;
const ZCommentEvent = ZBase.extend({ comment: z.object({ id: z.number().int(), body: z.string().nullable() }) });

// GitHub's published payload types must fit what is read here (checked by tsc, not at runtime).
type TFits<TPublished, TRead> = TPublished extends TRead ? true : never;
const FITS: [
  TFits<components["schemas"]["webhook-issues-closed"], z.input<typeof ZIssuesEvent>>,
  TFits<components["schemas"]["webhook-issues-reopened"], z.input<typeof ZIssuesEvent>>,
  TFits<components["schemas"]["webhook-issue-comment-created"], z.input<typeof ZCommentEvent>>,
] = [true, true, true];
void FITS;

function eventsOf(event: string, deliveryId: string, body: unknown): TInboundTicketEvent[] | string {
  const parsed = event === "issue_comment" ? ZCommentEvent.safeParse(body) : ZIssuesEvent.safeParse(body);
  if (!parsed.success) return `not an ${event} payload Bumpers reads`;
  const { action, issue, repository, sender } = parsed.data;
  const [owner = "", repo = ""] = repository.full_name.split("/");
  const mapped = toProviderIssue(
    { ...issue, state_reason: issue.state_reason ?? null },
    { owner, repo, number: issue.number },
  );
  const base = {
    deliveryId,
    externalId: mapped.externalId,
    key: mapped.key,
    actor: { id: sender.login, name: sender.login },
  };
  if (event === "issues") {
    if (action !== "closed" && action !== "reopened") return `issues.${action} is not followed`;
    return [{ ...base, kind: "state", state: mapped.state, status: mapped.status }];
  }
  if (action !== "created") return `issue_comment.${action} is not followed`;
  if (issue.pull_request) return "a comment on a pull request";
  const { comment } = parsed.data as z.output<typeof ZCommentEvent>;
  return [{ ...base, kind: "comment", comment: { id: String(comment.id), text: comment.body ?? "" } }];
}

export async function parseGithubWebhook(request: TWebhookRequest, webhookSecret: string): Promise<TWebhookParse> {
  const signature = request.headers.get("x-hub-signature-256");
  if (!signature) return { kind: "unauthorized", reason: "No X-Hub-Signature-256 header." };
  const valid = await verify(webhookSecret, request.rawBody, signature).catch(() => false);
  if (!valid) return { kind: "unauthorized", reason: "X-Hub-Signature-256 does not match the webhook secret." };
  const deliveryId = request.headers.get("x-github-delivery");
  const event = request.headers.get("x-github-event");
  if (!deliveryId || !event) return { kind: "invalid", reason: "No X-GitHub-Delivery or X-GitHub-Event header." };
  let body: unknown;
  try {
    body = JSON.parse(request.rawBody);
  } catch {
    return { kind: "invalid", reason: "The body is not JSON." };
  }
  if (event !== "issues" && event !== "issue_comment") return { kind: "ignored", deliveryId, reason: `${event} event` };
  const events = eventsOf(event, deliveryId, body);
  if (typeof events === "string") {
    // A payload of a followed event that does not read is broken, not just uninteresting.
    return events.startsWith("not an")
      ? { kind: "invalid", reason: events }
      : { kind: "ignored", deliveryId, reason: events };
  }
  return { kind: "events", deliveryId, events };
}
