import "server-only";
import { db } from "@/lib/server/db";
import type { TOrgRole, TTeamRole } from "@/lib/auth/permissions";
import { hashInvitationSecret, invitationStatus } from "./invitation-secret";
import { ZInvitationSecret } from "./schemas";

export async function listUserOrganizations(userId: string) {
  const memberships = await db.membership.findMany({
    where: { userId },
    select: { role: true, org: { select: { id: true, slug: true, name: true } } },
    orderBy: { org: { name: "asc" } },
  });
  return memberships.map((m) => ({ ...m.org, role: m.role }));
}

/** Members of one org with the teams they are on (in this org only), by name. */
export async function listMembers(orgId: string) {
  const [memberships, teamMemberships] = await Promise.all([
    db.membership.findMany({
      where: { orgId },
      select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
      orderBy: [{ user: { name: "asc" } }, { user: { email: "asc" } }],
    }),
    db.teamMembership.findMany({
      where: { orgId },
      select: { userId: true, role: true, team: { select: { id: true, slug: true, name: true } } },
      orderBy: { team: { name: "asc" } },
    }),
  ]);
  const teamsByUser = new Map<string, { id: string; slug: string; name: string; role: TTeamRole }[]>();
  for (const tm of teamMemberships) {
    const list = teamsByUser.get(tm.userId) ?? [];
    list.push({ ...tm.team, role: tm.role });
    teamsByUser.set(tm.userId, list);
  }
  return memberships.map((m) => ({
    membershipId: m.id,
    userId: m.user.id,
    name: m.user.name,
    email: m.user.email,
    role: m.role,
    joinedAt: m.createdAt,
    teams: teamsByUser.get(m.user.id) ?? [],
  }));
}

export type TMemberRow = Awaited<ReturnType<typeof listMembers>>[number];

/** Invitations not yet used or revoked (expired ones included, so they can be renewed or revoked). */
export async function listOpenInvitations(orgId: string, now: Date = new Date()) {
  const invitations = await db.invitation.findMany({
    where: { orgId, acceptedAt: null, revokedAt: null },
    orderBy: { createdAt: "desc" },
  });
  const teamIds = [...new Set(invitations.flatMap((i) => (i.teamId ? [i.teamId] : [])))];
  const inviterIds = [...new Set(invitations.flatMap((i) => (i.invitedById ? [i.invitedById] : [])))];
  const [teams, inviters] = await Promise.all([
    db.team.findMany({ where: { orgId, id: { in: teamIds } }, select: { id: true, name: true } }),
    db.user.findMany({ where: { id: { in: inviterIds } }, select: { id: true, name: true, email: true } }),
  ]);
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  const inviter = new Map(inviters.map((u) => [u.id, u]));
  return invitations.map((i) => ({
    id: i.id,
    email: i.email,
    role: i.role,
    teamName: i.teamId ? (teamName.get(i.teamId) ?? null) : null,
    teamRole: i.teamId && teamName.has(i.teamId) ? i.teamRole : null,
    invitedBy: i.invitedById ? (inviter.get(i.invitedById) ?? null) : null,
    createdAt: i.createdAt,
    expiresAt: i.expiresAt,
    status: invitationStatus(i, now),
  }));
}

export type TInvitationRow = Awaited<ReturnType<typeof listOpenInvitations>>[number];

export type TInvitationLinkView =
  | { status: "invalid" }
  | { status: "expired" | "revoked" | "accepted" }
  | {
      status: "pending";
      email: string;
      role: TOrgRole;
      org: { slug: string; name: string };
      teamName: string | null;
      teamRole: TTeamRole | null;
      inviter: { name: string; email: string } | null;
      expiresAt: Date;
      accountExists: boolean;
    };

/**
 * What the public invitation page may show for a link. The secret is the tenant key here; a
 * link that is not pending reveals only its status, never the org.
 */
export async function getInvitationForLink(secret: string): Promise<TInvitationLinkView> {
  if (!ZInvitationSecret.safeParse(secret).success) return { status: "invalid" };
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashInvitationSecret(secret) },
    include: { org: { select: { slug: true, name: true } } },
  });
  if (!invitation) return { status: "invalid" };
  const status = invitationStatus(invitation);
  if (status !== "pending") return { status };
  const [team, inviter, account] = await Promise.all([
    invitation.teamId
      ? db.team.findFirst({ where: { id: invitation.teamId, orgId: invitation.orgId }, select: { name: true } })
      : null,
    invitation.invitedById
      ? db.user.findUnique({ where: { id: invitation.invitedById }, select: { name: true, email: true } })
      : null,
    db.user.findUnique({ where: { email: invitation.email }, select: { id: true } }),
  ]);
  return {
    status,
    email: invitation.email,
    role: invitation.role,
    org: invitation.org,
    teamName: team?.name ?? null,
    teamRole: team ? invitation.teamRole : null,
    inviter,
    expiresAt: invitation.expiresAt,
    accountExists: Boolean(account),
  };
}
