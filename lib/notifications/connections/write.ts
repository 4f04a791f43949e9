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

// Connections are owned by the org (teamId null: org admins) or by one team (its team admins).
// Every verb takes the owner and finds the row under it, so a team admin never reaches the
// org's connections or another team's.

type TActor = TAuditEntry["actor"];
type TOwner = { teamId: string | null };

/** A webhook connection's signing secret is shown once, when it is made or rotated. */
export type TConnectionSaved = { connection: TConnectionView; signingSecret?: string };

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
): Promise<TConnectionSaved> {
  const parsed = parseInput(ZNewConnection, { ...input, teamId: owner.teamId });
  const id = randomUUID();
  const { secret, hint, settings } = secretParts(parsed);
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
          secretCiphertext: sealConnectionSecret(id, secret),
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
  return { connection: await getConnection(orgId, id), ...(signingSecret ? { signingSecret } : {}) };
}

function ownedRow(tx: Tx, orgId: string, owner: TOwner, connectionId: string) {
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
): Promise<TConnectionView> {
  const parsed = parseInput(ZConnectionUpdate, input);
  try {
    await db.$transaction(async (tx) => {
      const row = await ownedRow(tx, orgId, owner, connectionId);
      const data: Prisma.NotificationConnectionUpdateInput = {};
      if (parsed.name) data.name = parsed.name;
      const replaces =
        (row.kind === "slack" && parsed.botToken) ||
        (["slack_webhook", "teams", "webhook"].includes(row.kind) && parsed.url) ||
        (row.kind === "email" && (parsed.smtp || parsed.password !== undefined));
      if (replaces) {
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

/** A new signing secret for a webhook connection, shown once. */
export async function rotateSigningSecret(
  orgId: string,
  actor: TActor,
  owner: TOwner,
  connectionId: string,
): Promise<TConnectionSaved> {
  const signingSecret = newSigningSecret();
  await db.$transaction(async (tx) => {
    const row = await ownedRow(tx, orgId, owner, connectionId);
    if (row.kind !== "webhook") throw new AppError("bad_request", "Only a webhook connection has a signing secret.");
    const current = openConnectionSecret(row.id, row.secretCiphertext);
    await tx.notificationConnection.update({
      where: { id: row.id },
      data: { secretCiphertext: sealConnectionSecret(row.id, { ...current, signingSecret }) },
    });
    await auditNotificationChange(tx, { orgId, actor }, "notification_connection.signing_secret_rotated", {
      id: row.id,
      label: row.name,
    });
  });
  return { connection: await getConnection(orgId, connectionId), signingSecret };
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
