import "server-only";
import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";
import type { TNotification } from "../message";
import { deliverJson, type TJsonChannel, type TSendOptions } from "./deliver-json";
import type { TChannelOutcome } from "./outcome";
import { renderWebhookPayload } from "./webhook-payload";

// A generic webhook, signed the Standard Webhooks way (https://www.standardwebhooks.com/):
// `webhook-id` (the notification's id, the same on every retry, so receivers can drop duplicates),
// `webhook-timestamp` (this attempt, in seconds) and `webhook-signature` ("v1," and the base64
// HMAC-SHA256 of "id.timestamp.body" under the secret). Any 2xx accepted; 410 means the receiver
// is gone for good (broken); other 4xx reject this message; 429 and 5xx retry, after Retry-After.

const WEBHOOK: TJsonChannel = { provider: "The webhook receiver", brokenStatuses: new Set([410]) };

export const WEBHOOK_SECRET_PREFIX = "whsec_";

/** A new signing secret: "whsec_" and the base64 of 24 random bytes, as Standard Webhooks suggests. */
export function generateWebhookSecret(): string {
  return `${WEBHOOK_SECRET_PREFIX}${randomBytes(24).toString("base64")}`;
}

/** The three signature headers for one attempt to deliver `body`. */
export function signWebhook(secret: string, id: string, body: string, at = new Date()): Record<string, string> {
  return {
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(id, at, body),
  };
}

export function sendWebhook(
  url: string,
  secret: string,
  notification: TNotification,
  options: TSendOptions = {},
): Promise<TChannelOutcome> {
  return sendWebhookPayload(url, secret, notification.id, renderWebhookPayload(notification), options);
}

/** Signs and posts any payload (a digest's) under the message id `id` (the webhook-id header). */
export function sendWebhookPayload(
  url: string,
  secret: string,
  id: string,
  payload: unknown,
  options: TSendOptions = {},
): Promise<TChannelOutcome> {
  const headers = signWebhook(secret, id, JSON.stringify(payload));
  return deliverJson(WEBHOOK, url, payload, { ...options, headers, secrets: [secret] });
}
