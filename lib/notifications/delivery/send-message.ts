import "server-only";
import type { TClaimedEvent } from "@/lib/alerting/delivery/deliver";
import { pool } from "@/lib/server/db";
import { postSlackMessage, updateSlackMessage } from "../channels/slack";
import type { TChannelOutcome } from "../channels/outcome";
import { sendToUrlChannel } from "../channels/send-to-url";
import { recordConnectionHealth } from "../connections/health";
import { openConnectionSecret, type TConnectionSecret } from "../connections/secrets";
import { ZNotification, type TNotification } from "../message";
import { tellAdminsConnectionBroke } from "./broken-notice";
import type { TDigestPayload } from "../digests/types";
import { sendDigest } from "./send-digest";
import { connectionRowOf, type TConnectionRow } from "./connection-row";
import { sendEmailMessage } from "./send-email";

// The outbox worker's sender for message rows (lib/alerting/delivery/deliver.ts calls it through
// the worker's composition): opens the connection's secret, renders the message for its channel,
// sends, and keeps the connection's health. Digests are rendered by lib/notifications/digests.

/**
 * The first delivered message of this thread in this channel (its ts): replies go under it. The
 * outbox delivers a group's messages to one subscription in order, so it is there before them.
 */
async function threadParent(event: TClaimedEvent): Promise<string | null> {
  if (!event.threadKey) return null;
  const { rows } = await pool.query<{ provider_ref: string }>(
    `SELECT provider_ref FROM alert_events
      WHERE destination_id = $1::uuid AND thread_key = $2 AND provider_ref IS NOT NULL AND target = $3
        AND id < $4::bigint
      ORDER BY id LIMIT 1`,
    [event.destinationId, event.threadKey, event.target ?? "", event.id],
  );
  return rows[0]?.provider_ref ?? null;
}

async function sendToSlack(event: TClaimedEvent, token: string, message: TNotification): Promise<TChannelOutcome> {
  const channel = event.target ?? "";
  const parent = await threadParent(event);
  const outcome = await postSlackMessage(token, { channel, notification: message, threadTs: parent ?? undefined });
  // The parent shows the group as it stands now (more affected, or fixed): best effort.
  if (parent && outcome.kind === "accepted") {
    await updateSlackMessage(token, { channel, ts: parent, notification: message }).catch(() => undefined);
  }
  // A reply's ts is not a thread's parent: only the first message is remembered as one.
  return parent && outcome.kind === "accepted" ? { ...outcome, providerRef: undefined } : outcome;
}

const rejected = (error: string): TChannelOutcome => ({ kind: "rejected", status: 0, error, response: null });

export async function sendMessage(event: TClaimedEvent): Promise<TChannelOutcome> {
  const body = event.payload as Record<string, unknown>;
  const digest = body.type === "digest" ? (body as unknown as TDigestPayload) : null;
  const parsed = digest ? null : ZNotification.safeParse(event.payload);
  if (parsed && !parsed.success) {
    const issue = parsed.error.issues[0];
    return rejected(`Not a valid message (${issue?.path.join(".")}: ${issue?.message}).`);
  }
  const connection = event.connectionId ? await connectionRowOf(event.orgId, event.connectionId) : null;
  if (event.connectionId && !connection) return rejected("The connection was deleted.");
  // A broken connection is not tried again until an admin replaces its secret (or a test works).
  if (connection?.status === "broken") {
    return {
      kind: "broken",
      status: null,
      error: `The connection is broken (${connection.broken_reason ?? "refused"}); fix it in the notification settings.`,
      response: null,
    };
  }
  let secret: TConnectionSecret = {};
  if (connection) {
    try {
      secret = openConnectionSecret(connection.id, connection.secret_ciphertext);
    } catch (err) {
      return rejected(`The connection's secret does not open: ${(err as Error).message}`);
    }
  }
  const outcome = digest
    ? await sendDigest(event, connection, secret, digest)
    : await sendNotification(event, connection, secret, parsed!.data!);
  if (connection && (await recordConnectionHealth(connection.id, outcome))) {
    await tellAdminsConnectionBroke(connection, outcome).catch(() => undefined);
  }
  return outcome;
}

async function sendNotification(
  event: TClaimedEvent,
  connection: TConnectionRow | null,
  secret: TConnectionSecret,
  message: TNotification,
): Promise<TChannelOutcome> {
  let outcome: TChannelOutcome;
  switch (event.channel) {
    case "slack":
      outcome = await sendToSlack(event, secret.botToken ?? "", message);
      break;
    case "slack_webhook":
    case "teams":
    case "webhook":
      outcome = await sendToUrlChannel(event.channel, secret, message);
      break;
    case "email":
      outcome = await sendEmailMessage(event, connection, secret, message);
      break;
    default:
      outcome = rejected(`No sender for ${event.channel}.`);
  }
  return outcome;
}
