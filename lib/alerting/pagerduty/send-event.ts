import "server-only";
import { env } from "@/lib/server/env";
import type { TEventBody } from "../engine/payload";

// One POST to the Events API v2, classified for the outbox: PagerDuty answers 202 when it took
// the event, 400 when the event is invalid (retrying cannot help), 429 when the key is
// throttled; 5xx, timeouts and connection errors are worth retrying too.

export type TSendOutcome =
  | { kind: "accepted"; status: number; response: Record<string, unknown> }
  | { kind: "rejected"; status: number; response: Record<string, unknown>; error: string }
  | { kind: "retry"; status: number | null; response: Record<string, unknown> | null; error: string };

export const SEND_TIMEOUT_MS = 10_000;

export function enqueueUrl(base = env().PAGERDUTY_EVENTS_URL): string {
  return `${base.replace(/\/+$/, "")}/v2/enqueue`;
}

async function readJson(res: Response): Promise<Record<string, unknown>> {
  const text = await res.text();
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : { body: text.slice(0, 2000) };
  } catch {
    return { body: text.slice(0, 2000) };
  }
}

function describe(response: Record<string, unknown>): string {
  const errors = Array.isArray(response.errors) ? response.errors.map(String).join("; ") : "";
  const message = typeof response.message === "string" ? response.message : "";
  return [message, errors].filter(Boolean).join(": ") || "PagerDuty refused the event.";
}

export async function sendEvent(
  routingKey: string,
  body: TEventBody,
  options: { url?: string; timeoutMs?: number } = {},
): Promise<TSendOutcome> {
  let res: Response;
  try {
    res = await fetch(options.url ?? enqueueUrl(), {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ routing_key: routingKey, ...body }),
      signal: AbortSignal.timeout(options.timeoutMs ?? SEND_TIMEOUT_MS),
    });
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    const what = e.name === "TimeoutError" ? "timed out" : (e.cause?.code ?? e.message);
    return { kind: "retry", status: null, response: null, error: `No answer from PagerDuty (${what}).` };
  }
  const response = await readJson(res).catch(() => ({}));
  if (res.status === 202 || (res.status >= 200 && res.status < 300)) {
    return { kind: "accepted", status: res.status, response };
  }
  if (res.status === 429 || res.status >= 500 || res.status === 408) {
    return {
      kind: "retry",
      status: res.status,
      response,
      error: `PagerDuty answered ${res.status}: ${describe(response)}`,
    };
  }
  return { kind: "rejected", status: res.status, response, error: describe(response) };
}
