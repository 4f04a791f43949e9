import "server-only";
import {
  LogLevel,
  WebAPIHTTPError,
  WebAPIPlatformError,
  WebAPIRateLimitedError,
  WebAPIRequestError,
  WebClient,
  type ChatPostMessageArguments,
} from "@slack/web-api";
import { env } from "@/lib/server/env";
import { guardedFetch } from "@/lib/server/outbound/guarded-fetch";
import { OutboundError } from "@/lib/server/outbound/outbound-error";
import type { TNotification } from "../message";
import { outboundFailure, scrubOutcome, type TSendOptions } from "./deliver-json";
import { providerText, responseOf, type TChannelFailure, type TChannelOutcome } from "./outcome";
import { renderSlackMessage } from "./slack-blocks";

// The Slack app (a bot token, xoxb-…): posts into any channel it was invited to, threads the
// updates of one alert group under its first message and edits that message's summary as the
// group grows or is fixed. The WebClient's own retries are off and rate-limited calls are
// rejected at once: the outbox paces every destination and honours Retry-After itself, and a
// worker must never sleep inside a send. Requests go through the destination guard's fetch.

/** The Web API methods Bumpers calls (the contract test checks the package and the fake know them). */
export const SLACK_METHODS = ["auth.test", "conversations.list", "chat.postMessage", "chat.update"] as const;

/** Slack errors that mean the connection, not the message, is the problem: an admin must act. */
const BROKEN_ERRORS = new Set([
  "invalid_auth",
  "not_authed",
  "account_inactive",
  "token_revoked",
  "token_expired",
  "no_permission",
  "missing_scope",
  "not_allowed_token_type",
  "team_access_not_granted",
  "org_login_required",
  "ekm_access_denied",
  "access_denied",
  "restricted_action",
  "channel_not_found",
  "not_in_channel",
  "is_archived",
]);

/** Slack errors worth trying again. */
const TRANSIENT_ERRORS = new Set([
  "ratelimited",
  "rate_limited",
  "internal_error",
  "fatal_error",
  "service_unavailable",
  "request_timeout",
]);

export type TSlackOptions = TSendOptions & { apiUrl?: string };

function slackClient(token: string, options: TSlackOptions): WebClient {
  const { apiUrl, ...guard } = options;
  return new WebClient(token, {
    slackApiUrl: apiUrl ?? env().SLACK_API_URL,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    allowAbsoluteUrls: false,
    fetch: guardedFetch(guard),
    logLevel: LogLevel.ERROR,
  });
}

/** Slack's error code with the details it gives (invalid_blocks lists what is wrong). */
function platformText(data: Record<string, unknown>): string {
  const details = [
    ...(Array.isArray(data.errors) ? data.errors : []),
    ...(((data.response_metadata as { messages?: unknown[] } | undefined)?.messages ?? []) as unknown[]),
  ].map(String);
  return [String(data.error), ...details].join("; ").slice(0, 1000);
}

/** A WebClient error as a channel outcome. */
export function slackFailure(err: unknown): TChannelFailure {
  if (err instanceof WebAPIRateLimitedError) {
    return { kind: "retry", status: 429, error: "Slack: rate limited.", retryAfterMs: err.retryAfter * 1000 };
  }
  if (err instanceof WebAPIPlatformError) {
    const response = { ...err.data } as Record<string, unknown>;
    const code = err.data.error;
    const error = `Slack: ${platformText(response)}`;
    if (BROKEN_ERRORS.has(code)) return { kind: "broken", status: 200, error, response };
    if (TRANSIENT_ERRORS.has(code)) return { kind: "retry", status: 200, error, response };
    return { kind: "rejected", status: 200, error, response };
  }
  if (err instanceof WebAPIHTTPError) {
    const status = err.statusCode;
    const response = responseOf(typeof err.body === "string" ? err.body : JSON.stringify(err.body ?? ""));
    const error = `Slack answered ${status}${providerText(response) ? `: ${providerText(response)}` : "."}`;
    if (status === 408 || status === 429 || status >= 500) return { kind: "retry", status, error, response };
    if (status === 401 || status === 403 || status === 404 || status === 410) {
      return { kind: "broken", status, error, response };
    }
    return { kind: "rejected", status, error, response };
  }
  if (err instanceof WebAPIRequestError) {
    const cause = (err.original as { cause?: unknown }).cause;
    if (cause instanceof OutboundError) return outboundFailure("Slack", cause) as TChannelFailure;
    return { kind: "retry", status: null, error: `Slack: no answer (${err.original.message}).` };
  }
  // A 429 without a usable Retry-After: the client gives up with a plain Error.
  const message = err instanceof Error ? err.message : String(err);
  if (/retry header/i.test(message)) return { kind: "retry", status: 429, error: "Slack: rate limited." };
  return { kind: "retry", status: null, error: `Slack: ${message}` };
}

