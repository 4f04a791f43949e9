import "server-only";
import type { TClaimedEvent } from "@/lib/alerting/delivery/deliver";
import { postSlackRendered } from "../channels/slack";
import type { TChannelOutcome } from "../channels/outcome";
import { sendSlackWebhookRendered } from "../channels/slack-webhook";
import { sendTeamsCard } from "../channels/teams";
import { sendWebhookPayload } from "../channels/webhook";
import type { TConnectionSecret } from "../connections/secrets";
import { digestEmailProps } from "../digests/email-props";
import { renderDigestSlack, renderDigestTeams, renderDigestWebhook } from "../digests/render";
import type { TDigestPayload } from "../digests/types";
import { renderDigestEmail } from "../email/digest-email";
import { sendToAddresses } from "./send-email";
import type { TConnectionRow } from "./connection-row";

/** A digest row of the outbox, rendered for its channel (digests never thread). */
export function sendDigest(
  event: TClaimedEvent,
  connection: TConnectionRow | null,
  secret: TConnectionSecret,
  payload: TDigestPayload,
): Promise<TChannelOutcome> {
  const d = payload.digest;
  switch (event.channel) {
    case "slack":
      return postSlackRendered(secret.botToken ?? "", {
        channel: event.target ?? "",
        id: payload.id,
        rendered: renderDigestSlack(d),
      });
    case "slack_webhook":
      return sendSlackWebhookRendered(secret.url ?? "", renderDigestSlack(d));
    case "teams":
      return sendTeamsCard(secret.url ?? "", renderDigestTeams(d));
    case "webhook":
      return sendWebhookPayload(secret.url ?? "", secret.signingSecret ?? "", payload.id, renderDigestWebhook(d));
    default:
      return sendToAddresses(event, connection, secret, (unsubscribe) =>
        renderDigestEmail(digestEmailProps(d, unsubscribe)),
      );
  }
}
