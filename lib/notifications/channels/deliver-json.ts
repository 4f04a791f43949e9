import "server-only";
import { scrubSecrets } from "@/lib/server/outbound/mask";
import type { OutboundError } from "@/lib/server/outbound/outbound-error";
import { postJson, type TOutboundOptions, type TOutboundResponse } from "@/lib/server/outbound/request";
import { retryAfterMs } from "@/lib/server/outbound/retry-after";
import type { TNotification } from "../message";
import { providerText, responseOf, type TChannelOutcome } from "./outcome";

// One JSON POST to a webhook-style channel (Slack incoming webhook, Teams Workflows, a signed
// webhook) through the destination guard, its answer classified into a channel outcome. The
// channels differ only in which statuses mean "the connection is gone".

export type TSendOptions = Omit<TOutboundOptions, "headers">;

export type TJsonChannel = {
  /** Who answered, as people name it: "Slack", "Microsoft Teams", "The webhook receiver". */
  provider: string;
  /** Client errors that mean the destination no longer works (deleted, revoked), not this message. */
  brokenStatuses: ReadonlySet<number>;
};

/** A failure before any usable answer, as an outcome: a refused or redirecting URL needs an admin. */
export function outboundFailure(provider: string, error: OutboundError): TChannelOutcome {
  const message = `${provider}: ${error.message}`;
  if (error.kind === "refused" || error.kind === "redirect") {
    return { kind: "broken", status: error.status, error: message, response: null };
  }
  return { kind: "retry", status: error.status, error: message };
}

export function classifyAnswer(channel: TJsonChannel, answer: TOutboundResponse): TChannelOutcome {
  const { status } = answer;
  const response = responseOf(answer.bodyText);
  if (status >= 200 && status < 300) return { kind: "accepted", status, response };
  const error = `${channel.provider} answered ${status}${providerText(response) ? `: ${providerText(response)}` : "."}`;
  if (status === 408 || status === 429 || status >= 500) {
    const wait = retryAfterMs(answer.headers.get("retry-after"));
    return { kind: "retry", status, error, response, ...(wait === undefined ? {} : { retryAfterMs: wait }) };
  }
  if (channel.brokenStatuses.has(status)) return { kind: "broken", status, error, response };
  return { kind: "rejected", status, error, response };
}

/** Masks every secret (the URL's path and query, a token) in the outcome's error text. */
export function scrubOutcome(
  outcome: TChannelOutcome,
  secrets: ReadonlyArray<string | null | undefined>,
): TChannelOutcome {
  if (outcome.kind === "accepted") return outcome;
  return { ...outcome, error: scrubSecrets(outcome.error, secrets) };
}

export async function deliverJson(
  channel: TJsonChannel,
  url: string,
  body: unknown,
  options: TSendOptions & { headers?: Record<string, string>; secrets?: string[] } = {},
): Promise<TChannelOutcome> {
  const { secrets = [], ...request } = options;
  const result = await postJson(url, body, request);
  let outcome: TChannelOutcome;
  if (result.ok) outcome = classifyAnswer(channel, result.response);
  else if (result.error.kind === "too_large" && result.error.status !== null) {
    // The status is the answer; the body was only too long to keep.
    const note = `(answer over the size cap, not read)`;
    outcome = classifyAnswer(channel, { status: result.error.status, headers: new Headers(), bodyText: note });
  } else outcome = outboundFailure(channel.provider, result.error);
  return scrubOutcome(outcome, [url, ...secrets]);
}

/**
 * A webhook-style channel's two senders: one for a notification (rendered for the channel here)
 * and one for a body already rendered elsewhere (a digest's), both posted the same way.
 */
export function jsonChannelSenders<TRendered>(
  channel: TJsonChannel,
  render: (notification: TNotification) => TRendered,
  bodyOf: (rendered: TRendered) => unknown = (rendered) => rendered,
) {
  const sendRendered = (url: string, rendered: TRendered, options: TSendOptions = {}): Promise<TChannelOutcome> =>
    deliverJson(channel, url, bodyOf(rendered), options);
  const send = (url: string, notification: TNotification, options: TSendOptions = {}): Promise<TChannelOutcome> =>
    sendRendered(url, render(notification), options);
  return { send, sendRendered };
}
