import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/server/db";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { recordAudit, type TAuditEntry } from "@/lib/audit/record-audit";
import { parseInput } from "../parse-input";
import { ZNewDestination, type TNewDestination } from "../schemas";
import { getDestination, type TDestinationView } from "./queries";
import { destinationAudit, keyFingerprint, sealRoutingKey } from "./routing-key";

/** A team of this org, or a 400 on `teamId` (another org's team is not a choice). */
export async function assertTeamOfOrg(tx: Tx, orgId: string, teamId: string | null): Promise<void> {
  if (!teamId) return;
  const team = await tx.team.findFirst({ where: { id: teamId, orgId }, select: { id: true } });
  if (!team) throw new AppError("bad_request", "Choose a team of this organization.", { field: "teamId" });
}

export function duplicateName(err: unknown, name: string): unknown {
  if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
    return new AppError("conflict", `A destination named "${name}" already exists.`, { field: "name" });
  }
  return err;
}

/**
 * Adds a PagerDuty service by its Events API v2 integration key (org admins). The key is sealed
 * with AES-256-GCM; the answer shows only its last 4 characters.
 */
export async function createDestination(
  orgId: string,
  actor: TAuditEntry["actor"],
  input: TNewDestination,
): Promise<TDestinationView> {
  const parsed = parseInput(ZNewDestination, input);
  const id = randomUUID();
  try {
    await db.$transaction(async (tx) => {
      await assertTeamOfOrg(tx, orgId, parsed.teamId);
      await tx.alertDestination.create({
        data: {
          id,
          orgId,
          teamId: parsed.teamId,
          name: parsed.name,
          routingKeyCiphertext: sealRoutingKey(id, parsed.routingKey),
          keyLast4: parsed.routingKey.slice(-4),
          keyFingerprint: keyFingerprint(parsed.routingKey),
        },
      });
      await recordAudit(tx, {
        orgId,
        actor,
        action: "alert_destination.created",
        target: { type: "alert_destination", id, label: parsed.name },
        after: destinationAudit({ ...parsed, keyLast4: parsed.routingKey.slice(-4) }),
      });
    });
  } catch (err) {
    throw duplicateName(err, parsed.name);
  }
  return getDestination(orgId, id);
}
