import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import { db, type Tx } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { TAuditEntry } from "@/lib/audit/record-audit";
import { auditNotificationChange } from "../audit";
import { ownedRowOrNotFound } from "../owned-row";
import { parseInput } from "@/lib/alerting/parse-input";
import { ZConnectionUpdate, ZNewConnection, type TConnectionUpdate, type TNewConnection } from "../schemas";
import { getConnection, type TConnectionView } from "./queries";
import { hintOfToken, hintOfUrl, openConnectionSecret, sealConnectionSecret, type TConnectionSecret } from "./secrets";
import { generateWebhookSecret as newSigningSecret } from "../channels/webhook";
import { appBaseUrl } from "@/lib/alerting/engine/context";
import { openTicketSecret, sealTicketSecret } from "@/lib/tickets/connection-secret";
import {
  mergedCredentials,
  newWebhookSecret,
  signInTicketConnection,
  ticketCredentialsOf,
  type TTicketConnectionParts,
} from "@/lib/tickets/connections/credentials";
import { webhookSetupOf, type TWebhookSetup } from "@/lib/tickets/connections/webhook-setup";
import type { TProviderOptions } from "@/lib/tickets/provider-seam";
import { isTicketConnectionKind, type TTicketConnectionKind } from "@/lib/tickets/schemas";

// Connections are owned by the org (teamId null: org admins) or by one team (its team admins).
// Every verb takes the owner and finds the row under it, so a team admin never reaches the
// org's connections or another team's.

type TActor = TAuditEntry["actor"];
type TOwner = { teamId: string | null };

/**
 * A webhook connection's signing secret is shown once, when it is made or rotated; so is where a
 * ticket connection's provider sends its webhooks (the URL or signature carries its secret).
 */
export type TConnectionSaved = { connection: TConnectionView; signingSecret?: string; webhook?: TWebhookSetup };

/** Ticket connections sign in before they are saved (tests hand in a provider); the app's URL for webhooks. */
export type TConnectionWriteOptions = TProviderOptions & { baseUrl?: string };

function duplicateName(err: unknown, name: string): unknown {
  if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
    return new AppError("conflict", `A connection named "${name}" already exists.`, { field: "name" });
  }
  return err;
}

function secretParts(input: {
  kind: string;
  botToken?: string;
  url?: string;
  password?: string;
  smtp?: Record<string, unknown>;
}): { secret: TConnectionSecret; hint: string; settings: Record<string, unknown> } {
  if (input.kind === "slack")
    return { secret: { botToken: input.botToken }, hint: hintOfToken(input.botToken!), settings: {} };
  if (input.kind === "email") {
    const smtp = input.smtp ?? {};
    return {
      secret: { password: input.password ?? "" },
      hint: input.password ? "password set" : "no password",
      settings: { ...smtp },
    };
  }
  return { secret: { url: input.url }, hint: hintOfUrl(input.url!), settings: { host: new URL(input.url!).host } };
}

async function assertTeamOfOrg(tx: Tx, orgId: string, teamId: string | null): Promise<void> {
  if (!teamId) return;
  const team = await tx.team.findFirst({ where: { id: teamId, orgId }, select: { id: true } });
  if (!team) throw new AppError("bad_request", "Choose a team of this organization.", { field: "teamId" });
}

