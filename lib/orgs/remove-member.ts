import "server-only";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { actorOf, type TOrgAccess } from "@/lib/auth/access";
import { recordAudit } from "@/lib/audit/record-audit";
import { removalViolation } from "./member-rules";
import { loadMemberForChange } from "./member-lock";

/**
 * Removes a member and their team memberships in this org, together. Access is read per request,
 * so the removed person loses the org on their next click.
 */
export async function removeMember(
  access: TOrgAccess,
  membershipId: string,
): Promise<{ email: string; removedSelf: boolean }> {
  const orgId = access.org.id;
  return db.$transaction(async (tx) => {
    const { membership, ownerCount } = await loadMemberForChange(tx, orgId, membershipId);
    const violation = removalViolation({ actorRole: access.role, targetRole: membership.role, ownerCount });
    if (violation) throw new AppError(violation.code, violation.message);
    const teams = await tx.teamMembership.findMany({
      where: { orgId, userId: membership.userId },
      select: { role: true, team: { select: { slug: true } } },
      orderBy: { team: { slug: "asc" } },
    });
    await tx.teamMembership.deleteMany({ where: { orgId, userId: membership.userId } });
    await tx.membership.delete({ where: { id: membership.id } });
    await recordAudit(tx, {
      orgId,
      actor: actorOf(access),
      action: "member.removed",
      target: { type: "membership", id: membership.id, label: membership.user.email },
      before: { role: membership.role, teams: teams.map((t) => ({ team: t.team.slug, role: t.role })) },
    });
    return { email: membership.user.email, removedSelf: membership.userId === access.user.id };
  });
}
