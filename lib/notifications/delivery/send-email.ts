import "server-only";
import type { TClaimedEvent } from "@/lib/alerting/delivery/deliver";
import type { TSeverityLevel } from "@/lib/domain/severity";
import type { TRenderedEmail } from "@/lib/server/email/render-email";
import { sendMail, type TMailResult, type TSmtpSettings } from "@/lib/server/mail";
import type { TChannelOutcome } from "../channels/outcome";
import type { TConnectionSecret } from "../connections/secrets";
import { renderNotificationEmail } from "../email/notification-email";
import type { TNotification } from "../message";
import { emailAddressesOf } from "../schemas";
import { unsubscribeLinks } from "../unsubscribe";
import type { TConnectionRow } from "./connection-row";

// Email goes through the org's own SMTP server when the subscription names one, else the
// install's transport (BUMPERS_MAIL_TRANSPORT). One mail per address, each with its own signed
// one-click unsubscribe link; a retry after a partial failure may send some addresses twice
// (at-least-once, like every channel).

const SEVERITY: Record<NonNullable<TNotification["severity"]>, TSeverityLevel> = {
  critical: "critical",
  high: "high",
  medium: "medium",
  low: "low",
  info: "none",
};

/** An org's SMTP connection as the transport wants it. */
export function smtpOf(
  connection: { kind: string; settings: unknown } | null,
  secret: TConnectionSecret,
): TSmtpSettings | undefined {
  if (!connection || connection.kind !== "email") return undefined;
  const s = connection.settings as { host?: string; port?: number; security?: string; user?: string; from?: string };
  return {
    host: s.host ?? "",
    port: s.port ?? 587,
    secure: s.security === "tls",
    startTls: s.security === "tls" ? "off" : "require",
    ...(s.user ? { user: s.user, password: secret.password ?? "" } : {}),
    ...(s.from ? { from: s.from } : {}),
  };
}

/** What one mail came to, as every channel says it. */
export function outcomeOfMail(result: TMailResult): TChannelOutcome {
  if (result.transport !== "smtp") {
    return { kind: "accepted", status: 250, response: { transport: result.transport, sent: result.sent } };
  }
  if (result.sent) {
    return {
      kind: "accepted",
      status: 250,
      response: {
        messageId: result.messageId,
        accepted: result.accepted,
        rejected: result.rejected,
        response: result.response,
      },
      providerRef: result.messageId,
    };
  }
  const { failure } = result;
  const response = { code: failure.code, response: failure.response };
  if (failure.kind === "retry") return { kind: "retry", status: null, error: failure.message, response };
  return { kind: failure.kind, status: 0, error: failure.message, response };
}

/** Sends one rendered mail per address of the row's target; stops at the first failure. */
export async function sendToAddresses(
  event: TClaimedEvent,
  connection: TConnectionRow | null,
  secret: TConnectionSecret,
  render: (unsubscribe: { page: string; oneClick: string }) => TRenderedEmail,
): Promise<TChannelOutcome> {
  const addresses = emailAddressesOf(event.target ?? "");
  if (!addresses.length) return { kind: "rejected", status: 0, error: "No address to send to.", response: null };
  const smtp = smtpOf(connection, secret);
  const answers: Record<string, unknown>[] = [];
  for (const address of addresses) {
    const mail = render(unsubscribeLinks({ subscriptionId: event.destinationId, kind: "email", address }));
    const outcome = outcomeOfMail(await sendMail({ to: address, ...mail, ...(smtp ? { smtp } : {}) }));
    if (outcome.kind !== "accepted") return outcome;
    answers.push({ to: address, ...outcome.response });
  }
  return { kind: "accepted", status: 250, response: { mails: answers } };
}

export function sendEmailMessage(
  event: TClaimedEvent,
  connection: TConnectionRow | null,
  secret: TConnectionSecret,
  message: TNotification,
): Promise<TChannelOutcome> {
  return sendToAddresses(event, connection, secret, (unsubscribe) =>
    renderNotificationEmail({
      title: message.title,
      summary: message.summary,
      severity: SEVERITY[message.severity ?? "info"],
      facts: message.facts,
      sample: message.sample,
      moreCount: message.moreCount,
      link: message.link,
      linkText: message.linkText,
      orgName: message.org.name,
      teamName: message.team?.name,
      unsubscribeUrl: unsubscribe.page,
      oneClickUnsubscribeUrl: unsubscribe.oneClick,
    }),
  );
}
