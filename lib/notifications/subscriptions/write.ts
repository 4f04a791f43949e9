import "server-only";
import { randomUUID } from "node:crypto";
import { type Prisma } from "@/lib/generated/prisma/client";
import { db, type Tx } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { recordAudit, type TAuditEntry } from "@/lib/audit/record-audit";
import { auditNotificationChange } from "../audit";
import { ownedRowOrNotFound } from "../owned-row";
import { isUuid, parseInput } from "@/lib/alerting/parse-input";
import { nextDigestAt } from "../digest-schedule";
import {
  ZSubscriptionInput,
  emailAddressesOf,
  isMessageKind,
  type TSubscription,
  type TSubscriptionInput,
} from "../schemas";
import { getSubscription, type TSubscriptionView } from "./queries";
import { usableBy } from "../connections/queries";

// Subscriptions belong to the org (teamId null: org admins), a team (its admins), or one member
// (userId: their own email digests and assigned findings). Each verb finds the row under its
// owner, so nobody reaches another owner's subscriptions by id.

type TActor = TAuditEntry["actor"];
export type TSubscriptionOwner = { teamId: string | null; userId?: string | null };

const SLACK_CHANNEL_ID = /^[CGD][A-Z0-9]{6,20}$/;

/** The connection must be the org's or the owner team's, and the target must fit its kind. */
async function checkTarget(tx: Tx, orgId: string, owner: TSubscriptionOwner, s: TSubscription) {
  if (owner.userId) {
    if (s.connectionId)
      throw new AppError("bad_request", "Personal subscriptions are sent by email.", { field: "connectionId" });
    return;
  }
  if (!s.connectionId) return; // email through the install's SMTP server: the schema checked the addresses
  const connection = await tx.notificationConnection.findFirst({
    where: { id: s.connectionId, orgId, ...usableBy(owner.teamId) },
    select: { kind: true },
  });
  // Jira and GitHub connections file tickets: they send no messages.
  if (!connection || !isMessageKind(connection.kind))
    throw new AppError("bad_request", "Choose a connection of this organization or team.", { field: "connectionId" });
  if (connection.kind === "slack" && !SLACK_CHANNEL_ID.test(s.target)) {
    throw new AppError("bad_request", "Choose a Slack channel.", { field: "target" });
  }
  if (connection.kind === "email" && !emailAddressesOf(s.target).length) {
    throw new AppError("bad_request", "Enter email addresses separated by commas.", { field: "target" });
  }
}

async function timeZoneOf(tx: Tx, orgId: string, teamId: string | null): Promise<string> {
  if (!teamId) return "UTC";
  const team = await tx.team.findFirst({ where: { id: teamId, orgId }, select: { timeZone: true } });
  if (!team) throw new AppError("bad_request", "Choose a team of this organization.", { field: "teamId" });
  return team.timeZone;
}

async function rowData(tx: Tx, orgId: string, owner: TSubscriptionOwner, s: TSubscription, teamId: string | null) {
  if (s.baseline && teamId) {
    throw new AppError("bad_request", "Only the organization's subscriptions can be a baseline.", {
      field: "baseline",
    });
  }
  await checkTarget(tx, orgId, owner, s);
  const timeZone = await timeZoneOf(tx, orgId, teamId);
  const digest = s.kind === "digest";
  const target = owner.userId ? "" : s.connectionId ? s.target : emailAddressesOf(s.target).join(", ");
  return {
    kind: s.kind,
    name: s.name,
    connectionId: owner.userId ? null : s.connectionId,
    target,
    targetLabel: s.targetLabel || target,
    events: digest ? [] : s.events,
    match: s.match as Prisma.InputJsonValue,
    grouping: s.grouping,
    baseline: s.baseline,
    digestPeriod: digest ? s.digestPeriod : null,
    digestHour: digest ? s.digestHour : null,
    digestWeekday: digest ? s.digestWeekday : null,
    sendEmpty: s.sendEmpty,
    enabled: s.enabled,
    nextDigestAt:
      digest && s.enabled
        ? nextDigestAt({ period: s.digestPeriod, hour: s.digestHour, weekday: s.digestWeekday, timeZone }, new Date())
        : null,
  };
}

/** What the audit row keeps: the settings, never a secret (subscriptions hold none). */
const auditOf = (s: {
  name: string;
  kind: string;
  events: string[];
  targetLabel: string;
  baseline: boolean;
  enabled: boolean;
}) => ({
  name: s.name,
  kind: s.kind,
  events: s.events,
  target: s.targetLabel,
  baseline: s.baseline,
  enabled: s.enabled,
});

