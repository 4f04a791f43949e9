import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db, type Tx } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { hashPassword } from "@/lib/auth/passwords";
import { recordAudit } from "@/lib/audit/record-audit";
import { INVITATION_STATUS_MESSAGES, hashInvitationSecret, invitationStatus } from "./invitation-secret";

type TJoiner = { id: string; email: string };
type TInvitationRow = Prisma.InvitationGetPayload<{ include: { org: { select: { slug: true; name: true } } } }>;

const INVALID_LINK = "This invitation link is not valid.";

async function findUsable(tx: Tx, secret: string): Promise<TInvitationRow> {
  const invitation = await tx.invitation.findUnique({
    where: { tokenHash: hashInvitationSecret(secret) },
    include: { org: { select: { slug: true, name: true } } },
  });
  if (!invitation) throw new AppError("not_found", INVALID_LINK);
  const status = invitationStatus(invitation);
  if (status !== "pending") throw new AppError("conflict", INVITATION_STATUS_MESSAGES[status], { status });
  return invitation;
}

/**
 * Marks the invitation used with a conditional update: of two tabs accepting at once, the
 * second waits for the first's row lock, then matches nothing and is refused.
 */
async function claim(tx: Tx, invitation: TInvitationRow): Promise<void> {
  const now = new Date();
  const { count } = await tx.invitation.updateMany({
    where: { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    data: { acceptedAt: now },
  });
  if (count === 1) return;
  const current = await tx.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
  const status = invitationStatus(current, now);
  throw new AppError("conflict", status === "pending" ? INVALID_LINK : INVITATION_STATUS_MESSAGES[status], { status });
}

async function join(tx: Tx, invitation: TInvitationRow, user: TJoiner): Promise<{ orgSlug: string }> {
  const orgId = invitation.orgId;
  await claim(tx, invitation);
  const existing = await tx.membership.findUnique({ where: { orgId_userId: { orgId, userId: user.id } } });
  if (existing) throw new AppError("conflict", `You are already a member of ${invitation.org.name}.`);
  const membership = await tx.membership.create({ data: { orgId, userId: user.id, role: invitation.role } });
  // The team may have been deleted since the invitation was sent; the org membership still stands.
  const team = invitation.teamId
    ? await tx.team.findFirst({ where: { id: invitation.teamId, orgId }, select: { id: true, slug: true } })
    : null;
  if (team) {
    await tx.teamMembership.create({
      data: { orgId, teamId: team.id, userId: user.id, role: invitation.teamRole ?? "viewer" },
    });
  }
  await recordAudit(tx, {
    orgId,
    actor: { userId: user.id, label: user.email },
    action: "member.joined",
    target: { type: "membership", id: membership.id, label: user.email },
    after: {
      role: invitation.role,
      team: team?.slug ?? null,
      teamRole: team ? (invitation.teamRole ?? "viewer") : null,
      invitationId: invitation.id,
    },
  });
  return { orgSlug: invitation.org.slug };
}

/** The signed-in user accepts an invitation addressed to their email. */
export async function acceptInvitation(secret: string, user: TJoiner): Promise<{ orgSlug: string }> {
  return db.$transaction(async (tx) => {
    const invitation = await findUsable(tx, secret);
    if (invitation.email !== user.email.toLowerCase()) {
      throw new AppError(
        "forbidden",
        `This invitation is for ${invitation.email}, but you are signed in as ${user.email}.`,
      );
    }
    return join(tx, invitation, user);
  });
}

/** Someone without an account accepts: their account, membership and team come into being together. */
export async function acceptInvitationWithNewAccount(
  secret: string,
  input: { name: string; password: string },
): Promise<{ orgSlug: string; email: string }> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const invitation = await findUsable(tx, secret);
      const taken = await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } });
      if (taken) throw new AppError("conflict", "An account with this email already exists. Sign in to accept.");
      const user = await tx.user.create({ data: { email: invitation.email, name: input.name, passwordHash } });
      const joined = await join(tx, invitation, user);
      return { ...joined, email: user.email };
    });
  } catch (err) {
    // Someone signed up with this email in the meantime.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      throw new AppError("conflict", "An account with this email already exists. Sign in to accept.");
    }
    throw err;
  }
}
