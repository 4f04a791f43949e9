/**
 * The client's address as the reverse proxy reports it (first X-Forwarded-For entry), or null when
 * the app is reached directly: per-address limits then do not apply, per-account ones still do.
 */
export function clientIpOf(headers: Headers | Record<string, unknown> | undefined): string | null {
  const forwarded = headers instanceof Headers ? headers.get("x-forwarded-for") : headers?.["x-forwarded-for"];
  const first = typeof forwarded === "string" ? forwarded.split(",")[0]?.trim() : undefined;
  return first || null;
}
