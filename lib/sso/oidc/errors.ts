import * as client from "openid-client";

// openid-client's errors as one line for the server log: its own message is generic ("unexpected
// JWT claim value encountered") and the specific one ("unexpected JWT "aud" (audience) claim
// value") sits in the cause; a network failure's cause is the SSRF guard's OutboundError.

const MAX_DETAIL = 500;

/** Provider-supplied text (error codes, descriptions) made safe for one log line. */
export function logSafe(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]+/g, " ").slice(0, MAX_DETAIL);
}

export function describeOidcError(err: unknown): string {
  if (err instanceof client.ResponseBodyError) {
    return logSafe(
      `the token endpoint answered ${err.status} ${err.error}${err.error_description ? `: ${err.error_description}` : ""}`,
    );
  }
  const parts: string[] = [];
  let current: unknown = err;
  for (let depth = 0; current instanceof Error && depth < 4; depth++) {
    if (!parts.includes(current.message)) parts.push(current.message);
    current = current.cause;
  }
  return logSafe(parts.join(": ") || String(err));
}

/** An ID token past its `exp` (or not yet valid): the person is told it expired. */
export function isTimestampError(err: unknown): boolean {
  let current: unknown = err;
  for (let depth = 0; current instanceof Error && depth < 4; depth++) {
    if ((current as { code?: unknown }).code === "OAUTH_JWT_TIMESTAMP_CHECK_FAILED") return true;
    current = current.cause;
  }
  return false;
}
