import { generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { resetEnvCache } from "@/lib/server/env";
import { addMember, createTestTenant, createTestUser, uniqueSuffix } from "@/lib/testing/factories";
import { sendJson, sendText, startFakeHttp, type TFakeServer } from "@/lib/testing/fake-http";

// What the SSO settings tests share: a tenant whose owner has an address in a domain of its own
// (claimable, unlike the factories' shared test.example), private destinations allowed for one
// test file, and a small IdP over real HTTP serving discovery, JWKS and SAML metadata.

export const fixture = (name: string) => readFileSync(path.join(__dirname, "fixtures", name), "utf8");

/** A tenant plus an owner `owner@<its own domain>` who has a password (the break-glass way in). */
export async function createSsoTenant() {
  const t = await createTestTenant();
  const domain = `acme-${uniqueSuffix()}.example`;
  const ssoOwner = await createTestUser({ email: `owner@${domain}`, passwordHash: "$2b$10$notarealhashbutnotnullxx" });
  await addMember(t.org.id, ssoOwner.id, "owner");
  return { ...t, domain, ssoOwner, actor: { userId: ssoOwner.id, label: ssoOwner.email } };
}

/** BUMPERS_ALLOW_PRIVATE_DESTINATIONS=true for this test file (the fake IdP listens on loopback). */
export function allowPrivateDestinations() {
  const saved = process.env.BUMPERS_ALLOW_PRIVATE_DESTINATIONS;
  beforeAll(() => {
    process.env.BUMPERS_ALLOW_PRIVATE_DESTINATIONS = "true";
    resetEnvCache();
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.BUMPERS_ALLOW_PRIVATE_DESTINATIONS;
    else process.env.BUMPERS_ALLOW_PRIVATE_DESTINATIONS = saved;
    resetEnvCache();
  });
}

export type TFakeIdp = TFakeServer & {
  /** Issuer the discovery document names: `${url}/realms/acme` unless a test changes it. */
  issuer: string;
  /** Changes to the discovery document (a value of undefined removes the field). */
  discovery: Record<string, unknown>;
  jwks: { keys: Record<string, unknown>[] };
  /** What GET /metadata.xml answers. */
  metadata: string;
  /** Runs before a request of this path is answered (a change made while a validation runs). */
  beforeAnswer: ((path: string) => Promise<void>) | null;
  reset: () => void;
};

/** A Keycloak-shaped IdP: /realms/acme/.well-known/openid-configuration, its JWKS, and SAML metadata. */
export async function startFakeIdp(): Promise<TFakeIdp> {
  const { publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const signingKey = { ...publicKey.export({ format: "jwk" }), use: "sig", alg: "RS256", kid: "fake-1" };
  const state = {} as TFakeIdp;
  const server = await startFakeHttp((req, res) => {
    if (state.beforeAnswer) {
      const hook = state.beforeAnswer;
      state.beforeAnswer = null;
      void hook(req.path).then(() => answer(req.path, res));
      return;
    }
    answer(req.path, res);
  });
  const answer = (path: string, res: Parameters<Parameters<typeof startFakeHttp>[0]>[1]) => {
    const realm = `${server.url}/realms/acme`;
    if (path === "/realms/acme/.well-known/openid-configuration") {
      const document: Record<string, unknown> = {
        issuer: state.issuer,
        authorization_endpoint: `${realm}/protocol/openid-connect/auth`,
        token_endpoint: `${realm}/protocol/openid-connect/token`,
        jwks_uri: `${realm}/protocol/openid-connect/certs`,
        code_challenge_methods_supported: ["plain", "S256"],
        ...state.discovery,
      };
      return sendJson(res, 200, JSON.parse(JSON.stringify(document)));
    }
    if (path === "/realms/acme/protocol/openid-connect/certs") return sendJson(res, 200, state.jwks);
    if (path === "/metadata.xml") {
      res.writeHead(200, { "content-type": "application/samlmetadata+xml" });
      return res.end(state.metadata);
    }
    sendText(res, 404, "Not Found");
  };
  const reset = () => {
    state.issuer = `${server.url}/realms/acme`;
    state.discovery = {};
    state.jwks = { keys: [signingKey] };
    state.metadata = fixture("okta-metadata.xml");
    state.beforeAnswer = null;
  };
  Object.assign(state, server, { reset });
  reset();
  return state;
}
