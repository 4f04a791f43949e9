import "server-only";
import { db } from "@/lib/server/db";
import type { TAnyConnectionKind } from "../schemas";
import { OWNED_ROW_SELECT, ownedRowOrNotFound } from "../owned-row";

/** A connection as the app shows it: never the secret, only its hint. */
export type TConnectionView = {
  id: string;
  /** Message channels and ticket providers alike: pickers of channels keep only message kinds (connectionChoices). */
  kind: TAnyConnectionKind;
  name: string;
  teamId: string | null;
  teamName: string | null;
  /** The owning team's slug: the `team` field of the forms that manage it. */
  teamSlug: string | null;
  secretHint: string;
  /** Not secret: workspace and bot names, SMTP host/port/from, a webhook's host. */
  settings: Record<string, unknown>;
  status: "ok" | "broken";
  brokenReason: string | null;
  brokenAt: Date | null;
  lastDeliveredAt: Date | null;
  lastErrorAt: Date | null;
  lastError: { status?: number; message?: string } | null;
  subscriptionCount: number;
  createdAt: Date;
};

const SELECT = {
  ...OWNED_ROW_SELECT,
  secretHint: true,
  settings: true,
  status: true,
  brokenReason: true,
  brokenAt: true,
  lastDeliveredAt: true,
  lastErrorAt: true,
  lastError: true,
  createdAt: true,
  team: { select: { name: true, slug: true } },
  _count: { select: { subscriptions: true } },
} as const;

type TRow = Omit<TConnectionView, "kind" | "teamName" | "teamSlug" | "settings" | "lastError" | "subscriptionCount"> & {
  kind: string;
  settings: unknown;
  lastError: unknown;
  team: { name: string; slug: string } | null;
  _count: { subscriptions: number };
};

function toView(row: TRow): TConnectionView {
  return {
    id: row.id,
    kind: row.kind as TAnyConnectionKind,
    name: row.name,
    teamId: row.teamId,
    teamName: row.team?.name ?? null,
    teamSlug: row.team?.slug ?? null,
    secretHint: row.secretHint,
    settings: (row.settings ?? {}) as Record<string, unknown>,
    status: row.status,
    brokenReason: row.brokenReason,
    brokenAt: row.brokenAt,
    lastDeliveredAt: row.lastDeliveredAt,
    lastErrorAt: row.lastErrorAt,
    lastError: (row.lastError ?? null) as TConnectionView["lastError"],
    subscriptionCount: row._count.subscriptions,
    createdAt: row.createdAt,
  };
}

/** Which connections an owner may send through: the org's (teamId null) and, for a team, its own too. */
export const usableBy = (teamId: string | null) => ({
  OR: teamId ? [{ teamId: null }, { teamId }] : [{ teamId: null }],
});

/**
 * The connections an owner may use: the org's (teamId null) and, for a team, its own as well.
 * `only: "owned"` lists just the owner's (what it may edit).
 */
export async function listConnections(
  orgId: string,
  owner: { teamId: string | null; only?: "owned" | "usable" },
): Promise<TConnectionView[]> {
  const rows = await db.notificationConnection.findMany({
    where: { orgId, ...(owner.only === "owned" ? { teamId: owner.teamId } : usableBy(owner.teamId)) },
    select: SELECT,
    orderBy: [{ teamId: { sort: "asc", nulls: "first" } }, { name: "asc" }],
  });
  return rows.map(toView);
}

/** Every connection of the org (org admins' overview), teams' ones included. */
export async function listAllConnections(orgId: string): Promise<TConnectionView[]> {
  const rows = await db.notificationConnection.findMany({
    where: { orgId },
    select: SELECT,
    orderBy: [{ teamId: { sort: "asc", nulls: "first" } }, { name: "asc" }],
  });
  return rows.map(toView);
}

/** One connection of this owner (the org's own with teamId null), or a 404. */
export async function getConnection(
  orgId: string,
  connectionId: string,
  owner?: { teamId: string | null },
): Promise<TConnectionView> {
  const row = await ownedRowOrNotFound(connectionId, "Connection", () =>
    db.notificationConnection.findFirst({
      where: { id: connectionId, orgId, ...(owner ? { teamId: owner.teamId } : {}) },
      select: SELECT,
    }),
  );
  return toView(row);
}
