import type { TNotification } from "../message";

// A notification as a webhook body, in the Standard Webhooks payload convention: the event type,
// when it happened, and the event itself under `data` (camelCase, like the rest of Bumpers' API).
// docs/notifications.md#webhook-event-schema documents it with an example per type.

export type TWebhookPayload = {
  type: TNotification["type"];
  timestamp: string;
  data: Omit<TNotification, "type">;
};

export function renderWebhookPayload(notification: TNotification): TWebhookPayload {
  const { type, ...data } = notification;
  return { type, timestamp: notification.occurredAt, data };
}
