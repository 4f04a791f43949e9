import "server-only";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { TOrgAccess } from "@/lib/auth/access";
import { inviteMember, type TInviteResult } from "./invite-member";

/**
 * A fresh link for an open invitation (only hashes are stored, so the old link cannot be shown
 * again). Same email, role and team; the old invitation is revoked by the re-invite.
 */
export async function renewInvitation(
  access: TOrgAccess,
  invitationId: string,
  origin: string,
): Promise<TInviteResult> {
  const invitation = await db.invitation.findFirst({
    where: { id: invitationId, orgId: access.org.id },
    select: { email: true, role: true, teamId: true, teamRole: true, acceptedAt: true },
  });
  if (!invitation) throw new AppError("not_found", "Invitation not found.");
  if (invitation.acceptedAt) throw new AppError("conflict", "This invitation was already accepted.");
  // A team deleted since the invitation was sent is dropped rather than failing the renewal.
  const teamExists = invitation.teamId
    ? Boolean(await db.team.findFirst({ where: { id: invitation.teamId, orgId: access.org.id }, select: { id: true } }))
    : false;
  return inviteMember(
    access,
    {
      email: invitation.email,
      role: invitation.role,
      teamId: teamExists ? (invitation.teamId ?? undefined) : undefined,
      teamRole: teamExists ? (invitation.teamRole ?? undefined) : undefined,
    },
    origin,
  );
}
