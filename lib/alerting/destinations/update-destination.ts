import "server-only";
import { db } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";
import { recordAudit, type TAuditEntry } from "@/lib/audit/record-audit";
import { evaluateOrgAlerts } from "../engine/evaluate";
import { isUuid, parseInput } from "../parse-input";
import { ZDestinationUpdate, type TDestinationUpdate } from "../schemas";
import { assertTeamOfOrg, duplicateName } from "./create-destination";
import { getDestination, type TDestinationView } from "./queries";
import { destinationAudit, keyFingerprint, sealRoutingKey } from "./routing-key";

/**
 * Renames a destination, changes its owning team, or replaces its key (org admins). Open
 * incidents follow: a new key or owner re-routes them (resolve on the old key, trigger on the new)
 * in the same transaction.
 */
export async function updateDestination(
  orgId: string,
  actor: TAuditEntry["actor"],
  destinationId: string,
  input: TDestinationUpdate,
): Promise<TDestinationView> {
  if (!isUuid(destinationId)) throw notFound("Destination not found.");
  const parsed = parseInput(ZDestinationUpdate, input);
  try {
    await db.$transaction(async (tx) => {
      const before = await tx.alertDestination.findFirst({ where: { id: destinationId, orgId } });
      if (!before) throw notFound("Destination not found.");
      await assertTeamOfOrg(tx, orgId, parsed.teamId);
      const rekey = parsed.routingKey
        ? {
            routingKeyCiphertext: sealRoutingKey(destinationId, parsed.routingKey),
            keyLast4: parsed.routingKey.slice(-4),
            keyFingerprint: keyFingerprint(parsed.routingKey),
          }
        : {};
      await tx.alertDestination.update({
        where: { id: destinationId },
        data: { name: parsed.name, teamId: parsed.teamId, ...rekey },
      });
      const keyChanged = !!parsed.routingKey && rekey.keyFingerprint !== before.keyFingerprint;
      await recordAudit(tx, {
        orgId,
        actor,
        action: "alert_destination.updated",
        target: { type: "alert_destination", id: destinationId, label: parsed.name },
        before: destinationAudit(before),
        after: destinationAudit({
          name: parsed.name,
          teamId: parsed.teamId,
          keyLast4: keyChanged ? parsed.routingKey!.slice(-4) : before.keyLast4,
        }),
      });
      if (keyChanged || before.teamId !== parsed.teamId) await evaluateOrgAlerts(tx, orgId);
    });
  } catch (err) {
    throw duplicateName(err, parsed.name);
  }
  return getDestination(orgId, destinationId);
}

/** Only the name, for a rename form. */
export async function renameDestination(
  orgId: string,
  actor: TAuditEntry["actor"],
  destinationId: string,
  name: string,
): Promise<TDestinationView> {
  const current = await getDestination(orgId, destinationId);
  return updateDestination(orgId, actor, destinationId, { name, teamId: current.teamId });
}
