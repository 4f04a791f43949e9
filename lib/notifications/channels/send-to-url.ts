import "server-only";
import type { TConnectionSecret } from "../connections/secrets";
import type { TNotification } from "../message";
import type { TChannelOutcome } from "./outcome";
import { sendSlackWebhook } from "./slack-webhook";
import { sendTeamsMessage } from "./teams";
import { sendWebhook } from "./webhook";

/** The channels that post a notification to the URL kept in the connection's secret. */
export type TUrlChannel = "slack_webhook" | "teams" | "webhook";

// One place for the per-channel call, so a delivery and "Send test" post the same message the same way.
export function sendToUrlChannel(
  channel: TUrlChannel,
  secret: TConnectionSecret,
  message: TNotification,
): Promise<TChannelOutcome> {
  switch (channel) {
    case "slack_webhook":
      return sendSlackWebhook(secret.url ?? "", message);
    case "teams":
      return sendTeamsMessage(secret.url ?? "", message);
    case "webhook":
      return sendWebhook(secret.url ?? "", secret.signingSecret ?? "", message);
  }
}
