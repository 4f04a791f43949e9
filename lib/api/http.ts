import "server-only";
import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import { z, ZodError } from "zod";
import { encodeCursor } from "@/lib/server/sql";
import { authorizeOrg, actorOf, type TOrgAccess } from "@/lib/auth/access";
import { bearerToken } from "@/lib/auth/tokens";
import { getSessionUser } from "@/lib/auth/session";
import type { TPermission } from "@/lib/auth/permissions";
import type { TAuditEntry } from "@/lib/audit/record-audit";
import { authenticateTokenWithOrg, type TTokenPrincipal } from "@/lib/tokens/authenticate-token";
import type { TOrgTokenKind } from "@/lib/tokens/schemas";
import { DATABASE_UNAVAILABLE_MESSAGE, invalidInputSqlState, isDatabaseUnavailable } from "@/lib/server/db-errors";
import { AppError, errorBody } from "@/lib/server/errors";
import { assertSafeParams } from "@/lib/server/safe-input";
import { enforceApiTokenLimit, RateLimitedError } from "@/lib/server/rate-limit";
import { readCapped } from "@/lib/server/read-capped";

// Route wrappers for /api/v1 (model: Dub's withWorkspace). A handler receives an authenticated
// tenant and returns a Response; the wrapper answers every error with the same JSON shape.

export type TApiPrincipal = { type: "session"; access: TOrgAccess } | { type: "token"; token: TTokenPrincipal };

export type TApiContext<P> = {
  req: Request;
  url: URL;
  params: P;
  requestId: string;
  org: { id: string; slug: string; name: string };
  actor: TAuditEntry["actor"];
  principal: TApiPrincipal;
};

type TRouteContext<P> = { params: Promise<P> };
type TRouteHandler<P> = (req: Request, context?: TRouteContext<P>) => Promise<Response>;

export type TApiOptions = {
  /** Checked against the session user's org role. */
  permission: TPermission;
  /** Org token kinds accepted; default: both for GET/HEAD, admin tokens only for writes. */
  tokenKinds?: readonly TOrgTokenKind[];
};

const READ_METHODS = new Set(["GET", "HEAD"]);
const MAX_JSON_BYTES = 1_000_000;

const requestIdOf = (req: Request) => {
  const given = req.headers.get("x-request-id");
  // A proxy's id is kept so both logs agree; anything odd is replaced rather than logged verbatim.
  return given && /^[A-Za-z0-9._:-]{8,64}$/.test(given) ? given : randomUUID();
};

function zodDetails(err: ZodError) {
  return err.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
}

/** Maps any thrown value to the JSON error response; unexpected errors are logged, not shown. */
export function errorResponse(err: unknown, req: Request, requestId: string): Response {
  if (err instanceof RateLimitedError) {
    return NextResponse.json(errorBody(err), {
      status: err.status,
      headers: { "retry-after": String(err.retryAfterSeconds) },
    });
  }
  if (err instanceof AppError) return NextResponse.json(errorBody(err), { status: err.status });
  if (err instanceof ZodError) {
    return NextResponse.json(
      { error: { code: "bad_request", message: "The request is not valid.", details: zodDetails(err) } },
      { status: 400 },
    );
  }
  if (isDatabaseUnavailable(err)) {
    // Not the request's fault and not a bug: the same request works once PostgreSQL is back.
    console.error(`[api] request ${requestId} ${req.method} ${new URL(req.url).pathname}: database unavailable`);
    return NextResponse.json(
      { error: { code: "unavailable", message: DATABASE_UNAVAILABLE_MESSAGE, requestId } },
      { status: 503, headers: { "retry-after": "5" } },
    );
  }
  const refused = invalidInputSqlState(err);
  if (refused) {
    console.warn(`[api] request ${requestId} ${req.method} ${new URL(req.url).pathname}: input refused (${refused})`);
    return NextResponse.json(
      {
        error: {
          code: "bad_request",
          message:
            "The request holds a value that cannot be stored: a NUL character, invalid text or an impossible date.",
        },
      },
      { status: 400 },
    );
  }
  console.error(`[api] request ${requestId} ${req.method} ${new URL(req.url).pathname} failed`, err);
  return NextResponse.json(
    {
      error: {
        code: "internal",
        message: "Something went wrong on our side. Quote the request id when you report it.",
        requestId,
      },
    },
    { status: 500 },
  );
}

/** Request ids, error mapping and no-store caching, for any route handler. */
export function withErrors<P = Record<string, string>>(
  handler: (req: Request, requestId: string, params: P) => Promise<Response>,
): TRouteHandler<P> {
  return async (req, context) => {
    const requestId = requestIdOf(req);
    let res: Response;
    try {
      const params = (await context?.params) ?? ({} as P);
      // Every route at once: a NUL in ?org=, a filter or a path segment is a 400 naming it, not a 500.
      assertSafeParams(new URL(req.url), params);
      res = await handler(req, requestId, params);
    } catch (err) {
      res = errorResponse(err, req, requestId);
    }
    res.headers.set("x-request-id", requestId);
    if (!res.headers.has("cache-control")) res.headers.set("cache-control", "no-store");
    return res;
  };
}

