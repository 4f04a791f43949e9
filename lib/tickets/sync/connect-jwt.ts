import "server-only";
import { createHash } from "node:crypto";
import { jwtVerify } from "jose";

// Jira webhooks registered by an Atlassian Connect-style app carry no secret in their URL: each
// request has `Authorization: JWT <token>`, HS256-signed with the shared secret, whose `qsh` claim
// is the SHA-256 of the canonical request (method, path, sorted query without `jwt`), so a token
// cannot be replayed against another URL; `exp` bounds its life.
// https://developer.atlassian.com/cloud/jira/platform/understanding-jwt-for-connect-apps/

/** How far apart the clocks may be (Atlassian's own libraries allow a few minutes). */
const CLOCK_SKEW_SECONDS = 180;

const encode = (v: string) =>
  encodeURIComponent(v).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Atlassian's canonical request: `METHOD&/path&sorted,query` (the `jwt` parameter left out). */
export function canonicalRequest(method: string, url: URL): string {
  const params = new Map<string, string[]>();
  for (const [name, value] of url.searchParams) {
    if (name === "jwt") continue;
    params.set(name, [...(params.get(name) ?? []), value]);
  }
  const query = [...params.keys()]
    .sort()
    .map((name) => `${encode(name)}=${params.get(name)!.map(encode).sort().join(",")}`)
    .join("&");
  const path = url.pathname.replace(/\/+$/, "") || "/";
  return `${method.toUpperCase()}&${path}&${query}`;
}

export const queryStringHash = (method: string, url: URL) =>
  createHash("sha256").update(canonicalRequest(method, url), "utf8").digest("hex");

/** Null when the request's JWT is good for this secret and this URL; else why not. */
export async function connectJwtProblem(request: Request, secret: string, now = new Date()): Promise<string | null> {
  const header = request.headers.get("authorization") ?? "";
  const url = new URL(request.url);
  const token = header.startsWith("JWT ") ? header.slice(4).trim() : url.searchParams.get("jwt");
  if (!token) return "no JWT in the Authorization header";
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
      algorithms: ["HS256"],
      clockTolerance: CLOCK_SKEW_SECONDS,
      currentDate: now,
    });
    if (typeof payload.exp !== "number") return "the JWT has no expiry";
    if (payload.qsh !== queryStringHash(request.method, url)) return "the JWT was made for another request";
    return null;
  } catch (err) {
    return `the JWT does not verify (${(err as Error).message})`;
  }
}
