import "server-only";
import { z } from "zod";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { enforceRateLimit } from "@/lib/server/rate-limit";
import { clientIpOf } from "@/lib/auth/client-ip";
import { ssoStartPath } from "@/lib/auth/sso-enforcement";

// Home-realm discovery: the sign-in page asks, for the email typed, whether an org's IdP answers
// for its domain. The answer depends on the domain alone, never on whether the person has an
// account, so it tells a stranger nothing about who uses Bumpers.

export const ZDiscoverRequest = z.object({
  email: z.string().trim().toLowerCase().max(320).email({ error: "Enter your email address." }),
});

export type TSsoDiscovery = {
  sso: { orgName: string; startUrl: string; enforced: boolean } | null;
};

export async function discoverSso(email: string): Promise<TSsoDiscovery> {
  const domain = email.slice(email.lastIndexOf("@") + 1);
  const claim = await db.ssoDomain.findUnique({
    where: { domain },
    select: {
      org: { select: { slug: true, name: true, ssoConnection: { select: { enabled: true, enforced: true } } } },
    },
  });
  const connection = claim?.org.ssoConnection;
  if (!claim || !connection?.enabled) return { sso: null };
  return { sso: { orgName: claim.org.name, startUrl: ssoStartPath(claim.org.slug), enforced: connection.enforced } };
}

/**
 * Lookups per client address and minute, under the same limit as sign-in attempts (429 with
 * Retry-After past it). Without an address a trusted proxy vouches for, there is nobody to count.
 */
export async function limitSsoDiscovery(headers: Headers): Promise<void> {
  const ip = clientIpOf(headers);
  if (!ip) return;
  await enforceRateLimit(
    `sso:discover:ip:${ip}`,
    env().BUMPERS_RATE_LIMIT_SIGNIN_PER_MINUTE,
    60,
    "sign-in lookups from your address",
  );
}
