import { NOTIFICATION_EVENT_CATALOG } from "@/lib/domain/notification-events";

/** How the delivery log names each outbox channel. */
export const CHANNEL_LABELS = {
  pagerduty: "PagerDuty",
  slack: "Slack",
  slack_webhook: "Slack webhook",
  teams: "Microsoft Teams",
  email: "Email",
  webhook: "Webhook",
} as const;

const EVENT_LABELS = new Map<string, string>(NOTIFICATION_EVENT_CATALOG.map((e) => [e.type, e.label]));

/** A message's type as people read it ("New findings", "Weekly digest"), from its payload. */
export function messageLabel(payload: Record<string, unknown>): string {
  const type = typeof payload.type === "string" ? payload.type : "";
  if (type === "digest") {
    const digest = payload.digest as { period?: { kind?: string } } | undefined;
    return digest?.period?.kind === "daily" ? "Daily digest" : "Digest";
  }
  if (type === "test") return "Test message";
  return EVENT_LABELS.get(type) ?? type;
}
