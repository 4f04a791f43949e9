import "server-only";
import * as client from "openid-client";
import { sha256Hex } from "@/lib/server/crypto";
import { allowPrivateDestinations } from "@/lib/server/outbound/destination";
import { guardedFetch } from "@/lib/server/outbound/guarded-fetch";
import type { TOidcConnection } from "../connections";
import { SsoError } from "../errors";
import { describeOidcError } from "./errors";

// The openid-client Configuration of an org's OIDC connection: the provider's discovery document,
// the client's id and secret, and every request the library makes sent through the SSRF guard
// (the issuer is a URL an admin typed). Discovery is cached for a while in memory, so a sign-in
// costs the token request and nothing else; the cache key holds everything the Configuration is
// made of, so a changed setting or a new secret misses it at once.

const CACHE_TTL_MS = 10 * 60 * 1000;
/** openid-client's own timeout (seconds); the guard's timeouts apply inside it. */
const REQUEST_TIMEOUT_S = 15;

type TCached = { expiresAt: number; configuration: Promise<client.Configuration> };
const cache = new Map<string, TCached>();

/** openid-client's fetch, over the guard: string bodies, no redirects followed, answers capped. */
function oidcFetch(): client.CustomFetch {
  const send = guardedFetch();
  return (url, options) => {
    const { body } = options;
    if (body !== undefined && body !== null && typeof body !== "string" && !(body instanceof URLSearchParams)) {
      throw new TypeError("The OIDC client sends form or string bodies only.");
    }
    return send(url, { method: options.method, headers: options.headers, body: body?.toString() });
  };
}

/** client_secret_basic (the spec's default) where the provider accepts it, else client_secret_post. */
function clientAuthFor(metadata: client.ServerMetadata, secret: string): client.ClientAuth {
  const supported = metadata.token_endpoint_auth_methods_supported ?? ["client_secret_basic"];
  if (supported.includes("client_secret_basic")) return client.ClientSecretBasic(secret);
  if (supported.includes("client_secret_post")) return client.ClientSecretPost(secret);
  throw new SsoError(
    "SsoNotConfigured",
    `The identity provider accepts neither client_secret_basic nor client_secret_post (it lists ${supported.join(", ")}).`,
  );
}

async function discover(conn: TOidcConnection, secret: string): Promise<client.Configuration> {
  const issuer = new URL(conn.settings.issuer);
  // openid-client refuses http:// itself; the guard decides, and lets it through only to loopback
  // with private destinations allowed (tests, the demo).
  const insecure = issuer.protocol === "http:" && allowPrivateDestinations();
  const execute = insecure ? [client.allowInsecureRequests] : [];
  const customFetch = oidcFetch();
  let discovered: client.Configuration;
  try {
    discovered = await client.discovery(issuer, conn.settings.clientId, undefined, undefined, {
      [client.customFetch]: customFetch,
      execute,
      timeout: REQUEST_TIMEOUT_S,
    });
  } catch (err) {
    throw new SsoError("SsoNotConfigured", `Discovery at ${issuer.href} failed: ${describeOidcError(err)}`);
  }
  const metadata = discovered.serverMetadata();
  const configuration = new client.Configuration(
    metadata,
    conn.settings.clientId,
    undefined,
    clientAuthFor(metadata, secret),
  );
  configuration[client.customFetch] = customFetch;
  configuration.timeout = REQUEST_TIMEOUT_S;
  if (insecure) client.allowInsecureRequests(configuration);
  // openid-client trusts an ID token from the token endpoint on TLS alone (OIDC Core 3.1.3.7
  // allows it) unless told otherwise: verify its signature with the provider's JWKS as well, so a
  // token altered anywhere on the way (a proxy, a compromised TLS terminator) is refused. The key
  // set is fetched once and kept with this Configuration.
  client.enableNonRepudiationChecks(configuration);
  return configuration;
}

/**
 * The Configuration for this connection, from the cache when it was discovered in the last ten
 * minutes (`fresh`: discover again, as "validate configuration" does). Throws SsoError
 * SsoNotConfigured when the connection has no secret or discovery fails.
 */
export async function oidcConfiguration(
  conn: TOidcConnection,
  { fresh = false }: { fresh?: boolean } = {},
): Promise<client.Configuration> {
  const secret = conn.clientSecret;
  if (!secret) throw new SsoError("SsoNotConfigured", "The OIDC connection has no client secret.");
  const key = [conn.org.id, conn.settings.issuer, conn.settings.clientId, sha256Hex(secret)].join("\n");
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && hit.expiresAt > now && !fresh) return hit.configuration;

  for (const [k, entry] of cache) if (entry.expiresAt <= now) cache.delete(k);
  const configuration = discover(conn, secret);
  const entry = { expiresAt: now + CACHE_TTL_MS, configuration };
  cache.set(key, entry);
  // A failed discovery is not kept: the next sign-in tries again.
  configuration.catch(() => {
    if (cache.get(key) === entry) cache.delete(key);
  });
  return configuration;
}
