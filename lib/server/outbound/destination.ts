import { isIP } from "node:net";
import { env } from "../env";
import { refusedAddressReason, type TAddressPolicy } from "./address-policy";

// The checks on a destination URL that need no network: forms show them under the field, and
// every request repeats them before resolving the host (lookup.ts checks what DNS answers).

export const MAX_URL_LENGTH = 2048;

export type TDestination = {
  url: URL;
  /** The host without IPv6 brackets. */
  host: string;
  /** Set when the host is an IP address (no DNS, so the connect-time lookup never sees it). */
  ip: string | null;
  policy: TAddressPolicy;
};

const isLocalhostName = (host: string) => host === "localhost" || host.endsWith(".localhost");

/** The private-destinations setting, unless a caller (a test) says otherwise. */
export function allowPrivateDestinations(override?: boolean): boolean {
  return override ?? env().BUMPERS_ALLOW_PRIVATE_DESTINATIONS;
}

/** The parsed destination, or why it is refused. */
export function parseDestination(
  raw: string,
  allowPrivate = allowPrivateDestinations(),
): { ok: true; destination: TDestination } | { ok: false; reason: string } {
  const refuse = (reason: string) => ({ ok: false as const, reason });
  if (raw.length > MAX_URL_LENGTH) return refuse(`The URL is longer than ${MAX_URL_LENGTH} characters.`);
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return refuse("Enter a full URL, starting with https://.");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return refuse("Only https:// URLs are accepted.");
  if (url.username || url.password) return refuse("URLs with a user name or password in them are not accepted.");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (!host) return refuse("The URL has no host.");
  const ip = isIP(host) ? host : null;
  const policy: TAddressPolicy = { allowPrivate, loopbackOnly: url.protocol === "http:" };
  if (policy.loopbackOnly && !(allowPrivate && (ip !== null || isLocalhostName(host)))) {
    return refuse(
      allowPrivate
        ? "Only https:// URLs are accepted (plain http:// only to localhost)."
        : "Only https:// URLs are accepted (plain http:// only to localhost, with BUMPERS_ALLOW_PRIVATE_DESTINATIONS=true).",
    );
  }
  if (ip) {
    const reason = refusedAddressReason(ip, policy);
    if (reason) return refuse(`Refused: ${reason}.`);
  } else if (isLocalhostName(host) && !allowPrivate) {
    return refuse(
      `Refused: ${host} is a loopback address; set BUMPERS_ALLOW_PRIVATE_DESTINATIONS=true to allow private destinations.`,
    );
  }
  return { ok: true, destination: { url, host, ip, policy } };
}

/** For forms: why this URL cannot be a destination, or null. Resolves nothing. */
export function checkDestinationUrl(raw: string, options: { allowPrivate?: boolean } = {}): string | null {
  const parsed = parseDestination(raw, allowPrivateDestinations(options.allowPrivate));
  return parsed.ok ? null : parsed.reason;
}
