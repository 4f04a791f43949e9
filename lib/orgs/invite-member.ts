import "server-only";
import type { z } from "zod";
import { db, type Tx } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { AppError } from "@/lib/server/errors";
import { renderInvitationEmail } from "@/lib/server/email/account-emails";
import { sendMail, type TMailResult } from "@/lib/server/mail";
import { enforceRateLimit } from "@/lib/server/rate-limit";
import { actorOf, type TOrgAccess } from "@/lib/auth/access";
import { ORG_ROLE_LABELS } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { generateInvitationSecret, hashInvitationSecret, invitationExpiry, invitationLink } from "./invitation-secret";
import { canHandleInvitationRole } from "./member-rules";
import { lockInvitationEmail } from "./member-lock";
import type { ZInviteMember } from "./schemas";

export type TInviteInput = z.output<typeof ZInviteMember>;

export type TInviteResult = {
  invitationId: string;
  email: string;
  link: string;
  expiresAt: Date;
  replaced: number;
  mail: TMailResult;
};

/** Revokes the address's open invitations in this org; the newest link is the only one that works. */
async function revokeOpenInvitations(tx: Tx, access: TOrgAccess, email: string, now: Date): Promise<number> {
  const open = await tx.invitation.findMany({
    where: { orgId: access.org.id, email, acceptedAt: null, revokedAt: null },
    select: { id: true, role: true },
  });
  for (const invitation of open) {
    await tx.invitation.update({ where: { id: invitation.id }, data: { revokedAt: now } });
    await recordAudit(tx, {
      orgId: access.org.id,
      actor: actorOf(access),
      action: "invitation.revoked",
      target: { type: "invitation", id: invitation.id, label: email },
      before: { status: "pending", role: invitation.role },
      after: { status: "revoked", reason: "replaced by a new invitation" },
    });
  }
  return open.length;
}

/**
 * Creates an invitation link for `email` and hands it to the mail transport. The secret is
 * returned once, for the inviter to copy; only its hash is stored.
 */
export async function inviteMember(access: TOrgAccess, input: TInviteInput, origin: string): Promise<TInviteResult> {
  const orgId = access.org.id;
  if (!canHandleInvitationRole(access.role, input.role)) {
    throw new AppError("forbidden", "Only owners can invite owners.", { field: "role" });
  }
  const team = input.teamId
    ? await db.team.findFirst({ where: { id: input.teamId, orgId }, select: { id: true, slug: true, name: true } })
    : null;
  if (input.teamId && !team) {
    throw new AppError("bad_request", "Choose a team of this organization.", { field: "teamId" });
  }

  // Invitations send mail to outside addresses: a cap per org keeps a stolen admin session from
  // turning Bumpers into a mail cannon. Renewals go through here too.
  const { BUMPERS_RATE_LIMIT_INVITATIONS_PER_HOUR: limit } = env();
  await enforceRateLimit(`invitations:org:${orgId}`, limit, 3600, "invitations for this organization");

  const secret = generateInvitationSecret();
  const now = new Date();
  const expiresAt = invitationExpiry(now, env().BUMPERS_INVITATION_TTL_HOURS);
  const { invitation, replaced } = await db.$transaction(async (tx) => {
    await lockInvitationEmail(tx, orgId, input.email);
    const existing = await tx.membership.findFirst({
      where: { orgId, user: { email: input.email } },
      select: { id: true },
    });
    if (existing) {
      throw new AppError("conflict", `${input.email} is already a member of this organization.`, { field: "email" });
    }
    const replaced = await revokeOpenInvitations(tx, access, input.email, now);
    const invitation = await tx.invitation.create({
      data: {
        orgId,
        email: input.email,
        role: input.role,
        teamId: team?.id ?? null,
        teamRole: team ? (input.teamRole ?? "viewer") : null,
        tokenHash: hashInvitationSecret(secret),
        invitedById: access.user.id,
        expiresAt,
      },
    });
    await recordAudit(tx, {
      orgId,
      actor: actorOf(access),
      action: "member.invited",
      target: { type: "invitation", id: invitation.id, label: input.email },
      after: {
        email: input.email,
        role: input.role,
        team: team?.slug ?? null,
        teamRole: invitation.teamRole,
        expiresAt: expiresAt.toISOString(),
      },
    });
    return { invitation, replaced };
  });

  const link = invitationLink(origin, secret);
  const email = renderInvitationEmail({
    inviterName: access.user.name,
    inviterEmail: access.user.email,
    orgName: access.org.name,
    roleLabel: ORG_ROLE_LABELS[input.role],
    teamName: team?.name,
    link,
    expiresAt,
  });
  const mail = await sendMail({ to: input.email, ...email, link });
  return { invitationId: invitation.id, email: input.email, link, expiresAt, replaced, mail };
}
