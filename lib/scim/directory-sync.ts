import "server-only";
import { revokeUserSessions } from "@/lib/auth/session-user";
import { db, type Tx } from "@/lib/server/db";
import { accessChanged, syncDirectoryAccess, type TAccessChange } from "@/lib/sso/directory-access";

// Every SCIM write runs in one transaction that holds the org's SCIM lock: identity providers send
// requests in parallel (Entra several at once), and two of them changing the same person's groups
// would otherwise race on the memberships the directory sync creates. After the write, each
// affected person's memberships are made to match their groups (lib/sso/directory-access.ts).

/** Long enough for a group replace that moves thousands of people; the lock wait counts too. */
const TRANSACTION = { timeout: 300_000, maxWait: 30_000 };

export function scimTransaction<T>(orgId: string, write: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`scim:${orgId}`}, 0))`;
    return write(tx);
  }, TRANSACTION);
}

export type TSyncResult = {
  changes: Map<string, TAccessChange>;
  /** People whose last membership anywhere this removed: their sessions are revoked after commit. */
  lostAllAccess: string[];
};

/**
 * Runs the directory sync for each of these Bumpers users, in the caller's transaction. An active
 * SCIM user may get a membership (role: the SSO connection's default role, member without one);
 * a deactivated or deleted one may not.
 */
export async function syncScimUsers(tx: Tx, orgId: string, userIds: Iterable<string>): Promise<TSyncResult> {
  const ids = [...new Set(userIds)].sort();
  const changes = new Map<string, TAccessChange>();
  if (ids.length === 0) return { changes, lostAllAccess: [] };
  const connection = await tx.ssoConnection.findUnique({ where: { orgId }, select: { defaultRole: true } });
  const scimUsers = await tx.scimUser.findMany({
    where: { orgId, userId: { in: ids } },
    select: { userId: true, active: true },
  });
  // The directory never makes owners by default, as for sign-ins (lib/sso/connections.ts).
  const defaultRole = connection?.defaultRole === "admin" ? "admin" : "member";
  const active = new Map(scimUsers.map((u) => [u.userId, u.active]));
  for (const userId of ids) {
    const createMembership = active.get(userId) ?? false;
    changes.set(
      userId,
      await syncDirectoryAccess(tx, { orgId, userId, source: "scim", createMembership, defaultRole }),
    );
  }
  const removed = ids.filter((id) => changes.get(id)!.membership === "removed");
  if (removed.length === 0) return { changes, lostAllAccess: [] };
  const remaining = await tx.membership.findMany({ where: { userId: { in: removed } }, select: { userId: true } });
  const stillMember = new Set(remaining.map((m) => m.userId));
  return { changes, lostAllAccess: removed.filter((id) => !stillMember.has(id)) };
}

/** Ends the sessions of people who lost their last membership (after the transaction committed). */
export async function revokeSessionsOf(userIds: readonly string[]): Promise<void> {
  for (const userId of userIds) await revokeUserSessions(userId);
}

/** The audit row's view of one person's access change; undefined when nothing changed. */
export function accessAudit(change: TAccessChange | undefined) {
  if (!change || !accessChanged(change)) return undefined;
  return {
    membership: change.membership,
    ...(change.orgRole ? { orgRole: change.orgRole } : {}),
    teamsAdded: change.teamsAdded,
    teamsRemoved: change.teamsRemoved,
    teamsChanged: change.teamsChanged,
  };
}

/** How many people's access changed, for group audit rows (which may touch thousands). */
export function accessCounts(result: TSyncResult) {
  const changed = [...result.changes.values()].filter(accessChanged);
  return {
    people: changed.length,
    membershipsCreated: changed.filter((c) => c.membership === "created").length,
    membershipsRemoved: changed.filter((c) => c.membership === "removed").length,
    teamMembershipsAdded: changed.reduce((n, c) => n + c.teamsAdded.length, 0),
    teamMembershipsRemoved: changed.reduce((n, c) => n + c.teamsRemoved.length, 0),
  };
}
