/**
 * The client's address: the first X-Forwarded-For entry, which a reverse proxy sets and `next start`
 * sets itself to the connection's address. Null when neither did (per-address limits then do not
 * apply; per-account ones still do).
 */
export function clientIpOf(headers: Headers | Record<string, unknown> | undefined): string | null {
  const forwarded = headers instanceof Headers ? headers.get("x-forwarded-for") : headers?.["x-forwarded-for"];
  const first = typeof forwarded === "string" ? forwarded.split(",")[0]?.trim() : undefined;
  return first || null;
}
