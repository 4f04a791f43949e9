import "server-only";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { actorOf, type TOrgAccess } from "@/lib/auth/access";
import type { TOrgRole } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { roleChangeViolation } from "./member-rules";
import { loadMemberForChange } from "./member-lock";

/** Changes a member's org role. Memberships of other orgs are not found. */
export async function changeMemberRole(
  access: TOrgAccess,
  membershipId: string,
  role: TOrgRole,
): Promise<{ changed: boolean; email: string }> {
  const orgId = access.org.id;
  return db.$transaction(async (tx) => {
    const { membership, ownerCount } = await loadMemberForChange(tx, orgId, membershipId);
    if (membership.role === role) return { changed: false, email: membership.user.email };
    const violation = roleChangeViolation({
      actorRole: access.role,
      fromRole: membership.role,
      toRole: role,
      ownerCount,
    });
    if (violation) throw new AppError(violation.code, violation.message);
    await tx.membership.update({ where: { id: membership.id }, data: { role } });
    await recordAudit(tx, {
      orgId,
      actor: actorOf(access),
      action: "member.role_changed",
      target: { type: "membership", id: membership.id, label: membership.user.email },
      before: { role: membership.role },
      after: { role },
    });
    return { changed: true, email: membership.user.email };
  });
}
