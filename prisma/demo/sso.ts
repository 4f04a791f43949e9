import { randomBytes } from "node:crypto";
import { db } from "@/lib/server/db";
import { sealClientSecret } from "@/lib/sso/connections";
import type { TOidcSettings } from "@/lib/sso/schemas";

// Acme signs in through a local OpenID Connect provider in the demo (lib/testing/fake-oidc-provider.ts):
// the domain acme.example is claimed, people are created at their first sign-in, and the IdP
// group `k8s-payments-devs` makes them editors on Payments. SSO is on but not enforced, so the
// demo's password sign-ins keep working. The provider listens on a new port at every start, so
// this runs at every demo start and points the connection at this start's provider.

export const DEMO_SSO_DOMAIN = "acme.example";
export const DEMO_SSO_CLIENT_ID = "bumpers-acme";
export const DEMO_SSO_GROUP = "k8s-payments-devs";
/** The person who exists only at the identity provider until they first sign in. */
export const DEMO_SSO_USER = {
  sub: "sam-rivera",
  email: "sam@acme.example",
  name: "Sam Rivera",
  groups: [DEMO_SSO_GROUP],
};

export async function connectAcmeSso(idp: {
  issuer: string;
}): Promise<{ clientId: string; clientSecret: string } | null> {
  const org = await db.organization.findUnique({ where: { slug: "acme" }, select: { id: true } });
  if (!org) return null;
  const owner = await db.membership.findFirst({ where: { orgId: org.id, role: "owner" }, select: { userId: true } });
  const payments = await db.team.findUnique({ where: { orgId_slug: { orgId: org.id, slug: "payments" } } });
  const clientSecret = randomBytes(24).toString("base64url");
  const settings: TOidcSettings = {
    issuer: idp.issuer,
    clientId: DEMO_SSO_CLIENT_ID,
    scopes: ["openid", "email", "profile"],
    groupsClaim: "groups",
  };
  const connection = {
    protocol: "oidc" as const,
    settings,
    clientSecretSealed: sealClientSecret(org.id, clientSecret),
    validatedAt: new Date(),
  };
  await db.$transaction(async (tx) => {
    const existing = await tx.ssoConnection.findUnique({ where: { orgId: org.id } });
    // An owner who switched the demo to another IdP (or to SAML) keeps their choice.
    if (existing && (existing.protocol !== "oidc" || !isLocal(existing.settings))) return;
    await tx.ssoConnection.upsert({
      where: { orgId: org.id },
      create: { orgId: org.id, ...connection, enabled: true, jit: true },
      update: connection,
    });
    await tx.ssoDomain.upsert({
      where: { domain: DEMO_SSO_DOMAIN },
      create: { orgId: org.id, domain: DEMO_SSO_DOMAIN, claimedById: owner?.userId ?? null },
      update: {},
    });
    if (payments && (await tx.ssoGroupMapping.count({ where: { orgId: org.id } })) === 0) {
      await tx.ssoGroupMapping.create({
        data: { orgId: org.id, groupName: DEMO_SSO_GROUP, teamId: payments.id, teamRole: "editor", position: 0 },
      });
    }
  });
  return { clientId: DEMO_SSO_CLIENT_ID, clientSecret };
}

const isLocal = (settings: unknown): boolean => {
  const issuer = (settings as { issuer?: unknown } | null)?.issuer;
  return typeof issuer === "string" && /^http:\/\/127\.0\.0\.1:\d+/.test(issuer);
};
