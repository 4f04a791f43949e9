import "server-only";
import { db } from "@/lib/server/db";
import type { TProjectSettings } from "../provider";
import { ZProjectSettings, type TTicketConnectionKind } from "../schemas";
import { ownerWhere, type TProjectOwner } from "./owner";

/** Where an owner's tickets go, as the settings pages show it (never the connection's secret). */
export type TTicketProjectView = {
  id: string;
  teamId: string | null;
  connectionId: string;
  connectionName: string;
  connectionKind: TTicketConnectionKind;
  settings: TProjectSettings;
  reopenWhenStillFailing: boolean;
  commentsAsNotes: boolean;
  updatedAt: Date;
};

export const PROJECT_SELECT = {
  id: true,
  teamId: true,
  connectionId: true,
  settings: true,
  reopenWhenStillFailing: true,
  commentsAsNotes: true,
  updatedAt: true,
  connection: { select: { name: true, kind: true } },
} as const;

type TRow = Omit<TTicketProjectView, "connectionName" | "connectionKind" | "settings"> & {
  settings: unknown;
  connection: { name: string; kind: string };
};

export function toProjectView(row: TRow): TTicketProjectView {
  const { connection, settings, ...rest } = row;
  return {
    ...rest,
    connectionName: connection.name,
    connectionKind: connection.kind as TTicketConnectionKind,
    // Saved through the schema; parsed again so defaults added later fill in.
    settings: ZProjectSettings.parse(settings),
  };
}

/** The owner's own project (the org default with teamId null), or null. */
export async function getTicketProject(orgId: string, owner: TProjectOwner): Promise<TTicketProjectView | null> {
  const row = await db.ticketProject.findFirst({ where: ownerWhere(orgId, owner), select: PROJECT_SELECT });
  return row ? toProjectView(row) : null;
}
