import { generateKeyPairSync, randomBytes, randomUUID, type KeyObject } from "node:crypto";
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { SignJWT } from "jose";
import type { Account, default as TProvider, TAdapterPayload } from "oidc-provider";
import { handleInteraction, INTERACTION_PATH, type TFakeOidcUser } from "./fake-oidc-interactions";
import { memoryAdapter } from "./fake-oidc-store";

// A real OpenID Connect provider (`oidc-provider`, the certified implementation) on a real HTTP
// port, for tests, e2e and the demo. It speaks the whole protocol: discovery, authorization with
// PKCE (required), the token endpoint with client_secret_basic/post, userinfo, an RSA key set
// made at start. People sign in on a small form (lib/testing/fake-oidc-interactions.ts).
//
//   const idp = await startFakeOidcProvider({ users: [{ sub: "u1", email: "ada@acme.example",
//     name: "Ada", groups: ["k8s-payments-admins"], password: "pw" }] });
//   idp.addClient({ clientId: "bumpers", clientSecret: "s3cret",
//     redirectUris: ["http://127.0.0.1:3000/api/sso/acme/oidc/callback"] });
//   // settings: issuer = idp.issuer, client id/secret as above, BUMPERS_ALLOW_PRIVATE_DESTINATIONS=true
//   ... await idp.close();
//
// Claims: `email`, `email_verified` (scope email), `name` and `groups` (scope profile or groups),
// in the ID token as well as from userinfo (`groupsInIdToken: false` keeps groups to userinfo,
// as some IdPs do). Failures on demand: `rewriteNextTokenResponse` changes the next token
// endpoint answer (swap in another client's ID token, one re-signed with `signIdToken` with a
// past `exp`, a tampered one), so tests see what a hostile or broken IdP would send.
//
// Cookies are plain (not Secure) with SameSite=Lax, so a real browser keeps them on
// http://127.0.0.1; their names are prefixed so they never collide with the app's on that host.

export type { TFakeOidcUser } from "./fake-oidc-interactions";

export type TFakeOidcClient = { clientId: string; clientSecret: string; redirectUris: string[] };

export type TTokenResponse = Record<string, unknown> & { id_token?: string; access_token?: string };

export type TTokenResponseRewrite = (response: TTokenResponse) => TTokenResponse | Promise<TTokenResponse>;

export type TFakeOidcProvider = {
  issuer: string;
  port: number;
  addClient(client: TFakeOidcClient): void;
  setUserGroups(sub: string, groups: string[]): void;
  /** The next successful token endpoint answer goes through `rewrite` before it is sent. */
  rewriteNextTokenResponse(rewrite: TTokenResponseRewrite): void;
  /** A JWT signed with the provider's own key (RS256, its kid): a token it could have issued. */
  signIdToken(claims: Record<string, unknown>): Promise<string>;
  close(): Promise<void>;
};

export type TFakeOidcOptions = {
  port?: number;
  users: TFakeOidcUser[];
  /** False: `groups` only from userinfo, never in the ID token. Default true. */
  groupsInIdToken?: boolean;
};

const HOST = "127.0.0.1";

function signingKey(): { jwk: Record<string, unknown>; privateKey: KeyObject; kid: string } {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const kid = randomUUID();
  return { jwk: { ...privateKey.export({ format: "jwk" }), kid, use: "sig", alg: "RS256" }, privateKey, kid };
}

function clientMetadata(client: TFakeOidcClient): TAdapterPayload {
  return {
    client_id: client.clientId,
    client_secret: client.clientSecret,
    redirect_uris: client.redirectUris,
    grant_types: ["authorization_code"],
    response_types: ["code"],
    token_endpoint_auth_method: "client_secret_basic",
  };
}

function listen(server: http.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, HOST, () => resolve((server.address() as AddressInfo).port));
  });
}

// oidc-provider 9 prints "Unsupported runtime" on any Node before 22 when it loads; it runs on
// Node 20, which Bumpers supports, so that one line is kept out of the demo's output.
async function loadProvider(): Promise<typeof TProvider> {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (!String(args[0]).includes("oidc-provider WARNING: Unsupported runtime")) warn(...args);
  };
  try {
    return (await import("oidc-provider")).default;
  } finally {
    console.warn = warn;
  }
}

