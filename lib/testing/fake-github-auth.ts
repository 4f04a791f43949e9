import { createPublicKey, generateKeyPairSync, randomBytes, verify, type KeyObject } from "node:crypto";

// Who a request to the fake GitHub is: a personal access token's user, an App's JWT (RS256,
// verified against the App's public key like GitHub does), or an installation token the App
// obtained, acting as "<slug>[bot]".

export type TFakeGithubApp = {
  appId: number;
  installationId: number;
  slug: string;
  /** PEM; present when the fake made the key pair itself (tests and the demo sign with it). */
  privateKey?: string;
  publicKey: string;
};

export type TCaller = { kind: "user"; login: string; token: string } | { kind: "app"; appId: number };

export type TAuthAnswer = { ok: true; caller: TCaller } | { ok: false; message: string };

/** An App with a fresh key pair (PKCS#8 PEM, as GitHub's downloaded keys convert to). */
export function makeFakeApp(appId = 4242, installationId = 7777, slug = "bumpers-fake"): Required<TFakeGithubApp> {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  return { appId, installationId, slug, privateKey, publicKey };
}

const decode = (part: string) => JSON.parse(Buffer.from(part, "base64url").toString("utf8")) as Record<string, unknown>;

/** GitHub's checks of an App JWT: RS256 by the App's key, issued by the App, not expired, at most 10 minutes long. */
export function verifyAppJwt(jwt: string, app: TFakeGithubApp, key: KeyObject, now = Date.now()): string | null {
  const parts = jwt.split(".");
  if (parts.length !== 3) return "A JSON web token could not be decoded";
  try {
    const header = decode(parts[0]!);
    const claims = decode(parts[1]!);
    if (header.alg !== "RS256") return "A JSON web token could not be decoded";
    const signed = verify(
      "RSA-SHA256",
      Buffer.from(`${parts[0]}.${parts[1]}`),
      key,
      Buffer.from(parts[2]!, "base64url"),
    );
    if (!signed) return "A JSON web token could not be decoded";
    if (String(claims.iss) !== String(app.appId)) return `Integration not found for iss ${String(claims.iss)}`;
    const seconds = now / 1000;
    if (typeof claims.exp !== "number" || claims.exp < seconds) {
      return "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires";
    }
    if (typeof claims.iat !== "number" || claims.iat > seconds + 60 || claims.exp - claims.iat > 600) {
      return "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued";
    }
    return null;
  } catch {
    return "A JSON web token could not be decoded";
  }
}

export class FakeGithubAuth {
  private installationTokens = new Map<string, { login: string; expiresAt: number }>();
  private readonly key: KeyObject;
  constructor(
    private readonly tokens: Map<string, string>,
    readonly app: TFakeGithubApp,
  ) {
    this.key = createPublicKey(app.publicKey);
  }

  get botLogin() {
    return `${this.app.slug}[bot]`;
  }

  /** Who the Authorization header names ("token X" or "Bearer X"). */
  identify(header: string | undefined): TAuthAnswer {
    const match = /^(?:token|bearer)\s+(\S+)$/i.exec(header?.trim() ?? "");
    if (!match) return { ok: false, message: "Requires authentication" };
    const credential = match[1]!;
    if (credential.split(".").length === 3) {
      const error = verifyAppJwt(credential, this.app, this.key);
      return error ? { ok: false, message: error } : { ok: true, caller: { kind: "app", appId: this.app.appId } };
    }
    const user = this.tokens.get(credential);
    if (user) return { ok: true, caller: { kind: "user", login: user, token: credential } };
    const installation = this.installationTokens.get(credential);
    if (installation && installation.expiresAt > Date.now()) {
      return { ok: true, caller: { kind: "user", login: installation.login, token: credential } };
    }
    return { ok: false, message: "Bad credentials" };
  }

  issueInstallationToken(): { token: string; expires_at: string } {
    const token = `ghs_${randomBytes(18).toString("hex")}`;
    const expiresAt = Date.now() + 3600_000;
    this.installationTokens.set(token, { login: this.botLogin, expiresAt });
    return { token, expires_at: new Date(expiresAt).toISOString().replace(/\.\d{3}Z$/, "Z") };
  }

  reset() {
    this.installationTokens.clear();
  }
}