async function callSlack<T extends { kind: string }>(
  token: string,
  options: TSlackOptions,
  call: (client: WebClient) => Promise<T>,
): Promise<T | TChannelFailure> {
  try {
    return await call(slackClient(token, options));
  } catch (err) {
    return scrubOutcome(slackFailure(err), [token]) as TChannelFailure;
  }
}

/** Posts a notification into a channel (by id, or #name), as a reply in a thread when threadTs is given. */
export function postSlackMessage(
  token: string,
  args: { channel: string; notification: TNotification; threadTs?: string },
  options: TSlackOptions = {},
): Promise<TChannelOutcome> {
  return postSlackRendered(
    token,
    {
      channel: args.channel,
      id: args.notification.id,
      rendered: renderSlackMessage(args.notification),
      threadTs: args.threadTs,
    },
    options,
  );
}

/** Posts an already rendered message (a digest's blocks); `id` is the idempotency key. */
export async function postSlackRendered(
  token: string,
  args: { channel: string; id: string; rendered: { text: string; blocks: unknown[] }; threadTs?: string },
  options: TSlackOptions = {},
): Promise<TChannelOutcome> {
  const message = {
    channel: args.channel,
    ...args.rendered,
    ...(args.threadTs ? { thread_ts: args.threadTs } : {}),
    // Slack drops a second message with the same client_msg_id: a retry after a lost answer posts once.
    client_msg_id: args.id,
    unfurl_links: false,
    unfurl_media: false,
  } as ChatPostMessageArguments & { client_msg_id: string };
  return callSlack(token, options, async (client) => {
    const result = await client.chat.postMessage(message);
    const response = { ok: true, channel: result.channel, ts: result.ts };
    return { kind: "accepted" as const, status: 200, response, ...(result.ts ? { providerRef: result.ts } : {}) };
  });
}

/** Replaces an earlier message (a thread's parent) with the notification as it stands now. */
export async function updateSlackMessage(
  token: string,
  args: { channel: string; ts: string; notification: TNotification },
  options: TSlackOptions = {},
): Promise<TChannelOutcome> {
  return callSlack(token, options, async (client) => {
    const result = await client.chat.update({
      channel: args.channel,
      ts: args.ts,
      ...renderSlackMessage(args.notification),
    });
    const response = { ok: true, channel: result.channel, ts: result.ts };
    return { kind: "accepted" as const, status: 200, response, providerRef: result.ts ?? args.ts };
  });
}

export type TSlackChannel = { id: string; name: string; isPrivate: boolean; isMember: boolean };

/** How many pages of 200 a channel picker reads at most (Slack allows ~20 list calls a minute). */
const MAX_CHANNEL_PAGES = 25;

/**
 * The workspace's channels for a picker: public ones (isMember says whether the app was invited,
 * which posting needs) and the private ones the app is in (the only ones Slack shows it).
 */
export async function listSlackChannels(
  token: string,
  options: TSlackOptions = {},
): Promise<{ kind: "ok"; channels: TSlackChannel[]; truncated: boolean } | TChannelFailure> {
  return callSlack(token, options, async (client) => {
    const channels: TSlackChannel[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_CHANNEL_PAGES; page++) {
      const result = await client.conversations.list({
        types: "public_channel,private_channel",
        exclude_archived: true,
        limit: 200,
        ...(cursor ? { cursor } : {}),
      });
      for (const c of result.channels ?? []) {
        if (!c.id || !c.name) continue;
        channels.push({ id: c.id, name: c.name, isPrivate: Boolean(c.is_private), isMember: Boolean(c.is_member) });
      }
      cursor = result.response_metadata?.next_cursor || undefined;
      if (!cursor) break;
    }
    channels.sort((a, b) => a.name.localeCompare(b.name));
    return { kind: "ok" as const, channels, truncated: Boolean(cursor) };
  });
}

/** Checks a token (auth.test): the workspace and the app's bot user it belongs to. */
export async function testSlackConnection(
  token: string,
  options: TSlackOptions = {},
): Promise<
  { kind: "ok"; team: string; teamId: string; botName: string; botUserId: string; url: string } | TChannelFailure
> {
  return callSlack(token, options, async (client) => {
    const result = await client.auth.test();
    return {
      kind: "ok" as const,
      team: result.team ?? "",
      teamId: result.team_id ?? "",
      botName: result.user ?? "",
      botUserId: result.user_id ?? "",
      url: result.url ?? "",
    };
  });
}
