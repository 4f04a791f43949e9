import "server-only";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { recordAudit, type TAuditEntry } from "@/lib/audit/record-audit";
import { isTimeZone, nextDigestAt } from "./digest-schedule";

/** Sets a team's time zone and moves its digests (and its members' personal ones) to their new local hour. */
export async function setTeamTimeZone(
  orgId: string,
  actor: TAuditEntry["actor"],
  teamId: string,
  timeZone: string,
): Promise<void> {
  if (!isTimeZone(timeZone)) {
    throw new AppError("bad_request", "Choose a time zone from the list (for example Europe/Berlin).", {
      field: "timeZone",
    });
  }
  await db.$transaction(async (tx) => {
    const team = await tx.team.findFirst({
      where: { id: teamId, orgId },
      select: { id: true, name: true, timeZone: true },
    });
    if (!team) throw new AppError("not_found", "Team not found.");
    await tx.team.update({ where: { id: team.id }, data: { timeZone } });
    const digests = await tx.notificationSubscription.findMany({
      where: { orgId, teamId, kind: "digest", enabled: true },
      select: { id: true, digestPeriod: true, digestHour: true, digestWeekday: true },
    });
    const now = new Date();
    for (const d of digests) {
      const next = nextDigestAt(
        { period: d.digestPeriod ?? "weekly", hour: d.digestHour ?? 9, weekday: d.digestWeekday ?? 1, timeZone },
        now,
      );
      await tx.notificationSubscription.update({ where: { id: d.id }, data: { nextDigestAt: next } });
    }
    await recordAudit(tx, {
      orgId,
      actor,
      action: "team.time_zone_changed",
      target: { type: "team", id: team.id, label: team.name },
      before: { timeZone: team.timeZone },
      after: { timeZone },
    });
  });
}
