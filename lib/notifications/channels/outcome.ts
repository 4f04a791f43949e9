// What one delivery attempt came to, the same for every channel, so the outbox worker records and
// schedules all of them alike: accepted; retry later (429 with its Retry-After, 5xx, no answer);
// rejected for good (this message was refused: the provider's own words kept); broken (the
// connection itself no longer works: revoked token, deleted webhook, refused destination, and an
// admin must act before anything else is sent).

/** The provider's answer as stored in the delivery log: its JSON, or its text under `body`. */
export type TChannelResponse = Record<string, unknown> | null;

export type TChannelOutcome =
  | {
      kind: "accepted";
      status: number;
      response: TChannelResponse;
      /** Slack: the message's ts, to thread replies under it and to update it. */
      providerRef?: string;
    }
  | { kind: "retry"; status: number | null; error: string; retryAfterMs?: number; response?: TChannelResponse }
  | { kind: "rejected"; status: number; error: string; response: TChannelResponse }
  | { kind: "broken"; status: number | null; error: string; response: TChannelResponse };

export type TChannelFailure = Exclude<TChannelOutcome, { kind: "accepted" }>;

const MAX_KEPT_TEXT = 2000;

/** The answer's JSON object, or its text (bounded) under `body`. */
export function responseOf(bodyText: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(bodyText);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // not JSON: kept as text
  }
  return { body: bodyText.slice(0, MAX_KEPT_TEXT) };
}

/**
 * The provider's own error text: `{error: {code, message}}` (Microsoft), `{error: "..."}` (Slack),
 * `{message}` or plain text (most receivers).
 */
export function providerText(response: TChannelResponse): string {
  if (!response) return "";
  const error = response.error;
  if (error && typeof error === "object") {
    const { code, message } = error as { code?: unknown; message?: unknown };
    return [code, message].filter((v) => typeof v === "string" && v).join(": ");
  }
  for (const value of [error, response.message, response.body]) {
    if (typeof value === "string" && value.trim()) return value.trim().slice(0, 500);
  }
  return "";
}
