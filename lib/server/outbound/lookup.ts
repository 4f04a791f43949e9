import { promises as dns, type LookupAddress, type LookupOptions } from "node:dns";
import type { LookupFunction } from "node:net";
import { refusedAddressReason, type TAddressPolicy } from "./address-policy";
import { OutboundError } from "./outbound-error";

// The connect-time half of the guard: the agent's `lookup`. The socket connects to exactly the
// addresses checked here, resolved once, so a name that answers a public address to a form check
// and a private one a second later (DNS rebinding) still cannot reach the private one.

export type TResolvedAddress = { address: string; family: 4 | 6 };
export type TResolver = (hostname: string) => Promise<TResolvedAddress[]>;

/** The operating system's resolver (getaddrinfo: /etc/hosts, then DNS), every address. */
export const systemResolver: TResolver = async (hostname) =>
  (await dns.lookup(hostname, { all: true, verbatim: true })).map((a) => ({
    address: a.address,
    family: a.family === 6 ? 6 : 4,
  }));

function wantedFamily(options: LookupOptions): 4 | 6 | null {
  const family = options.family as number | string | undefined;
  if (family === 4 || family === "IPv4") return 4;
  if (family === 6 || family === "IPv6") return 6;
  return null;
}

/** A `lookup` for http(s).Agent that refuses the host when any of its addresses is refused. */
export function guardedLookup(policy: TAddressPolicy, resolve: TResolver = systemResolver): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname)
      .then((addresses) => {
        for (const { address } of addresses) {
          const reason = refusedAddressReason(address, policy);
          if (reason) throw new OutboundError("refused", `Refused: ${hostname} resolves to ${reason}.`);
        }
        const family = wantedFamily(options);
        const usable = family ? addresses.filter((a) => a.family === family) : addresses;
        if (usable.length === 0) {
          throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
        }
        if (options.all) callback(null, usable satisfies LookupAddress[]);
        else callback(null, usable[0]!.address, usable[0]!.family);
      })
      .catch((err: NodeJS.ErrnoException) => callback(err, "", 0));
  };
}
