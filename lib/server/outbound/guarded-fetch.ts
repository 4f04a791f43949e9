import "server-only";
import { sendGuarded, type TOutboundOptions } from "./request";

// SDKs that take a `fetch` (Slack's WebClient) get this one, so their requests go through the
// same guard as ours. It answers like fetch: a Response for any HTTP status, a TypeError("fetch
// failed") whose `cause` is the OutboundError when no usable answer came.

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type TMethod = (typeof METHODS)[number];
const isMethod = (m: string): m is TMethod => (METHODS as readonly string[]).includes(m);

type TFetchInit = { method?: string; headers?: Record<string, string>; body?: unknown };

/** A fetch over the guard with these options (timeouts, resolver, private destinations). */
export function guardedFetch(options: Omit<TOutboundOptions, "headers"> = {}) {
  return async (input: string | URL, init: TFetchInit = {}): Promise<Response> => {
    if (init.body !== undefined && typeof init.body !== "string") {
      throw new TypeError("guardedFetch sends string bodies only");
    }
    const method = (init.method ?? "GET").toUpperCase();
    if (!isMethod(method)) throw new TypeError(`guardedFetch does not send ${method}`);
    const result = await sendGuarded(String(input), method, init.body, { ...options, headers: init.headers });
    if (!result.ok) throw new TypeError("fetch failed", { cause: result.error });
    const { status, headers, bodyText } = result.response;
    // Response refuses a body on these statuses.
    const empty = status === 204 || status === 205 || status === 304;
    return new Response(empty ? null : bodyText, { status, headers });
  };
}
