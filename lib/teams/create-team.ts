import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { recordAudit, type TAuditEntry } from "@/lib/audit/record-audit";
import type { TNewTeam } from "./schemas";

/** A new team starts with no scope rules, so it owns nothing and no resource changes hands. */
export async function createTeam(orgId: string, actor: TAuditEntry["actor"], input: TNewTeam) {
  try {
    return await db.$transaction(async (tx) => {
      const team = await tx.team.create({
        data: {
          orgId,
          slug: input.slug,
          name: input.name,
          description: input.description,
          priority: input.priority,
          scopeRules: [],
        },
      });
      await recordAudit(tx, {
        orgId,
        actor,
        action: "team.created",
        target: { type: "team", id: team.id, label: team.name },
        after: { slug: team.slug, name: team.name, description: team.description, priority: team.priority },
      });
      return team;
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      throw new AppError("conflict", `A team with the slug "${input.slug}" already exists.`, { field: "slug" });
    }
    throw err;
  }
}
