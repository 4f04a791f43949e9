import { afterAll, beforeAll } from "vitest";
import { db } from "@/lib/server/db";
import { resetEnvCache } from "@/lib/server/env";
import { startFakeOidcProvider, type TFakeOidcProvider, type TFakeOidcUser } from "@/lib/testing/fake-oidc-provider";
import { createTestOrg, uniqueSuffix } from "@/lib/testing/factories";
import { sealClientSecret, ssoEndpoints, type TOidcConnection } from "../connections";
import { ZOidcSettings } from "../schemas";

// What the OIDC tests share: a real provider on loopback (private destinations allowed, as the
// demo does), and an org whose connection points at it with a client registered there.

export const ADA: TFakeOidcUser = {
  sub: "00u-ada",
  email: "Ada@Acme.example",
  name: "Ada Lovelace",
  groups: ["k8s-payments-admins", "everyone"],
  password: "correct horse",
};
export const UNVERIFIED: TFakeOidcUser = {
  sub: "00u-eve",
  email: "eve@acme.example",
  name: "Eve",
  groups: [],
  emailVerified: false,
};

/** Starts providers for the test file (each a separate IdP) with private destinations allowed. */
export function fakeIdpsForFile(count: number, options: { groupsInIdToken?: boolean } = {}): TFakeOidcProvider[] {
  // Handles the caller can destructure at once; beforeAll fills them in.
  const idps = Array.from({ length: count }, () => ({}) as TFakeOidcProvider);
  let saved: string | undefined;
  beforeAll(async () => {
    saved = process.env.BUMPERS_ALLOW_PRIVATE_DESTINATIONS;
    for (const idp of idps) Object.assign(idp, await startFakeOidcProvider({ users: [ADA, UNVERIFIED], ...options }));
    process.env.BUMPERS_ALLOW_PRIVATE_DESTINATIONS = "true";
    resetEnvCache();
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env.BUMPERS_ALLOW_PRIVATE_DESTINATIONS;
    else process.env.BUMPERS_ALLOW_PRIVATE_DESTINATIONS = saved;
    resetEnvCache();
    await Promise.all(idps.map((idp) => idp.close()));
  });
  return idps;
}

export type TTestConnection = TOidcConnection & {
  client: { clientId: string; clientSecret: string; redirectUris: string[] };
};

/**
 * A new org whose OIDC connection uses `idp`, with its own client registered there for `origin`.
 * `save` also stores the connection (enabled), for the routes, which load it by slug.
 */
export async function orgWithOidc(
  idp: TFakeOidcProvider,
  origin: string,
  { save = false, groupsClaim }: { save?: boolean; groupsClaim?: string } = {},
): Promise<TTestConnection> {
  const org = await createTestOrg();
  const client = {
    clientId: `bumpers-${uniqueSuffix()}`,
    clientSecret: `secret-${uniqueSuffix()}`,
    redirectUris: [ssoEndpoints(origin, org.slug).oidcRedirectUri],
  };
  idp.addClient(client);
  const settings = ZOidcSettings.parse({ issuer: idp.issuer, clientId: client.clientId, groupsClaim });
  if (save) {
    await db.ssoConnection.create({
      data: {
        orgId: org.id,
        protocol: "oidc",
        enabled: true,
        settings,
        clientSecretSealed: sealClientSecret(org.id, client.clientSecret),
      },
    });
  }
  return {
    org: { id: org.id, slug: org.slug, name: org.name },
    protocol: "oidc",
    settings,
    clientSecret: client.clientSecret,
    enabled: true,
    enforced: false,
    jit: true,
    allowIdpInitiated: false,
    sessionHours: null,
    defaultRole: "member",
    validatedAt: null,
    client,
  };
}
