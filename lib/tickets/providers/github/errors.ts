import "server-only";
import { RequestError } from "@octokit/request-error";
import { outboundFailure } from "@/lib/notifications/channels/deliver-json";
import { scrubSecrets } from "@/lib/server/outbound/mask";
import { OutboundError } from "@/lib/server/outbound/outbound-error";
import { retryAfterMs } from "@/lib/server/outbound/retry-after";
import type { TProviderFailure } from "../../provider";

// GitHub's refusals as outcomes the outbox understands. GitHub says "rate limited" with a 403
// (x-ratelimit-remaining: 0, or a "secondary rate limit" message) as often as with a 429, so a 403
// is read before it is called a permission problem. GitHub's own message is kept; the token and
// the App's key never are.

/** What the call was about: the repository names a 403/404, `whoAmI` makes a 404 a broken connection. */
export type TCallScope = { repo?: string; whoAmI?: boolean; secrets: string[] };

type TGithubError = { message?: unknown; errors?: unknown };

const asRecord = (data: unknown): Record<string, unknown> | null =>
  data && typeof data === "object" && !Array.isArray(data) ? (data as Record<string, unknown>) : null;

/** The wait GitHub asks for: Retry-After, else until x-ratelimit-reset (epoch seconds). */
export function githubRetryAfterMs(headers: Record<string, unknown>, now = Date.now()): number | undefined {
  const after = retryAfterMs(typeof headers["retry-after"] === "string" ? headers["retry-after"] : undefined, now);
  if (after !== undefined) return after;
  const reset = Number(headers["x-ratelimit-reset"]);
  return Number.isFinite(reset) && reset > 0 ? Math.max(0, reset * 1000 - now) : undefined;
}

/** 422's errors[] by field: GitHub's message when it gives one, else its code ("missing_field", "invalid"). */
export function fieldErrorsOf(data: TGithubError | null): Record<string, string> | undefined {
  if (!Array.isArray(data?.errors)) return undefined;
  const out: Record<string, string> = {};
  for (const item of data.errors as unknown[]) {
    const e = asRecord(item);
    if (!e) continue;
    const field = typeof e.field === "string" && e.field ? e.field : "body";
    const text = typeof e.message === "string" && e.message ? e.message : `${String(e.code ?? "invalid")}`;
    out[field] = out[field] ? `${out[field]}; ${text}` : text;
  }
  return Object.keys(out).length ? out : undefined;
}

const isRateLimited = (status: number, headers: Record<string, unknown>, message: string) =>
  status === 429 ||
  (status === 403 && (headers["x-ratelimit-remaining"] === "0" || /secondary rate limit|abuse/i.test(message)));

function fromAnswer(error: RequestError, scope: TCallScope): TProviderFailure {
  const { status } = error;
  const data = asRecord(error.response?.data);
  const headers = (error.response?.headers ?? {}) as Record<string, unknown>;
  const said = typeof data?.message === "string" ? data.message : error.message;
  const text = `GitHub answered ${status}: ${said}`;
  const repo = scope.repo ?? "the repository";
  const installation = /\/app\/installations\/\d+\/access_tokens/.test(error.request?.url ?? "");
  if (isRateLimited(status, headers, said)) {
    const wait = githubRetryAfterMs(headers);
    return {
      ok: false,
      outcome: {
        kind: "retry",
        status,
        error: text,
        response: data,
        ...(wait === undefined ? {} : { retryAfterMs: wait }),
      },
    };
  }
  if (status >= 500 || status === 408)
    return { ok: false, outcome: { kind: "retry", status, error: text, response: data } };
  if (status === 401) {
    return {
      ok: false,
      outcome: { kind: "broken", status, error: `GitHub refused the credentials: ${said}`, response: data },
    };
  }
  if (installation) {
    const error = `GitHub refused an installation token (${status}): ${said}; is the App still installed?`;
    return { ok: false, outcome: { kind: "broken", status, error, response: data } };
  }
  if (status === 403) {
    const error = `GitHub refused: ${said}; the token or App lacks Issues: write on ${repo}`;
    return { ok: false, outcome: { kind: "broken", status, error, response: data } };
  }
  if (status === 404 && scope.whoAmI)
    return { ok: false, outcome: { kind: "broken", status, error: text, response: data } };
  if (status === 404) {
    const error = scope.repo
      ? `GitHub has no repository ${scope.repo} (or no such issue there), or the token cannot see it`
      : text;
    return { ok: false, outcome: { kind: "rejected", status, error, response: data } };
  }
  const fieldErrors = status === 422 ? fieldErrorsOf(data) : undefined;
  const detail = fieldErrors
    ? `${text} (${Object.entries(fieldErrors)
        .map(([f, m]) => `${f}: ${m}`)
        .join("; ")})`
    : text;
  return {
    ok: false,
    outcome: { kind: "rejected", status, error: detail, response: data },
    ...(fieldErrors ? { fieldErrors } : {}),
  };
}

/** Any failure of an Octokit call as an outcome (never throws). */
export function githubFailure(error: unknown, scope: TCallScope): TProviderFailure {
  const failure = classify(error, scope);
  return { ...failure, outcome: { ...failure.outcome, error: scrubSecrets(failure.outcome.error, scope.secrets) } };
}

function classify(error: unknown, scope: TCallScope): TProviderFailure {
  // No answer at all: Octokit wraps the guard's TypeError("fetch failed", {cause: OutboundError}) in a 500.
  const outbound = findOutboundError(error);
  if (outbound) return { ok: false, outcome: outboundFailure("GitHub", outbound) as TProviderFailure["outcome"] };
  if (error instanceof RequestError && error.response) return fromAnswer(error, scope);
  if (error instanceof RequestError) {
    return { ok: false, outcome: { kind: "retry", status: null, error: `No answer from GitHub: ${error.message}` } };
  }
  // Not an HTTP answer: the App's key could not sign a token, or the answer was unreadable.
  const message = error instanceof Error ? error.message : String(error);
  return {
    ok: false,
    outcome: { kind: "broken", status: null, error: `GitHub call failed: ${message}`, response: null },
  };
}

function findOutboundError(error: unknown): OutboundError | null {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    if (e instanceof OutboundError) return e;
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}
