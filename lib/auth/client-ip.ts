import { BlockList, isIP } from "node:net";
import { env } from "@/lib/server/env";

// The client's address for per-address limits (sign-in attempts, failed sign-ins).
//
// Forwarding headers are only as honest as whoever wrote them. A client can send any
// X-Forwarded-For it likes, so it is believed only when a proxy the operator named in
// BUMPERS_TRUSTED_PROXIES stands in front: proxies append the address they saw, so walking the
// list from the right and skipping our own proxies finds the first address no proxy of ours
// vouches for: the client as our outermost proxy saw it. Whatever the client wrote further left
// is never read.
//
// Without trusted proxies the headers are ignored. Next.js does not give route handlers the
// connection's address: `next start` copies it into X-Forwarded-For only when the request had
// none, so the header alone cannot tell the socket's address from a forged one. The answer is
// then null: per-address limits do not apply and the per-account limits still do.

/** The client's address, or null when no trusted proxy vouches for one. */
export function clientIpOf(
  headers: Headers | Record<string, unknown> | undefined,
  trustedProxies: readonly string[] = env().BUMPERS_TRUSTED_PROXIES,
): string | null {
  if (trustedProxies.length === 0 || !headers) return null;
  const trusted = blockListOf(trustedProxies);
  const isTrusted = (ip: string) => trusted.check(ip, isIP(ip) === 6 ? "ipv6" : "ipv4");
  const chain = (headerOf(headers, "x-forwarded-for") ?? "")
    .split(",")
    .filter((e) => e.trim() !== "")
    .map(normalizeAddress);
  for (let i = chain.length - 1; i >= 0; i--) {
    const entry = chain[i]!;
    // An entry our proxy wrote that is not an address (`unknown`): nobody to limit by.
    if (entry === null) return null;
    if (!isTrusted(entry)) return entry;
  }
  // Every hop is ours: the request came from inside (or the proxy only set X-Real-IP).
  const realIp = normalizeAddress(headerOf(headers, "x-real-ip") ?? "");
  return realIp ?? chain.find((e) => e !== null) ?? null;
}

const blockLists = new Map<string, BlockList>();

function blockListOf(entries: readonly string[]): BlockList {
  const key = entries.join(",");
  let list = blockLists.get(key);
  if (!list) {
    list = new BlockList();
    for (const entry of entries) {
      const [address = "", bits] = entry.split("/");
      const family = isIP(address) === 6 ? "ipv6" : "ipv4";
      if (bits === undefined) list.addAddress(address, family);
      else list.addSubnet(address, Number(bits), family);
    }
    blockLists.set(key, list);
  }
  return list;
}

function headerOf(headers: Headers | Record<string, unknown>, name: string): string | undefined {
  const value = headers instanceof Headers ? headers.get(name) : headers[name];
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.filter((v) => typeof v === "string").join(",");
  return undefined;
}

/** `1.2.3.4`, `1.2.3.4:5678`, `[::1]:80`, `::ffff:1.2.3.4` → the bare address; anything else → null. */
function normalizeAddress(raw: string): string | null {
  let value = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  if (isIP(value) === 0) return null;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(value);
  return mapped ? mapped[1]! : value.toLowerCase();
}