async function fromToken(req: Request, url: URL, raw: string, kinds: readonly TOrgTokenKind[]) {
  // The token and its org in one read: this runs before every API request's own query.
  const found = await authenticateTokenWithOrg(raw);
  if (!found) throw new AppError("unauthorized", "The API token is invalid or revoked.");
  const { principal: token, org } = found;
  if (token.kind === "cluster") throw new AppError("forbidden", "Cluster tokens can only upload reports.");
  if (token.kind === "scim") throw new AppError("forbidden", "SCIM tokens only work on /scim/v2.");
  if (!kinds.includes(token.kind)) throw new AppError("forbidden", "This route needs an org admin token.");
  await enforceApiTokenLimit(token.tokenId);
  // The tenant is the token's org; naming another one is a mistake we refuse, not a switch.
  const named = url.searchParams.get("org");
  if (named && named !== org.slug) throw new AppError("forbidden", "This token belongs to another organization.");
  return { org, actor: { tokenId: token.tokenId, label: token.name }, principal: { type: "token" as const, token } };
}

async function fromSession(req: Request, url: URL, permission: TPermission) {
  if (!(await getSessionUser())) {
    throw new AppError("unauthorized", "Sign in or send an API token: Authorization: Bearer <token>.");
  }
  const slug = url.searchParams.get("org");
  if (!slug) throw new AppError("bad_request", "Name the organization with ?org=<slug>.");
  if (!READ_METHODS.has(req.method)) assertSameOrigin(req);
  const access = await authorizeOrg(slug, permission);
  return { org: access.org, actor: actorOf(access), principal: { type: "session" as const, access } };
}

/**
 * Cookie-authenticated writes must come from our own pages: browsers send an Origin with every
 * fetch POST (and Sec-Fetch-Site), so a write with an Origin of another site, or with neither an
 * Origin nor `Sec-Fetch-Site: same-origin`, did not come from a page of ours. Scripts use a token,
 * which no other site can make a browser send.
 */
function assertSameOrigin(req: Request) {
  const origin = req.headers.get("origin");
  if (origin === null) {
    if (req.headers.get("sec-fetch-site") === "same-origin") return;
    throw new AppError(
      "cross_site_request",
      "Signed-in writes must come from Bumpers' own pages (an Origin header of this site). " +
        "Scripts authenticate with an API token: Authorization: Bearer <token>.",
    );
  }
  const host = (req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? new URL(req.url).host)
    .split(",")[0]
    .trim();
  let originHost: string | null = null;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = null;
  }
  if (originHost !== host) {
    throw new AppError("cross_site_request", "Cross-site requests are not accepted with a session cookie.");
  }
}

/**
 * An /api/v1 route: `Authorization: Bearer <org token>` (the token's org is the tenant; read
 * tokens only reach read routes) or a session cookie with `?org=<slug>` checked like a page.
 */
export function withApi<P = Record<string, string>>(
  handler: (ctx: TApiContext<P>) => Promise<Response>,
  options: TApiOptions,
): TRouteHandler<P> {
  return withErrors<P>(async (req, requestId, params) => {
    const url = new URL(req.url);
    const kinds = options.tokenKinds ?? (READ_METHODS.has(req.method) ? ["org_read", "org_admin"] : ["org_admin"]);
    const hasAuthorization = req.headers.has("authorization");
    const raw = bearerToken(req.headers);
    if (hasAuthorization && !raw) throw new AppError("unauthorized", "Use Authorization: Bearer <token>.");
    const auth = raw ? await fromToken(req, url, raw, kinds) : await fromSession(req, url, options.permission);
    return handler({ req, url, params, requestId, ...auth });
  });
}

export function json(data: unknown, init?: ResponseInit): Response {
  return NextResponse.json(data, init);
}

/**
 * Parses a JSON body against a schema; bad JSON is a 400 naming the problem, never a 500. The body
 * is read with a 1 MB cap: a larger declared Content-Length is refused before reading, and a
 * chunked body stops being read once it passes the cap.
 */
export async function readJson<T>(req: Request, schema: z.ZodType<T>): Promise<T> {
  const bytes = await readCapped(req, MAX_JSON_BYTES, {
    tooLarge: () =>
      new AppError("payload_too_large", "The request body is larger than the 1 MB limit.", {
        maxBytes: MAX_JSON_BYTES,
      }),
    cutOff: (err) => new AppError("bad_request", `The request body was cut off: ${err.message}`),
  });
  const text = bytes.toString("utf8");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (err) {
    throw new AppError("bad_request", `The request body is not valid JSON: ${(err as Error).message}`);
  }
  return schema.parse(body);
}

// Lists: ?limit=1..500 (default 50)&cursor=<opaque> → { data, nextCursor }.

export const ZListParams = z.object({
  limit: z.coerce
    .number({ error: "limit must be a number." })
    .int("limit must be a whole number.")
    .min(1, "limit must be at least 1.")
    .max(500, "limit must be at most 500.")
    .default(50),
  cursor: z.string().max(1000).optional(),
});

export function parseListParams(url: URL): z.infer<typeof ZListParams> {
  return ZListParams.parse({
    limit: url.searchParams.get("limit") ?? undefined,
    cursor: url.searchParams.get("cursor") || undefined,
  });
}

// Cursors live in lib/server/sql.ts (free of Next imports, so scripts can use list queries too).
export { decodeCursor, encodeCursor } from "@/lib/server/sql";

/** `nextCursor`: an opaque cursor from the keyset helper (lib/server/sql.ts), or a position to encode. */
export function listResponse<T>(data: T[], nextCursor: string | object | null): Response {
  return json({
    data,
    nextCursor: typeof nextCursor === "string" ? nextCursor : nextCursor ? encodeCursor(nextCursor) : null,
  });
}
