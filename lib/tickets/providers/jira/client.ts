import "server-only";
import { guardedFetch } from "@/lib/server/outbound/guarded-fetch";
import { OutboundError } from "@/lib/server/outbound/outbound-error";
import { retryAfterMs } from "@/lib/server/outbound/retry-after";
import type { TProviderContext, TProviderFailure } from "../../provider";

// Requests to Jira, Cloud (REST v3, bodies in Atlassian Document Format, Basic email:token) or
// Data Center / Server (REST v2, wiki markup, Bearer personal access token).
//
// Plain fetch through the outbound guard, not jira.js at runtime: jira.js sends its requests
// through its own HTTP layer, which would bypass our SSRF guard (it pins the DNS answer and
// refuses private addresses, and never follows a redirect). jira.js serves for its published
// types in the contract test.

export type TJiraFlavor = "cloud" | "server";

export type TJiraAnswer<T> =
  { ok: true; status: number; body: T; response: Record<string, unknown> | null } | TProviderFailure;

/** What a 404 means for this call: a sentence for a missing project or issue; null: the connection is wrong. */
export type TNotFound = string | null;

export type TJiraClient = {
  flavor: TJiraFlavor;
  /** The site people browse ("https://acme.atlassian.net"), without a trailing slash. */
  site: string;
  /** "/rest/api/3" or "/rest/api/2". */
  api: string;
  call<T>(
    method: "GET" | "POST" | "PUT" | "DELETE",
    path: string,
    body: unknown,
    notFound: TNotFound,
  ): Promise<TJiraAnswer<T>>;
};

const asRecord = (value: unknown): Record<string, unknown> | null =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

/** Jira's error collection ({errorMessages: [], errors: {field: message}}) as one text and a field map. */
export function jiraErrors(body: unknown): { text: string; fields: Record<string, string> } {
  const record = asRecord(body);
  const messages = Array.isArray(record?.errorMessages) ? record.errorMessages.map(String) : [];
  const fields: Record<string, string> = {};
  for (const [field, message] of Object.entries(asRecord(record?.errors) ?? {})) fields[field] = String(message);
  const text = [...messages, ...Object.entries(fields).map(([field, message]) => `${field}: ${message}`)].join(" ");
  return { text, fields };
}

/** An answer that is not 2xx, as the outbox reads it. */
export function failureOf(status: number, body: unknown, headers: Headers, notFound: TNotFound): TProviderFailure {
  const response = asRecord(body);
  const { text, fields } = jiraErrors(body);
  const said = text || (typeof body === "string" ? body.slice(0, 300) : "");
  const withSaid = (sentence: string) => (said ? `${sentence} Jira said: ${said}` : sentence);
  if (status === 401 || status === 403) {
    const error = withSaid("Jira refused the credentials (the token may be revoked, or lack permission).");
    return { ok: false, outcome: { kind: "broken", status, response, error } };
  }
  if (status === 404 && notFound === null) {
    const error = withSaid("Jira answered 404: check the site address.");
    return { ok: false, outcome: { kind: "broken", status, response, error } };
  }
  if (status === 429) {
    const wait = retryAfterMs(headers.get("retry-after"));
    const error = withSaid("Jira is rate limiting the account.");
    return {
      ok: false,
      outcome: { kind: "retry", status, response, error, ...(wait !== undefined ? { retryAfterMs: wait } : {}) },
    };
  }
  if (status >= 500) {
    return { ok: false, outcome: { kind: "retry", status, response, error: withSaid(`Jira answered ${status}.`) } };
  }
  const error = status === 404 ? withSaid(notFound!) : said || `Jira refused the request (${status}).`;
  return {
    ok: false,
    outcome: { kind: "rejected", status, response, error },
    ...(Object.keys(fields).length ? { fieldErrors: fields } : {}),
  };
}

/** No usable answer: a refused destination needs an admin; the rest may pass on a later try. */
function noAnswer(error: unknown): TProviderFailure {
  const cause = error instanceof Error && error.cause instanceof OutboundError ? error.cause : null;
  if (cause && (cause.kind === "refused" || cause.kind === "redirect")) {
    const text = `Jira could not be reached: ${cause.message}`;
    return { ok: false, outcome: { kind: "broken", status: cause.status, response: null, error: text } };
  }
  const text = cause ? `Jira could not be reached: ${cause.message}` : "Jira could not be reached.";
  return { ok: false, outcome: { kind: "retry", status: cause?.status ?? null, error: text } };
}

function parseBody(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export function createJiraClient(context: TProviderContext): TJiraClient {
  const { secret } = context;
  if (secret.kind === "github") throw new TypeError("A Jira provider needs a Jira connection");
  const flavor: TJiraFlavor = secret.kind === "jira_cloud" ? "cloud" : "server";
  const site = secret.kind === "jira_cloud" ? secret.siteUrl : secret.baseUrl;
  const authorization =
    secret.kind === "jira_cloud"
      ? `Basic ${Buffer.from(`${secret.email}:${secret.apiToken}`).toString("base64")}`
      : `Bearer ${secret.personalAccessToken}`;
  const api = flavor === "cloud" ? "/rest/api/3" : "/rest/api/2";
  const fetcher = guardedFetch({ allowPrivate: context.allowPrivate, timeoutMs: context.timeoutMs });

  return {
    flavor,
    site,
    api,
    async call<T>(method: "GET" | "POST" | "PUT" | "DELETE", path: string, body: unknown, notFound: TNotFound) {
      let response: Response;
      try {
        response = await fetcher(`${site}${api}${path}`, {
          method,
          headers: {
            authorization,
            accept: "application/json",
            ...(body === undefined ? {} : { "content-type": "application/json" }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      } catch (error) {
        return noAnswer(error);
      }
      const parsed = parseBody(await response.text());
      if (!response.ok) return failureOf(response.status, parsed, response.headers, notFound);
      return { ok: true as const, status: response.status, body: parsed as T, response: asRecord(parsed) };
    },
  };
}
