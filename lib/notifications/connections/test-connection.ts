import "server-only";
import { randomUUID } from "node:crypto";
import { appBaseUrl } from "@/lib/alerting/engine/context";
import { isUuid } from "@/lib/alerting/parse-input";
import type { TAuditEntry } from "@/lib/audit/record-audit";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { sendMail, verifySmtp } from "@/lib/server/mail";
import { listSlackChannels, postSlackMessage, testSlackConnection, type TSlackChannel } from "../channels/slack";
import type { TChannelOutcome } from "../channels/outcome";
import { sendToUrlChannel } from "../channels/send-to-url";
import { outcomeOfMail, smtpOf } from "../delivery/send-email";
import { renderNotificationEmail } from "../email/notification-email";
import type { TNotification } from "../message";
import { recordConnectionHealth } from "./health";
import { openConnectionSecret } from "./secrets";
import { usableBy } from "./queries";
import { testTicketSignIn } from "@/lib/tickets/connections/test-sign-in";
import type { TProviderOptions } from "@/lib/tickets/provider-seam";

// "Send test": a real message through the connection, now, and the provider's own answer shown
// as it came (a refusal is the result, not an error of the action). A broken answer marks the
// connection broken, like a real delivery would; a working one clears it.

export type TTestResult = {
  ok: boolean;
  /** What the provider said, in a line. */
  message: string;
  status: number | null;
  response: Record<string, unknown> | null;
};

type TOwner = { teamId: string | null };

async function usableConnection(orgId: string, owner: TOwner, connectionId: string) {
  // An id that is not even a uuid is simply not there (not a database error).
  if (!isUuid(connectionId)) throw new AppError("not_found", "Connection not found.");
  const row = await db.notificationConnection.findFirst({
    where: { id: connectionId, orgId, ...usableBy(owner.teamId) },
    include: { org: { select: { slug: true, name: true } }, team: { select: { slug: true, name: true } } },
  });
  if (!row) throw new AppError("not_found", "Connection not found.");
  return row;
}

function testMessage(row: Awaited<ReturnType<typeof usableConnection>>, actor: TAuditEntry["actor"]): TNotification {
  const page = row.team
    ? `/o/${row.org.slug}/teams/${row.team.slug}/notifications`
    : `/o/${row.org.slug}/settings/integrations`;
  return {
    id: randomUUID(),
    type: "test",
    org: { slug: row.org.slug, name: row.org.name },
    team: row.team ? { slug: row.team.slug, name: row.team.name } : null,
    title: `Test message from Bumpers to “${row.name}”`,
    summary: `${actor.label} sent this test. Messages for the subscriptions that use this connection arrive like this one.`,
    severity: "info",
    link: `${appBaseUrl()}${page}`,
    linkText: "Open notification settings",
    facts: [{ label: "Connection", value: row.name }],
    occurredAt: new Date().toISOString(),
  };
}

const resultOf = (outcome: TChannelOutcome, okText: string): TTestResult =>
  outcome.kind === "accepted"
    ? { ok: true, message: okText, status: outcome.status, response: outcome.response }
    : { ok: false, message: outcome.error, status: outcome.status, response: outcome.response ?? null };

/**
 * Sends a test through a connection the owner may use. Slack: checks the token (auth.test) and,
 * given a channel, posts there; email: checks the server and mails the caller; Jira and GitHub:
 * sign in and say as whom.
 */
export async function testConnection(
  orgId: string,
  actor: TAuditEntry["actor"] & { email?: string },
  owner: TOwner,
  connectionId: string,
  options: { channel?: string } & TProviderOptions = {},
): Promise<TTestResult> {
  const row = await usableConnection(orgId, owner, connectionId);
  const secret = openConnectionSecret(row.id, row.secretCiphertext);
  const message = testMessage(row, actor);
  let outcome: TChannelOutcome;
  let okText = "Delivered.";
  switch (row.kind) {
    case "slack": {
      const auth = await testSlackConnection(secret.botToken ?? "");
      if (auth.kind !== "ok") {
        outcome = auth;
        break;
      }
      await db.notificationConnection.update({
        where: { id: row.id },
        data: { settings: { ...(row.settings as object), workspace: auth.team, botName: auth.botName } },
      });
      okText = `Connected to ${auth.team} as @${auth.botName}.`;
      outcome = options.channel
        ? await postSlackMessage(secret.botToken ?? "", { channel: options.channel, notification: message })
        : { kind: "accepted", status: 200, response: { ok: true, team: auth.team, user: auth.botName } };
      if (options.channel && outcome.kind === "accepted") okText += " The test message is in the channel.";
      break;
    }
    case "jira_cloud":
    case "jira_server":
    case "github": {
      ({ outcome, okText } = await testTicketSignIn({ ...row, kind: row.kind }, options));
      break;
    }
    case "slack_webhook":
    case "teams":
    case "webhook":
      outcome = await sendToUrlChannel(row.kind, secret, message);
      break;
    default: {
      const smtp = smtpOf(row, secret)!;
      const verified = await verifySmtp(smtp);
      if (!verified.ok) {
        const f = verified.failure;
        outcome = {
          kind: f.kind === "retry" ? "retry" : f.kind,
          status: 0,
          error: f.message,
          response: null,
        } as TChannelOutcome;
        break;
      }
      const to = actor.email ?? actor.label;
      const mail = renderNotificationEmail({
        ...message,
        severity: "none",
        orgName: message.org.name,
        teamName: message.team?.name,
      });
      outcome = outcomeOfMail(await sendMail({ to, ...mail, smtp }));
      okText = `The server accepted a test mail to ${to}.`;
    }
  }
  await recordConnectionHealth(row.id, outcome);
  if (outcome.kind === "accepted" && row.status === "broken") {
    await db.notificationConnection.update({
      where: { id: row.id },
      data: { status: "ok", brokenReason: null, brokenAt: null },
    });
  }
  return resultOf(outcome, okText);
}

/** The Slack channels a Slack connection can post to, for the subscription form's picker. */
export async function slackChannelsOf(
  orgId: string,
  owner: TOwner,
  connectionId: string,
): Promise<{ channels: TSlackChannel[]; truncated: boolean }> {
  const row = await usableConnection(orgId, owner, connectionId);
  if (row.kind !== "slack") throw new AppError("bad_request", "Only a Slack app connection lists channels.");
  const listed = await listSlackChannels(openConnectionSecret(row.id, row.secretCiphertext).botToken ?? "");
  if (listed.kind !== "ok") throw new AppError("bad_request", `Slack answered: ${listed.error}`);
  return { channels: listed.channels, truncated: listed.truncated };
}
