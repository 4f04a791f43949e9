import "server-only";
import { revokeUserSessions } from "@/lib/auth/session-user";
import { db, type Tx } from "@/lib/server/db";
import { accessChanged, syncDirectoryAccess, type TAccessChange } from "@/lib/sso/directory-access";
import { withBatchReads } from "./batch-reads";

// Every SCIM write runs in one transaction that holds the org's SCIM lock: identity providers send
// requests in parallel (Entra several at once), and two of them changing the same person's groups
// would otherwise race on the memberships the directory sync creates. After the write, each
// affected person's memberships are made to match their groups (lib/sso/directory-access.ts).

/** People synced side by side in one transaction (see syncScimUsers). */
const SYNC_SLICE = 200;

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

/** A Bumpers user to sync, and whether their SCIM record is active (false once it is deleted). */
export type TPerson = { userId: string; active: boolean };

/**
 * Runs the directory sync for each of these people, in the caller's transaction. An active SCIM
 * user may get a membership (role: the SSO connection's default role, member without one); a
 * deactivated or deleted one may not. A person listed twice is synced once.
 */
export async function syncScimUsers(tx: Tx, orgId: string, people: readonly TPerson[]): Promise<TSyncResult> {
  const active = new Map(people.map((p) => [p.userId, p.active]));
  const ids = [...active.keys()].sort();
  const changes = new Map<string, TAccessChange>();
  if (ids.length === 0) return { changes, lostAllAccess: [] };
  const connection = await tx.ssoConnection.findUnique({ where: { orgId }, select: { defaultRole: true } });
  // The directory never makes owners by default, as for sign-ins (lib/sso/connections.ts).
  const defaultRole = connection?.defaultRole === "admin" ? "admin" : "member";
  const batch = withBatchReads(tx);
  // People are synced side by side, in slices: each sync touches only its own person's rows, and
  // Prisma answers the findUnique reads of a slice (SCIM record, membership, SSO identity) with one
  // statement each instead of one per person. A group change of 100 people costs a few statements
  // per person instead of every read of the sync.
  for (let from = 0; from < ids.length; from += SYNC_SLICE) {
    const slice = ids.slice(from, from + SYNC_SLICE);
    const settled = await Promise.allSettled(
      slice.map((userId) =>
        syncDirectoryAccess(batch, {
          orgId,
          userId,
          source: "scim",
          createMembership: active.get(userId) ?? false,
          defaultRole,
        }),
      ),
    );
    // Every sync of the slice has finished before the transaction may end.
    const failed = settled.find((r) => r.status === "rejected");
    if (failed) throw failed.reason;
    slice.forEach((userId, i) => changes.set(userId, (settled[i] as PromiseFulfilledResult<TAccessChange>).value));
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
