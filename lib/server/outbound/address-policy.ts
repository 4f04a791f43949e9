import ipaddr from "ipaddr.js";

// Which IP addresses an outbound notification may connect to. Anything an admin types (a webhook
// URL) would otherwise let them make the server call into its own network: the database, the
// cloud metadata service, an internal admin page. Only globally routable unicast passes; the
// operator can let private networks through (on-premises receivers, the local fakes), never
// link-local and metadata addresses, which hand out credentials.

/** The IPv6 address of AWS's instance metadata service (in fc00::/7, so "private" by range alone). */
const METADATA_V6 = ipaddr.parse("fd00:ec2::254");

/** Ranges the operator may open with BUMPERS_ALLOW_PRIVATE_DESTINATIONS, with how a person names them. */
const PRIVATE_RANGES: Record<string, string> = {
  private: "a private network address",
  loopback: "a loopback address",
  carrierGradeNat: "a carrier-grade NAT address (100.64.0.0/10)",
  uniqueLocal: "a private network address (fc00::/7)",
};

/** Ranges refused whatever the setting. */
const NEVER_RANGES: Record<string, string> = {
  linkLocal: "a link-local address (cloud metadata services live there)",
  unspecified: "the unspecified address",
  multicast: "a multicast address",
  broadcast: "the broadcast address",
  metadata: "a cloud metadata address",
};

export type TAddressPolicy = {
  /** BUMPERS_ALLOW_PRIVATE_DESTINATIONS: private, loopback and CGNAT addresses allowed. */
  allowPrivate: boolean;
  /** Plain http: only loopback is acceptable, and only with allowPrivate (nothing on the way reads it). */
  loopbackOnly?: boolean;
};

/**
 * The IPv4 address an IPv6 address carries, for the translation prefixes whose embedded address
 * decides where the packet goes (NAT64 64:ff9b::/96, SIIT ::ffff:0:0:0/96, 6to4 2002::/16), or null.
 */
function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4 | null {
  const parts = address.parts;
  const range = address.range();
  if (range === "rfc6052" && parts[2] === 0) return ipaddr.IPv4.parse(ipv4From(parts[6]!, parts[7]!));
  if (range === "rfc6145") return ipaddr.IPv4.parse(ipv4From(parts[6]!, parts[7]!));
  if (range === "6to4") return ipaddr.IPv4.parse(ipv4From(parts[1]!, parts[2]!));
  return null;
}

function ipv4From(high: number, low: number): string {
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join(".");
}

/** The range name of an address, looking through IPv4-mapped and translated IPv6. */
function rangeOf(address: ipaddr.IPv4 | ipaddr.IPv6): string {
  if (address.kind() === "ipv6") {
    const v6 = address as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) return rangeOf(v6.toIPv4Address());
    const inner = embeddedIPv4(v6);
    if (inner) return rangeOf(inner);
    if (v6.toNormalizedString() === METADATA_V6.toNormalizedString()) return "metadata";
  }
  return address.range();
}

/** Why a connection to this IP address is refused, or null when it is allowed. */
export function refusedAddressReason(ip: string, policy: TAddressPolicy): string | null {
  if (!ipaddr.isValid(ip)) return `${ip} is not an IP address`;
  const range = rangeOf(ipaddr.parse(ip));
  if (policy.loopbackOnly) {
    if (range === "loopback" && policy.allowPrivate) return null;
    const where = range === "loopback" ? "loopback" : "not loopback";
    return `${ip} is ${where}: plain http:// goes only to loopback, with BUMPERS_ALLOW_PRIVATE_DESTINATIONS=true`;
  }
  if (range === "unicast") return null;
  if (range in PRIVATE_RANGES) {
    if (policy.allowPrivate) return null;
    return `${ip} is ${PRIVATE_RANGES[range]}; set BUMPERS_ALLOW_PRIVATE_DESTINATIONS=true to allow private destinations`;
  }
  return `${ip} is ${NEVER_RANGES[range] ?? `a reserved address (${range})`}`;
}
