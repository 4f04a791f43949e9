import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import {
  MAX_SAVED_VIEWS,
  ZNewSavedView,
  ZSavedViewId,
  ZSavedViewName,
  type TNewSavedView,
} from "./saved-views-schemas";
import { parseInput } from "./triage-targets";

// A user's named findings views in one org. Personal: nobody else lists, renames or deletes them
// (another user's view id is not_found), so any member of the org may keep some.

export type TSavedView = { id: string; name: string; query: string; createdAt: Date };

const SELECT = { id: true, name: true, query: true, createdAt: true } as const;

const duplicate = (name: string) =>
  new AppError("conflict", `You already have a view named "${name}". Pick another name.`, { field: "name" });

function isUniqueViolation(err: unknown) {
  return err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002";
}

export async function listSavedViews(orgId: string, userId: string): Promise<TSavedView[]> {
  return db.savedView.findMany({ where: { orgId, userId }, orderBy: [{ name: "asc" }, { id: "asc" }], select: SELECT });
}

export async function createSavedView(orgId: string, userId: string, input: TNewSavedView): Promise<TSavedView> {
  const { name, query } = parseInput(ZNewSavedView, input, "view");
  try {
    return await db.$transaction(async (tx) => {
      // Serializes one user's creations in this org, so two at once cannot pass the limit together.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`saved-views:${orgId}:${userId}`}, 0))`;
      const count = await tx.savedView.count({ where: { orgId, userId } });
      if (count >= MAX_SAVED_VIEWS) {
        throw new AppError(
          "conflict",
          `You can keep at most ${MAX_SAVED_VIEWS} saved views in an organization. Delete one first.`,
        );
      }
      return tx.savedView.create({ data: { orgId, userId, name, query }, select: SELECT });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicate(name);
    throw err;
  }
}

export async function renameSavedView(orgId: string, userId: string, viewId: string, name: string) {
  const id = parseInput(ZSavedViewId, viewId, "id");
  const newName = parseInput(ZSavedViewName, name, "name");
  try {
    const { count } = await db.savedView.updateMany({ where: { id, orgId, userId }, data: { name: newName } });
    if (count === 0) throw new AppError("not_found", "Saved view not found.");
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicate(newName);
    throw err;
  }
  return db.savedView.findUniqueOrThrow({ where: { id }, select: SELECT });
}

export async function deleteSavedView(orgId: string, userId: string, viewId: string): Promise<void> {
  const id = parseInput(ZSavedViewId, viewId, "id");
  const { count } = await db.savedView.deleteMany({ where: { id, orgId, userId } });
  if (count === 0) throw new AppError("not_found", "Saved view not found.");
}