export async function startFakeOidcProvider(options: TFakeOidcOptions): Promise<TFakeOidcProvider> {
  const Provider = await loadProvider();
  const users = new Map(options.users.map((u) => [u.sub, { ...u, groups: [...u.groups] }]));
  const clients = new Map<string, TAdapterPayload>();
  const rewrites: TTokenResponseRewrite[] = [];
  const key = signingKey();
  const groupsInIdToken = options.groupsInIdToken ?? true;

  // The issuer names the port, so the server listens first and answers once the provider exists.
  let handle: http.RequestListener = (_req, res) => void res.writeHead(503).end();
  const server = http.createServer((req, res) => handle(req, res));
  const sockets = new Set<Socket>();
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  const port = await listen(server, options.port ?? 0);
  const issuer = `http://${HOST}:${port}`;

  const findAccount = async (_ctx: unknown, sub: string): Promise<Account | undefined> => {
    if (!users.has(sub)) return undefined;
    return {
      accountId: sub,
      // Read at issue time, so setUserGroups shows in the next sign-in.
      claims: (use) => {
        const user = users.get(sub)!;
        return {
          sub,
          email: user.email,
          email_verified: user.emailVerified ?? true,
          name: user.name,
          ...(use === "userinfo" || groupsInIdToken ? { groups: [...user.groups] } : {}),
        };
      },
    };
  };

  const provider = new Provider(issuer, {
    adapter: memoryAdapter(clients),
    clients: [],
    jwks: { keys: [key.jwk] },
    cookies: {
      keys: [randomBytes(32).toString("base64url")],
      names: { session: "fake_oidc_session", interaction: "fake_oidc_interaction", resume: "fake_oidc_resume" },
    },
    claims: {
      openid: ["sub"],
      email: ["email", "email_verified"],
      profile: ["name", "groups"],
      groups: ["groups"],
    },
    scopes: ["openid", "email", "profile", "groups", "offline_access"],
    // Claims of the granted scopes go into the ID token too (the spec's default leaves them to
    // userinfo when an access token is issued); most company IdPs put them there.
    conformIdTokenClaims: false,
    responseTypes: ["code"],
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    findAccount,
    clientBasedCORS: () => false,
    ttl: { AccessToken: 3600, AuthorizationCode: 60, IdToken: 3600, Interaction: 3600, Session: 86400, Grant: 86400 },
  });
  provider.on("server_error", (_ctx, err) => console.error("[fake-oidc] server error", err));

  provider.use(async (ctx, next) => {
    await next();
    if (ctx.method !== "POST" || ctx.path !== "/token" || ctx.status !== 200) return;
    const rewrite = rewrites.shift();
    if (rewrite) ctx.body = await rewrite({ ...(ctx.body as TTokenResponse) });
  });

  const callback = provider.callback();
  handle = (req, res) => {
    const match = INTERACTION_PATH.exec(new URL(req.url ?? "/", issuer).pathname);
    if (!match) return callback(req, res);
    const action = match[2] === "login" || match[2] === "abort" ? match[2] : "show";
    if ((action === "show") !== (req.method === "GET")) return void res.writeHead(405).end();
    handleInteraction(provider, () => [...users.values()], req, res, action).catch((err: unknown) => {
      console.error("[fake-oidc] interaction failed", err);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  };

  return {
    issuer,
    port,
    addClient: (client) => clients.set(client.clientId, clientMetadata(client)),
    setUserGroups: (sub, groups) => {
      const user = users.get(sub);
      if (!user) throw new Error(`fake OIDC provider: no user ${sub}`);
      user.groups = [...groups];
    },
    rewriteNextTokenResponse: (rewrite) => void rewrites.push(rewrite),
    signIdToken: (claims) =>
      new SignJWT(claims).setProtectedHeader({ alg: "RS256", kid: key.kid }).sign(key.privateKey),
    close: () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };
}
