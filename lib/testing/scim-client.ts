import { generateToken, hashToken, tokenHint } from "@/lib/auth/tokens";
import { db } from "@/lib/server/db";
import * as users from "@/app/scim/v2/[org]/Users/route";
import * as user from "@/app/scim/v2/[org]/Users/[id]/route";
import * as groups from "@/app/scim/v2/[org]/Groups/route";
import * as group from "@/app/scim/v2/[org]/Groups/[id]/route";
import * as config from "@/app/scim/v2/[org]/ServiceProviderConfig/route";
import * as schemas from "@/app/scim/v2/[org]/Schemas/route";
import * as schema from "@/app/scim/v2/[org]/Schemas/[id]/route";
import * as resourceTypes from "@/app/scim/v2/[org]/ResourceTypes/route";
import * as resourceType from "@/app/scim/v2/[org]/ResourceTypes/[id]/route";
import * as other from "@/app/scim/v2/[org]/[...path]/route";

// A SCIM client for tests and the benchmark: real Request objects handed to the real route
// handlers of app/scim/v2/[org], routed the way Next routes them.

type TContext = { params: Promise<Record<string, unknown>> };
// Method syntax: each route module's handlers take their own params type.
type TModule = {
  GET?(req: Request, ctx: TContext): Promise<Response>;
  POST?(req: Request, ctx: TContext): Promise<Response>;
  PUT?(req: Request, ctx: TContext): Promise<Response>;
  PATCH?(req: Request, ctx: TContext): Promise<Response>;
  DELETE?(req: Request, ctx: TContext): Promise<Response>;
};

/** A SCIM token of the org, as the settings page creates them (the secret is returned once). */
export async function createScimToken(orgId: string, name = "Okta provisioning") {
  const secret = generateToken("scim");
  const token = await db.apiToken.create({
    data: { orgId, kind: "scim", name, tokenHash: hashToken(secret), hint: tokenHint(secret) },
  });
  return { id: token.id, secret };
}

export async function claimDomain(orgId: string, domain: string) {
  await db.ssoDomain.create({ data: { orgId, domain } });
}

function route(path: string): { module: TModule; params: Record<string, unknown> } {
  const [resource, id, ...rest] = path.split("?")[0].split("/").filter(Boolean).map(decodeURIComponent);
  const pick = (collection: TModule, single: TModule) =>
    id === undefined ? { module: collection, params: {} } : { module: single, params: { id } };
  if (rest.length === 0) {
    if (resource === "Users") return pick(users, user);
    if (resource === "Groups") return pick(groups, group);
    if (resource === "Schemas") return pick(schemas, schema);
    if (resource === "ResourceTypes") return pick(resourceTypes, resourceType);
    if (resource === "ServiceProviderConfig" && id === undefined) return { module: config, params: {} };
  }
  return { module: other, params: { path: [resource, id, ...rest].filter((s) => s !== undefined) } };
}

export type TScimResponse = {
  status: number;
  headers: Headers;
  body: Record<string, unknown> & { [key: string]: unknown };
};

export type TScimCall = {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
};

/** Calls `path` (e.g. `/Users?filter=…`) of org `orgSlug` with `token` (null: no Authorization header). */
export async function scimRequest(orgSlug: string, token: string | null, call: TScimCall): Promise<TScimResponse> {
  const { module, params } = route(call.path);
  const handler = module[call.method];
  if (!handler) throw new Error(`${call.method} ${call.path}: no such handler (Next would answer 405)`);
  const body =
    call.body === undefined ? undefined : typeof call.body === "string" ? call.body : JSON.stringify(call.body);
  const req = new Request(`https://bumpers.test/scim/v2/${encodeURIComponent(orgSlug)}${call.path}`, {
    method: call.method,
    headers: {
      // What a request through a TLS-terminating proxy carries; meta.location is built from it.
      host: "bumpers.test",
      "x-forwarded-proto": "https",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { "content-type": "application/scim+json" }),
      ...call.headers,
    },
    body,
  });
  const res = await handler(req, { params: Promise.resolve({ org: orgSlug, ...params }) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : {} };
}

/** `scimRequest` bound to one org and token. */
export function scimClient(orgSlug: string, token: string | null) {
  const call = (method: TScimCall["method"]) => (path: string, body?: unknown, headers?: Record<string, string>) =>
    scimRequest(orgSlug, token, { method, path, body, headers });
  return { get: call("GET"), post: call("POST"), put: call("PUT"), patch: call("PATCH"), delete: call("DELETE") };
}

/** `?filter=` for a query string. */
export const filterQuery = (filter: string) => `filter=${encodeURIComponent(filter)}`;
