import "server-only";
import { db } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";
import { ZDestinationId } from "../schemas";
import { maskKey } from "./routing-key";

/** A destination as the app shows it. The routing key itself never leaves the server. */
export type TDestinationView = {
  id: string;
  name: string;
  teamId: string | null;
  teamName: string | null;
  /** "••••abcd" */
  maskedKey: string;
  lastDeliveredAt: Date | null;
  lastErrorAt: Date | null;
  /** PagerDuty's answer to the last refused event: { status, message, errors }. */
  lastError: { status?: string; message?: string; errors?: string[] } | null;
  /** Rules (baseline and team) that send here. */
  ruleCount: number;
  /** Incidents currently open on this destination. */
  openIncidents: number;
  createdAt: Date;
};

const SELECT = {
  id: true,
  name: true,
  teamId: true,
  keyLast4: true,
  lastDeliveredAt: true,
  lastErrorAt: true,
  lastError: true,
  createdAt: true,
  team: { select: { name: true } },
  _count: { select: { rules: true } },
} as const;

type TRow = {
  id: string;
  name: string;
  teamId: string | null;
  keyLast4: string;
  lastDeliveredAt: Date | null;
  lastErrorAt: Date | null;
  lastError: unknown;
  createdAt: Date;
  team: { name: string } | null;
  _count: { rules: number };
};

function toView(row: TRow, openIncidents: number): TDestinationView {
  return {
    id: row.id,
    name: row.name,
    teamId: row.teamId,
    teamName: row.team?.name ?? null,
    maskedKey: maskKey(row.keyLast4),
    lastDeliveredAt: row.lastDeliveredAt,
    lastErrorAt: row.lastErrorAt,
    lastError: (row.lastError as TDestinationView["lastError"]) ?? null,
    ruleCount: row._count.rules,
    openIncidents,
    createdAt: row.createdAt,
  };
}

async function openIncidentCounts(orgId: string, ids: string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const rows = await db.alertRoute.groupBy({
    by: ["destinationId"],
    where: { orgId, destinationId: { in: ids }, status: "open" },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.destinationId, r._count._all]));
}

/** The org's destinations, by name. Teams' admins see them too (to pick one in a rule). */
export async function listDestinations(orgId: string): Promise<TDestinationView[]> {
  const rows = await db.alertDestination.findMany({ where: { orgId }, orderBy: { name: "asc" }, select: SELECT });
  const open = await openIncidentCounts(
    orgId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toView(r, open.get(r.id) ?? 0));
}

/** One destination of the org; another org's id is not_found. */
export async function getDestination(orgId: string, destinationId: string): Promise<TDestinationView> {
  if (!ZDestinationId.safeParse(destinationId).success) throw notFound("Destination not found.");
  const row = await db.alertDestination.findFirst({ where: { id: destinationId, orgId }, select: SELECT });
  if (!row) throw notFound("Destination not found.");
  const open = await openIncidentCounts(orgId, [row.id]);
  return toView(row, open.get(row.id) ?? 0);
}
