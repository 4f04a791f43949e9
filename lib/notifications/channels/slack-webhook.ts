import "server-only";
import { jsonChannelSenders, type TJsonChannel } from "./deliver-json";
import { renderSlackMessage } from "./slack-blocks";

// A Slack incoming webhook (https://hooks.slack.com/services/T…/B…/secret): the URL is the
// credential and names one channel. It answers "ok", or a plain-text error: 400 invalid_payload /
// no_text (this message), 403 invalid_token / action_prohibited, 404 no_service /
// channel_not_found, 410 channel_is_archived (the webhook is gone: broken). Webhooks cannot
// thread or update a message and answer no ts: threading needs the Slack app (slack.ts).
//
// Sent with postJson rather than @slack/webhook: its IncomingWebhook takes a `fetch` (so the
// guard would fit) but turns a non-2xx answer into an error that keeps only status and body, and
// Retry-After, which the outbox must honour on a 429, is lost with the headers.

const SLACK_WEBHOOK: TJsonChannel = { provider: "Slack", brokenStatuses: new Set([401, 403, 404, 410]) };

const senders = jsonChannelSenders<{ text: string; blocks: unknown[] }>(
  SLACK_WEBHOOK,
  renderSlackMessage,
  (rendered) => ({ ...rendered, unfurl_links: false, unfurl_media: false }),
);

export const sendSlackWebhook = senders.send;

/** Posts an already rendered message (a digest's blocks) to an incoming webhook. */
export const sendSlackWebhookRendered = senders.sendRendered;