// A personal subscription has no target of its own (it goes to its owner): the placeholder only gets the input past the target check.
const parseSubscriptionInput = (owner: TSubscriptionOwner, input: TSubscriptionInput) =>
  parseInput(ZSubscriptionInput, owner.userId ? { ...input, target: "personal@example.invalid" } : input);

export async function createSubscription(
  orgId: string,
  actor: TActor,
  owner: TSubscriptionOwner,
  input: TSubscriptionInput,
): Promise<TSubscriptionView> {
  const parsed = parseSubscriptionInput(owner, input);
  const id = randomUUID();
  await db.$transaction(async (tx) => {
    const data = await rowData(tx, orgId, owner, parsed, owner.teamId);
    await tx.notificationSubscription.create({
      data: {
        id,
        orgId,
        teamId: owner.teamId,
        userId: owner.userId ?? null,
        createdBy: "userId" in actor ? actor.userId : null,
        ...data,
      },
    });
    await auditNotificationChange(tx, { orgId, actor }, "notification_subscription.created", {
      id,
      label: parsed.name,
      after: { ...auditOf(data), teamId: owner.teamId, personal: Boolean(owner.userId) },
    });
  });
  return getSubscription(orgId, id);
}

function ownedRow(tx: Tx, orgId: string, owner: TSubscriptionOwner, subscriptionId: string) {
  return ownedRowOrNotFound(subscriptionId, "Subscription", () =>
    tx.notificationSubscription.findFirst({
      where: { id: subscriptionId, orgId, teamId: owner.teamId, userId: owner.userId ?? null },
    }),
  );
}

export async function updateSubscription(
  orgId: string,
  actor: TActor,
  owner: TSubscriptionOwner,
  subscriptionId: string,
  input: TSubscriptionInput,
): Promise<TSubscriptionView> {
  const parsed = parseSubscriptionInput(owner, input);
  await db.$transaction(async (tx) => {
    const row = await ownedRow(tx, orgId, owner, subscriptionId);
    const data = await rowData(tx, orgId, owner, parsed, row.teamId);
    await tx.notificationSubscription.update({ where: { id: row.id }, data });
    await auditNotificationChange(tx, { orgId, actor }, "notification_subscription.updated", {
      id: row.id,
      label: parsed.name,
      before: auditOf(row),
      after: auditOf(data),
    });
  });
  return getSubscription(orgId, subscriptionId);
}

export async function deleteSubscription(
  orgId: string,
  actor: TActor,
  owner: TSubscriptionOwner,
  subscriptionId: string,
): Promise<void> {
  await db.$transaction(async (tx) => {
    const row = await ownedRow(tx, orgId, owner, subscriptionId);
    await tx.notificationSubscription.delete({ where: { id: row.id } });
    await auditNotificationChange(tx, { orgId, actor }, "notification_subscription.deleted", {
      id: row.id,
      label: row.name,
      before: auditOf(row),
    });
  });
}

/**
 * One-click unsubscribe from a mail (no session: the signed token is the authority). A personal
 * subscription is switched off; for a shared one, the address is taken out of its list.
 */
export async function unsubscribeByToken(payload: {
  subscriptionId: string;
  address: string;
}): Promise<{ name: string } | null> {
  if (!isUuid(payload.subscriptionId)) return null;
  return db.$transaction(async (tx) => {
    const row = await tx.notificationSubscription.findUnique({ where: { id: payload.subscriptionId } });
    if (!row) return null;
    const address = payload.address.toLowerCase();
    if (row.userId) {
      await tx.notificationSubscription.update({ where: { id: row.id }, data: { enabled: false, nextDigestAt: null } });
    } else {
      const left = emailAddressesOf(row.target).filter((a) => a !== address);
      await tx.notificationSubscription.update({
        where: { id: row.id },
        data: left.length
          ? { target: left.join(", "), targetLabel: left.join(", ") }
          : { enabled: false, nextDigestAt: null },
      });
    }
    await recordAudit(tx, {
      orgId: row.orgId,
      actor: row.userId ? { userId: row.userId, label: address } : { signedLink: true, label: address },
      action: "notification_subscription.unsubscribed",
      target: { type: "notification_subscription", id: row.id, label: row.name },
    });
    return { name: row.name };
  });
}