export async function createConnection(
  orgId: string,
  actor: TActor,
  owner: TOwner,
  input: TNewConnection,
  options: TConnectionWriteOptions = {},
): Promise<TConnectionSaved> {
  const parsed = parseInput(ZNewConnection, { ...input, teamId: owner.teamId });
  const id = randomUUID();
  // A ticket connection signs in first (outside the transaction: it is a call to the provider).
  const ticket: TTicketConnectionParts | null = isTicketConnectionKind(parsed.kind)
    ? await signInTicketConnection(ticketCredentialsOf(parsed.kind, parsed, newWebhookSecret()), options)
    : null;
  const { secret, hint, settings } = ticket ? { ...ticket, secret: {} } : secretParts(parsed);
  const signingSecret = parsed.kind === "webhook" ? newSigningSecret() : undefined;
  if (signingSecret) secret.signingSecret = signingSecret;
  try {
    await db.$transaction(async (tx) => {
      await assertTeamOfOrg(tx, orgId, owner.teamId);
      await tx.notificationConnection.create({
        data: {
          id,
          orgId,
          teamId: owner.teamId,
          kind: parsed.kind,
          name: parsed.name,
          secretCiphertext: ticket ? sealTicketSecret(id, ticket.secret) : sealConnectionSecret(id, secret),
          secretHint: hint,
          settings: settings as Prisma.InputJsonValue,
        },
      });
      await auditNotificationChange(tx, { orgId, actor }, "notification_connection.created", {
        id,
        label: parsed.name,
        after: { name: parsed.name, kind: parsed.kind, teamId: owner.teamId, secret: hint },
      });
    });
  } catch (err) {
    throw duplicateName(err, parsed.name);
  }
  const connection = await getConnection(orgId, id);
  if (ticket) return { connection, webhook: ticketWebhook(connection, ticket.secret.webhookSecret, options) };
  return { connection, ...(signingSecret ? { signingSecret } : {}) };
}

const ticketWebhook = (c: TConnectionView, webhookSecret: string, options: TConnectionWriteOptions) =>
  webhookSetupOf(c.kind as TTicketConnectionKind, options.baseUrl ?? appBaseUrl(), c.id, webhookSecret);

/** New credentials of a ticket connection, signed in with (null: the update leaves them alone). */
async function ticketReplacement(
  orgId: string,
  owner: TOwner,
  connectionId: string,
  update: Record<string, string | undefined>,
  options: TProviderOptions,
): Promise<TTicketConnectionParts | null> {
  if (!Object.values(update).some(Boolean)) return null;
  const row = await ownedRow(db, orgId, owner, connectionId);
  if (!isTicketConnectionKind(row.kind)) return null;
  const merged = mergedCredentials(openTicketSecret(row.id, row.secretCiphertext), update);
  return merged ? signInTicketConnection(merged, options) : null;
}

function ownedRow(tx: Tx | typeof db, orgId: string, owner: TOwner, connectionId: string) {
  return ownedRowOrNotFound(connectionId, "Connection", () =>
    tx.notificationConnection.findFirst({ where: { id: connectionId, orgId, teamId: owner.teamId } }),
  );
}

/**
 * Renames, or replaces the secret (a new token, URL or SMTP settings). A new secret clears the
 * broken state: the admin has acted on it, and the next delivery says whether it works.
 */
