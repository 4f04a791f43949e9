// The ways an outbound request can fail before a usable answer arrives, typed so that each
// channel can decide what the outbox does next (retry a timeout, stop on a refused destination).

export type TOutboundErrorKind =
  /** The destination is not allowed (scheme, private or metadata address, DNS answer). */
  | "refused"
  /** The server answered 3xx: redirects are not followed, the URL must be corrected. */
  | "redirect"
  /** No connection, or no complete answer, within the time allowed. */
  | "timeout"
  /** DNS failure, connection refused or reset, TLS failure. */
  | "network"
  /** The answer is larger than the cap; it was not read past it. */
  | "too_large";

export class OutboundError extends Error {
  constructor(
    readonly kind: TOutboundErrorKind,
    message: string,
    /** The HTTP status, when the server got as far as answering (redirect, too_large). */
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = "OutboundError";
  }
}
