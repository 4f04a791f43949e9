import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import { originFrom } from "@/lib/server/app-url";
import { DATABASE_UNAVAILABLE_MESSAGE, invalidInputSqlState, isDatabaseUnavailable } from "@/lib/server/db-errors";
import { env } from "@/lib/server/env";
import { AppError } from "@/lib/server/errors";
import { enforceApiTokenLimit, RateLimitedError } from "@/lib/server/rate-limit";
import { readCapped } from "@/lib/server/read-capped";
import { assertSafeParams } from "@/lib/server/safe-input";
import { findUnsafeString } from "@/lib/server/text-safety";
import type { TTokenOrg } from "@/lib/tokens/authenticate-token";
import { authenticateScimRequest } from "./authenticate";
import { DEFAULT_COUNT, MAX_BODY_BYTES, MAX_COUNT, SCIM_CONTENT_TYPE } from "./constants";
import { ScimError, scimBadRequest, scimErrorBody } from "./errors";

// The route wrapper of /scim/v2/<org>/…: the org's SCIM token (the same 401 for every credential
// problem), the per-token rate limit of API tokens, SCIM's error format for everything thrown,
// application/scim+json answers, bodies read with a 1 MiB cap.

export type TScimActor = { tokenId: string; label: string };

export type TScimContext<P> = {
  req: Request;
  url: URL;
  params: P;
  requestId: string;
  org: TTokenOrg;
  actor: TScimActor;
  /** The absolute base of this org's SCIM endpoints, for `meta.location` and `$ref`. */
  base: string;
};

type TRouteContext<P> = { params: Promise<P> };

const requestIdOf = (req: Request) => {
  const given = req.headers.get("x-request-id");
  return given && /^[A-Za-z0-9._:-]{8,64}$/.test(given) ? given : randomUUID();
};

export function withScim<P extends { org: string }>(handler: (ctx: TScimContext<P>) => Promise<Response>) {
  return async (req: Request, context: TRouteContext<P>): Promise<Response> => {
    const requestId = requestIdOf(req);
    let res: Response;
    try {
      const params = await context.params;
      const { org, token } = await authenticateScimRequest(req, params.org);
      await enforceApiTokenLimit(token.tokenId);
      const url = new URL(req.url);
      assertSafeParams(url, params);
      const base = `${originFrom(env().NEXTAUTH_URL, req.headers)}/scim/v2/${encodeURIComponent(org.slug)}`;
      const actor = { tokenId: token.tokenId, label: token.name };
      res = await handler({ req, url, params, requestId, org, actor, base });
    } catch (err) {
      res = scimErrorResponse(err, req, requestId);
    }
    res.headers.set("x-request-id", requestId);
    res.headers.set("cache-control", "no-store");
    return res;
  };
}

export function scimJson(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: { "content-type": SCIM_CONTENT_TYPE, ...init.headers },
  });
}

/** Any error as SCIM's error response; unexpected ones are logged and answered with the request id only. */
export function scimErrorResponse(err: unknown, req: Request, requestId: string): Response {
  const respond = (status: number, detail: string, scimType?: Parameters<typeof scimErrorBody>[2], headers = {}) =>
    scimJson(scimErrorBody(status, detail, scimType), { status, headers });
  if (err instanceof ScimError) return respond(err.status, err.detail, err.scimType, err.headers);
  if (err instanceof RateLimitedError) {
    return respond(429, err.message, undefined, { "retry-after": String(err.retryAfterSeconds) });
  }
  if (err instanceof AppError) return respond(err.status, err.message, err.status === 400 ? "invalidValue" : undefined);
  if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
    // Two requests of one org are serialized (lib/scim/lock.ts), so this is a race with something else.
    return respond(409, "A resource with the same unique value was just written; read it and retry.", "uniqueness");
  }
  if (isDatabaseUnavailable(err)) {
    return respond(503, DATABASE_UNAVAILABLE_MESSAGE, undefined, { "retry-after": "5" });
  }
  const refused = invalidInputSqlState(err);
  if (refused) return respond(400, `The request holds a value that cannot be stored (${refused}).`, "invalidValue");
  console.error(`[scim] request ${requestId} ${req.method} ${new URL(req.url).pathname} failed`, err);
  return respond(500, `Something went wrong on our side. Quote request id ${requestId} when you report it.`);
}

/** The JSON body: application/scim+json or application/json (or no type), at most 1 MiB, valid JSON. */
export async function readScimJson(req: Request): Promise<unknown> {
  const type = req.headers.get("content-type");
  if (type && !/^application\/(scim\+)?json\s*(;|$)/i.test(type.trim())) {
    throw new ScimError(415, `Send the body as application/scim+json (or application/json), not ${type}.`);
  }
  const bytes = await readCapped(req, MAX_BODY_BYTES, {
    tooLarge: () => new ScimError(413, `The request body is larger than the limit of ${MAX_BODY_BYTES} bytes (1 MiB).`),
    cutOff: (err) => scimBadRequest("invalidSyntax", `The request body was cut off: ${err.message}`),
  });
  let body: unknown;
  try {
    body = JSON.parse(bytes.toString("utf8"));
  } catch (err) {
    throw scimBadRequest("invalidSyntax", `The request body is not valid JSON: ${(err as Error).message}`);
  }
  const unsafe = findUnsafeString(body);
  if (unsafe) throw scimBadRequest("invalidValue", `${unsafe.path || "The body"} ${unsafe.reason}.`);
  return body;
}

export type TListQuery = {
  startIndex: number;
  count: number;
  filter: string | null;
  attributes: string[];
  excludedAttributes: string[];
};

/**
 * `startIndex` (1-based; below 1 counts as 1) and `count` (default 100, negative counts as 0, more
 * than 1000 as 1000), as RFC 7644 §3.4.2.4 reads them; the filter and attribute lists as given.
 */
export function parseListQuery(url: URL): TListQuery {
  const integer = (name: string, fallback: number) => {
    const raw = url.searchParams.get(name);
    if (raw === null || raw.trim() === "") return fallback;
    if (!/^-?\d{1,9}$/.test(raw.trim())) throw scimBadRequest("invalidValue", `${name} must be a whole number.`);
    return Number(raw);
  };
  const list = (name: string) =>
    (url.searchParams.get(name) ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  return {
    startIndex: Math.max(1, integer("startIndex", 1)),
    count: Math.min(MAX_COUNT, Math.max(0, integer("count", DEFAULT_COUNT))),
    filter: url.searchParams.get("filter"),
    attributes: list("attributes"),
    excludedAttributes: list("excludedAttributes"),
  };
}
