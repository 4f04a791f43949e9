import { db } from "@/lib/server/db";
import { createTestOrg, uniqueSuffix } from "@/lib/testing/factories";
import type { TVerifiedIdentity } from "../types";

// Orgs with an SSO connection and a claimed domain, and identities as a protocol module would hand
// them over, for the sign-in hand-over's tests.

export type TSsoOrg = Awaited<ReturnType<typeof createSsoOrg>>;

export async function createSsoOrg(
  policy: { enabled?: boolean; enforced?: boolean; jit?: boolean; sessionHours?: number | null } = {},
) {
  const org = await createTestOrg();
  const domain = `corp-${uniqueSuffix()}.example`;
  await db.ssoConnection.create({
    data: {
      orgId: org.id,
      protocol: "oidc",
      enabled: policy.enabled ?? true,
      enforced: policy.enforced ?? false,
      jit: policy.jit ?? true,
      sessionHours: policy.sessionHours ?? null,
      settings: { issuer: "https://idp.example", clientId: "bumpers", scopes: ["openid"], groupsClaim: "groups" },
    },
  });
  await db.ssoDomain.create({ data: { orgId: org.id, domain } });
  return { org, domain, email: (local: string) => `${local}@${domain}` };
}

export function identityFor(
  org: { id: string },
  person: { email: string; subject?: string; name?: string; groups?: string[]; callbackUrl?: string },
): TVerifiedIdentity {
  return {
    orgId: org.id,
    protocol: "oidc",
    subject: person.subject ?? `sub-${person.email}`,
    email: person.email,
    name: person.name ?? person.email.split("@")[0],
    groups: person.groups ?? [],
    callbackUrl: person.callbackUrl ?? "/",
  };
}

/** The ticket's secret from finishSsoSignIn's Set-Cookie header. */
export function ticketOf(res: Response): string {
  const match = /bumpers-sso-ticket=([A-Za-z0-9_-]{43});/.exec(res.headers.get("set-cookie") ?? "");
  if (!match) throw new Error(`no ticket cookie in ${res.headers.get("set-cookie")}`);
  return match[1];
}
