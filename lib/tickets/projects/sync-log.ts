import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";

/** One line of a connection's sync log for a call that belongs to no ticket (a test ticket). */
export async function logTestCall(
  orgId: string,
  connectionId: string,
  entry: { ok: boolean; status: number | null; summary: string; detail: Record<string, unknown> },
): Promise<void> {
  await db.ticketSyncLog.create({
    data: {
      orgId,
      connectionId,
      ticketId: null,
      direction: "out",
      action: "test",
      ok: entry.ok,
      status: entry.status,
      summary: entry.summary.slice(0, 1000),
      detail: entry.detail as Prisma.InputJsonValue,
    },
  });
}
