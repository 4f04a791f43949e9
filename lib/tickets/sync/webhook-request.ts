import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { pool } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { readCapped } from "@/lib/server/read-capped";
import { inTransaction } from "@/lib/server/sql";
import { openTicketSecret } from "../connection-secret";
import type { TWebhookParse, TWebhookRequest } from "../provider";
import { parseWebhook } from "../providers";
import { connectJwtProblem } from "./connect-jwt";
import { applyInboundEvents, logRefusedDelivery, type TInboundConnection } from "./inbound";

// What the webhook routes do (/api/v1/webhooks/jira/[connection]/[secret], the Connect-style
// /api/v1/webhooks/jira/[connection] with a JWT, and /api/v1/webhooks/github/[connection]): find
// the connection, check the secret (Jira: in the path, or the JWT signed with it; GitHub: the
// body's signature, checked by its parser), read the body with a cap, parse, and apply
// the events once per delivery id. No call to the provider happens here: the answer is quick
// and the provider's retries stay rare.

/** The largest delivery accepted (Jira's issue payloads are a few tens of KB). */
export const MAX_WEBHOOK_BYTES = 1_000_000;

export type TWebhookKind = "jira" | "github";
export type TWebhookParser = (
  kind: TWebhookKind,
  request: TWebhookRequest,
  webhookSecret: string,
) => Promise<TWebhookParse>;

export type TWebhookOptions = {
  /** Jira: the `[secret]` path segment of the URL; without one, the request's Connect JWT is checked. */
  pathSecret?: string;
  /** Tests inject events; the routes use the providers' parsers. */
  parse?: TWebhookParser;
};

type TConnectionRow = TInboundConnection & { kind: string; sealed: string };

const noSuchWebhook = () => new AppError("not_found", "No such webhook.");
const refused = () => new AppError("unauthorized", "The webhook's secret or signature does not match.");

async function connectionOf(kind: TWebhookKind, connectionId: string): Promise<TConnectionRow> {
  if (!z.uuid().safeParse(connectionId).success) throw noSuchWebhook();
  const { rows } = await pool.query<TConnectionRow>(
    `SELECT id, org_id AS "orgId", kind::text AS kind, secret_ciphertext AS sealed,
            NULLIF(settings->'identity'->>'id', '') AS "identityId"
       FROM notification_connections WHERE id = $1`,
    [connectionId],
  );
  const row = rows[0];
  const matches = row && (kind === "github" ? row.kind === "github" : row.kind.startsWith("jira_"));
  if (!matches) throw noSuchWebhook();
  return row;
}

/** Constant time whatever the lengths: both sides are hashed to 32 bytes first. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (v: string) => createHash("sha256").update(v, "utf8").digest();
  return expected.length > 0 && timingSafeEqual(digest(given), digest(expected));
}

async function refuse(connection: TInboundConnection, reason: string): Promise<never> {
  await logRefusedDelivery(pool, connection, reason);
  throw refused();
}

/**
 * Verifies a delivery and applies it. Answers 200 `{ applied }` (or `{ duplicate: true }` for a
 * delivery already applied), 202 for deliveries Bumpers does not follow; throws AppError for an
 * unknown connection (404), a bad secret or signature (401, logged on the connection), a body
 * over the cap (413) or one the parser cannot read (400).
 */
export async function applyWebhook(
  kind: TWebhookKind,
  connectionId: string,
  request: Request,
  options: TWebhookOptions = {},
): Promise<Response> {
  const connection = await connectionOf(kind, connectionId);
  const { webhookSecret } = openTicketSecret(connection.id, connection.sealed);
  if (kind === "jira" && options.pathSecret !== undefined && !sameSecret(options.pathSecret, webhookSecret)) {
    await refuse(connection, "the secret in the URL does not match");
  }
  if (kind === "jira" && options.pathSecret === undefined) {
    const problem = await connectJwtProblem(request, webhookSecret);
    if (problem) await refuse(connection, problem);
  }
  const body = await readCapped(request, MAX_WEBHOOK_BYTES, {
    tooLarge: () => new AppError("payload_too_large", "The delivery is larger than 1 MB."),
    cutOff: (err) => new AppError("bad_request", `The request body was cut off: ${err.message}`),
  });
  const parse = options.parse ?? parseWebhook;
  const parsed = await parse(kind, { headers: request.headers, rawBody: body.toString("utf8") }, webhookSecret);
  switch (parsed.kind) {
    case "unauthorized":
      return refuse(connection, parsed.reason);
    case "invalid":
      throw new AppError("bad_request", `The delivery cannot be read: ${parsed.reason}`);
    case "ignored":
      return Response.json({ ignored: true, reason: parsed.reason }, { status: 202 });
    case "events": {
      const result = await inTransaction(pool, (client) =>
        applyInboundEvents(client, connection, parsed.deliveryId, parsed.events),
      );
      return Response.json(result, { status: 200 });
    }
  }
}