export async function updateConnection(
  orgId: string,
  actor: TActor,
  owner: TOwner,
  connectionId: string,
  input: TConnectionUpdate,
  options: TProviderOptions = {},
): Promise<TConnectionView> {
  const { name, botToken, url, smtp, password, ...credentials } = parseInput(ZConnectionUpdate, input);
  const parsed = { name, botToken, url, smtp, password };
  const ticket = await ticketReplacement(orgId, owner, connectionId, credentials, options);
  try {
    await db.$transaction(async (tx) => {
      const row = await ownedRow(tx, orgId, owner, connectionId);
      const data: Prisma.NotificationConnectionUpdateInput = {};
      if (parsed.name) data.name = parsed.name;
      const replaces =
        (row.kind === "slack" && parsed.botToken) ||
        (["slack_webhook", "teams", "webhook"].includes(row.kind) && parsed.url) ||
        (row.kind === "email" && (parsed.smtp || parsed.password !== undefined)) ||
        ticket;
      if (ticket) {
        Object.assign(data, {
          secretCiphertext: sealTicketSecret(row.id, ticket.secret),
          secretHint: ticket.hint,
          settings: ticket.settings as Prisma.InputJsonValue,
          status: "ok",
          brokenReason: null,
          brokenAt: null,
        });
      } else if (replaces) {
        const current = openConnectionSecret(row.id, row.secretCiphertext);
        const next = secretParts({
          kind: row.kind,
          botToken: parsed.botToken,
          url: parsed.url,
          smtp: parsed.smtp ?? (row.settings as Record<string, unknown>),
          password: parsed.password ?? current.password,
        });
        // A webhook keeps its signing secret when its URL moves (rotate it on its own).
        const secret = { ...next.secret, ...(current.signingSecret ? { signingSecret: current.signingSecret } : {}) };
        Object.assign(data, {
          secretCiphertext: sealConnectionSecret(row.id, secret),
          secretHint: next.hint,
          settings: { ...(row.settings as Record<string, unknown>), ...next.settings } as Prisma.InputJsonValue,
          status: "ok",
          brokenReason: null,
          brokenAt: null,
        });
      }
      if (!Object.keys(data).length) return;
      await tx.notificationConnection.update({ where: { id: row.id }, data });
      await auditNotificationChange(
        tx,
        { orgId, actor },
        replaces ? "notification_connection.secret_replaced" : "notification_connection.renamed",
        {
          id: row.id,
          label: parsed.name ?? row.name,
          before: { name: row.name, secret: row.secretHint },
          after: { name: parsed.name ?? row.name, secret: (data.secretHint as string | undefined) ?? row.secretHint },
        },
      );
    });
  } catch (err) {
    throw duplicateName(err, parsed.name ?? "");
  }
  return getConnection(orgId, connectionId);
}

/**
 * A new signing secret for a webhook connection, or a new webhook secret for a ticket connection
 * (the provider's webhook must be registered again with it), shown once.
 */
export async function rotateSigningSecret(
  orgId: string,
  actor: TActor,
  owner: TOwner,
  connectionId: string,
  options: Pick<TConnectionWriteOptions, "baseUrl"> = {},
): Promise<TConnectionSaved> {
  const signingSecret = newSigningSecret();
  const webhookSecret = newWebhookSecret();
  const ticket = await db.$transaction(async (tx) => {
    const row = await ownedRow(tx, orgId, owner, connectionId);
    const isTicket = isTicketConnectionKind(row.kind);
    if (row.kind !== "webhook" && !isTicket) {
      throw new AppError("bad_request", "Only webhook, Jira and GitHub connections have a webhook secret.");
    }
    const secretCiphertext = isTicket
      ? sealTicketSecret(row.id, { ...openTicketSecret(row.id, row.secretCiphertext), webhookSecret })
      : sealConnectionSecret(row.id, { ...openConnectionSecret(row.id, row.secretCiphertext), signingSecret });
    await tx.notificationConnection.update({ where: { id: row.id }, data: { secretCiphertext } });
    await auditNotificationChange(tx, { orgId, actor }, "notification_connection.signing_secret_rotated", {
      id: row.id,
      label: row.name,
    });
    return isTicket;
  });
  const connection = await getConnection(orgId, connectionId);
  return ticket
    ? { connection, webhook: ticketWebhook(connection, webhookSecret, options) }
    : { connection, signingSecret };
}

/** Deletes a connection and the subscriptions that send through it (the form says how many). */
export async function deleteConnection(
  orgId: string,
  actor: TActor,
  owner: TOwner,
  connectionId: string,
): Promise<void> {
  await db.$transaction(async (tx) => {
    const row = await ownedRow(tx, orgId, owner, connectionId);
    const subscriptions = await tx.notificationSubscription.count({ where: { connectionId: row.id } });
    await tx.notificationConnection.delete({ where: { id: row.id } });
    await auditNotificationChange(tx, { orgId, actor }, "notification_connection.deleted", {
      id: row.id,
      label: row.name,
      before: { name: row.name, kind: row.kind, subscriptions },
    });
  });
}
