import "server-only";
import { db } from "@/lib/server/db";
import { ZRuleMatch, type TAlertGrouping, type TRuleMatch } from "@/lib/alerting/schemas";
import type { TConnectionKind } from "../schemas";
import { OWNED_ROW_SELECT, ownedRowOrNotFound } from "../owned-row";

export type TSubscriptionView = {
  id: string;
  kind: "events" | "digest";
  name: string;
  teamId: string | null;
  teamName: string | null;
  userId: string | null;
  connectionId: string | null;
  connectionName: string | null;
  /** The connection's kind; "email" for the install's SMTP server. */
  channel: TConnectionKind;
  connectionStatus: "ok" | "broken";
  target: string;
  targetLabel: string;
  events: string[];
  match: TRuleMatch;
  grouping: TAlertGrouping;
  baseline: boolean;
  digestPeriod: "daily" | "weekly" | null;
  digestHour: number | null;
  digestWeekday: number | null;
  sendEmpty: boolean;
  nextDigestAt: Date | null;
  enabled: boolean;
  createdAt: Date;
};

const SELECT = {
  ...OWNED_ROW_SELECT,
  userId: true,
  connectionId: true,
  target: true,
  targetLabel: true,
  events: true,
  match: true,
  grouping: true,
  baseline: true,
  digestPeriod: true,
  digestHour: true,
  digestWeekday: true,
  sendEmpty: true,
  nextDigestAt: true,
  enabled: true,
  createdAt: true,
  team: { select: { name: true } },
  connection: { select: { name: true, kind: true, status: true } },
} as const;

type TRow = Omit<TSubscriptionView, "teamName" | "connectionName" | "channel" | "connectionStatus" | "match"> & {
  match: unknown;
  team: { name: string } | null;
  connection: { name: string; kind: TConnectionKind; status: "ok" | "broken" } | null;
};

function toView(row: TRow): TSubscriptionView {
  const { team, connection, ...rest } = row;
  return {
    ...rest,
    match: ZRuleMatch.parse(row.match ?? {}),
    teamName: team?.name ?? null,
    connectionName: connection?.name ?? null,
    channel: connection?.kind ?? "email",
    connectionStatus: connection?.status ?? "ok",
  };
}

/** An owner's subscriptions: the org's (teamId null) or a team's; personal ones are listed apart. */
export async function listSubscriptions(orgId: string, owner: { teamId: string | null }): Promise<TSubscriptionView[]> {
  const rows = await db.notificationSubscription.findMany({
    where: { orgId, teamId: owner.teamId, userId: null },
    select: SELECT,
    orderBy: [{ baseline: "desc" }, { createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map((r) => toView(r as TRow));
}

/** One member's own email subscriptions in this org. */
export async function listPersonalSubscriptions(orgId: string, userId: string): Promise<TSubscriptionView[]> {
  const rows = await db.notificationSubscription.findMany({
    where: { orgId, userId },
    select: SELECT,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map((r) => toView(r as TRow));
}

export async function getSubscription(
  orgId: string,
  subscriptionId: string,
  owner?: { teamId: string | null; userId?: string | null },
): Promise<TSubscriptionView> {
  const row = await ownedRowOrNotFound(subscriptionId, "Subscription", () =>
    db.notificationSubscription.findFirst({
      where: { id: subscriptionId, orgId, ...(owner ? { teamId: owner.teamId, userId: owner.userId ?? null } : {}) },
      select: SELECT,
    }),
  );
  return toView(row as TRow);
}

export type TDigestTeam = { id: string; slug: string; name: string; timeZone: string };

/** Teams with the time zone their digests go out in, in the order given (teams a member may pick). */
export async function listTeamsWithTimeZone(orgId: string, teamIds: readonly string[]): Promise<TDigestTeam[]> {
  const rows = await db.team.findMany({
    where: { orgId, id: { in: [...teamIds] } },
    select: { id: true, slug: true, name: true, timeZone: true },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return teamIds.flatMap((id) => byId.get(id) ?? []);
}
