import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { recordAudit } from "@/lib/audit/record-audit";

export type TNewOrganization = { slug: string; name: string };

/** Creates an org owned by an existing user; the slug must be free. */
export async function createOrganization(ownerUserId: string, input: TNewOrganization) {
  try {
    return await db.$transaction(async (tx) => {
      const owner = await tx.user.findUniqueOrThrow({ where: { id: ownerUserId } });
      const org = await tx.organization.create({ data: { slug: input.slug, name: input.name } });
      await tx.membership.create({ data: { orgId: org.id, userId: owner.id, role: "owner" } });
      await recordAudit(tx, {
        orgId: org.id,
        actor: { userId: owner.id, label: owner.email },
        action: "org.created",
        target: { type: "organization", id: org.id, label: org.name },
        after: { slug: org.slug, name: org.name },
      });
      return org;
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      throw new AppError("conflict", "That organization URL is taken; choose another.", { field: "orgSlug" });
    }
    throw err;
  }
}
