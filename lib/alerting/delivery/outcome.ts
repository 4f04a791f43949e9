// What a sender says about one outbox row, whatever the channel (PagerDuty, Slack, Teams, email,
// webhook): the delivery loop records it the same way for all.

export type TDeliveryOutcome =
  | {
      kind: "accepted";
      status: number;
      response: Record<string, unknown> | null;
      /** The provider's id of what was created (a Slack message's ts): later replies thread on it. */
      providerRef?: string;
    }
  /** Refused for good (a 400): the provider's own text is kept. */
  | { kind: "rejected"; status: number; response: Record<string, unknown> | null; error: string }
  /** The connection itself is refused (401/403/404, a revoked token): failed, and admins must act. */
  | { kind: "broken"; status: number | null; response: Record<string, unknown> | null; error: string }
  /** Try again later (429, 5xx, no answer); `retryAfterMs` when the provider said when. */
  | {
      kind: "retry";
      status: number | null;
      response?: Record<string, unknown> | null;
      error: string;
      retryAfterMs?: number;
    };
