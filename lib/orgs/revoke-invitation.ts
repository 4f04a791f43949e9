import "server-only";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { actorOf, type TOrgAccess } from "@/lib/auth/access";
import { recordAudit } from "@/lib/audit/record-audit";
import { canHandleInvitationRole } from "./member-rules";

/** Makes an open invitation's link unusable. Invitations of other orgs are not found. */
export async function revokeInvitation(access: TOrgAccess, invitationId: string): Promise<{ email: string }> {
  const orgId = access.org.id;
  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findFirst({ where: { id: invitationId, orgId } });
    if (!invitation) throw new AppError("not_found", "Invitation not found.");
    if (!canHandleInvitationRole(access.role, invitation.role)) {
      throw new AppError("forbidden", "Only owners can revoke an invitation for an owner.");
    }
    // Conditional, so a revoke racing an acceptance cannot undo a join that already happened.
    const now = new Date();
    const { count } = await tx.invitation.updateMany({
      where: { id: invitation.id, orgId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    if (count === 0) {
      throw new AppError(
        "conflict",
        invitation.acceptedAt ? "This invitation was already accepted." : "This invitation was already revoked.",
      );
    }
    await recordAudit(tx, {
      orgId,
      actor: actorOf(access),
      action: "invitation.revoked",
      target: { type: "invitation", id: invitation.id, label: invitation.email },
      before: { status: invitation.expiresAt <= now ? "expired" : "pending", role: invitation.role },
      after: { status: "revoked" },
    });
    return { email: invitation.email };
  });
}
