import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/server/db";
import type { TScimActor } from "./http";
import { scimBadRequest } from "./errors";

// What the user verbs share: the scope they act in and the uniqueness of userName.

export type TScimScope = { orgId: string; actor: TScimActor };

export const asJson = (value: unknown) => value as Prisma.InputJsonValue;

/** 409 uniqueness when another SCIM user of the org has this userName (case-insensitive, RFC 7643 §4.1.1). */
export async function assertUserNameFree(tx: Tx, orgId: string, userName: string, exceptId?: string): Promise<void> {
  const taken = await tx.scimUser.findFirst({
    where: {
      orgId,
      userName: { equals: userName, mode: "insensitive" },
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    select: { id: true },
  });
  if (taken) throw scimBadRequest("uniqueness", `A User with userName "${userName}" already exists (id ${taken.id}).`);
}
