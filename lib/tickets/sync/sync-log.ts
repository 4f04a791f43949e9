import "server-only";
import { sqlOf, type TSqlClient } from "@/lib/alerting/engine/sql";
import type { TDeliveryOutcome } from "@/lib/alerting/delivery/outcome";
import { recordConnectionHealth } from "@/lib/notifications/connections/health";
import { tellAdminsConnectionBroke } from "@/lib/notifications/delivery/broken-notice";
import type { TConnectionRow } from "@/lib/notifications/delivery/connection-row";
import type { TProviderResult } from "../provider";
import type { TTicketSecret } from "../schemas";

// Every call to a provider and every webhook from it, with the answer: the ticket's and the
// connection's sync log. What is stored is the provider's answer with anything secret taken out
// (a provider never echoes a token on purpose; an error page quoting a header could).

export type TSyncLogEntry = {
  orgId: string;
  ticketId: string | null;
  connectionId: string | null;
  direction: "out" | "in";
  /** create, comment, transition, link, test; or the webhook's event. */
  action: string;
  ok: boolean;
  status: number | null;
  summary: string;
  detail?: Record<string, unknown> | null;
};

const SECRET_KEY = /authorization|token|password|private_?key|secret|cookie/i;
const REDACTED = "[redacted]";

/** The strings of a secret worth hiding (short values like "token" would redact innocent text). */
function secretStrings(secret: TTicketSecret | null | undefined): string[] {
  if (!secret) return [];
  return Object.entries(secret)
    .filter(([key, value]) => typeof value === "string" && value.length >= 8 && key !== "kind" && key !== "auth")
    .filter(([key]) => !/url$/i.test(key) && key !== "email")
    .map(([, value]) => value as string);
}

/** The text with the connection's secret values taken out. */
export function redactText(text: string, secret?: TTicketSecret | null): string {
  return secretStrings(secret).reduce((s, h) => s.split(h).join(REDACTED), text);
}

/** The detail without secret-looking keys and without any of the connection's secret values. */
export function redactDetail(value: unknown, secret?: TTicketSecret | null): Record<string, unknown> | null {
  if (value == null) return null;
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return redactText(v, secret);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") {
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, SECRET_KEY.test(k) ? REDACTED : walk(x)]),
      );
    }
    return v;
  };
  const out = walk(value);
  return out && typeof out === "object" && !Array.isArray(out) ? (out as Record<string, unknown>) : { value: out };
}

export async function writeSyncLog(client: TSqlClient, entry: TSyncLogEntry): Promise<void> {
  await sqlOf(client).query(
    `INSERT INTO ticket_sync_log (org_id, ticket_id, connection_id, direction, action, ok, status, summary, detail)
     VALUES ($1::uuid, $2::uuid, $3::uuid, $4, $5, $6, $7, $8, $9::jsonb)`,
    [
      entry.orgId,
      entry.ticketId,
      entry.connectionId,
      entry.direction,
      entry.action,
      entry.ok,
      entry.status,
      entry.summary.slice(0, 1000),
      entry.detail ? JSON.stringify(entry.detail) : null,
    ],
  );
}

/** A provider's answer as the delivery loop records it. */
export function outcomeOf<T>(result: TProviderResult<T>, providerRef?: string): TDeliveryOutcome {
  return result.ok
    ? { kind: "accepted", status: result.status, response: result.response, providerRef }
    : result.outcome;
}

/** The log entry's outcome part for a provider's answer (`summary` says what was done when it worked). */
export function logOfResult<T>(
  result: TProviderResult<T>,
  done: string,
  secret?: TTicketSecret | null,
): Pick<TSyncLogEntry, "ok" | "status" | "summary" | "detail"> {
  if (result.ok)
    return { ok: true, status: result.status, summary: done, detail: redactDetail(result.response, secret) };
  const { outcome } = result;
  return {
    ok: false,
    status: outcome.status,
    summary: redactText(`${outcome.kind === "retry" ? "Will retry: " : ""}${outcome.error}`, secret),
    detail: redactDetail(
      {
        ...(outcome.response ? { response: outcome.response } : {}),
        ...(result.fieldErrors ? { fieldErrors: result.fieldErrors } : {}),
        outcome: outcome.kind,
      },
      secret,
    ),
  };
}

/**
 * Logs a provider's answer on the ticket's and connection's sync log and keeps the connection's
 * health: an answer that breaks it tells its admins once (as message deliveries do).
 */
export async function recordProviderAnswer<T>(
  client: TSqlClient,
  input: {
    orgId: string;
    ticketId: string | null;
    connection: TConnectionRow;
    action: string;
    result: TProviderResult<T>;
    /** What the log says when it worked. */
    done: string;
    secret?: TTicketSecret | null;
  },
): Promise<void> {
  await writeSyncLog(client, {
    orgId: input.orgId,
    ticketId: input.ticketId,
    connectionId: input.connection.id,
    direction: "out",
    action: input.action,
    ...logOfResult(input.result, input.done, input.secret),
  });
  const outcome = outcomeOf(input.result);
  if (await recordConnectionHealth(input.connection.id, outcome)) {
    await tellAdminsConnectionBroke(input.connection, outcome).catch(() => undefined);
  }
}
