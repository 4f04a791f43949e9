import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/server/db";
import type { TActor } from "@/lib/auth/access";

export type TAuditEntry = {
  orgId: string;
  actor: TActor | { tokenId: string; label: string };
  /** Dotted verb: "member.invited", "team.scope_changed", "token.revoked"… */
  action: string;
  target: { type: string; id?: string | null; label?: string };
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
};

/** Written inside the caller's transaction so the action and its record commit together. */
export async function recordAudit(tx: Tx, entry: TAuditEntry): Promise<void> {
  const actor = entry.actor;
  await tx.auditLog.create({
    data: {
      orgId: entry.orgId,
      actorUserId: "userId" in actor ? actor.userId : null,
      actorTokenId: "tokenId" in actor ? actor.tokenId : null,
      actorLabel: actor.label,
      action: entry.action,
      targetType: entry.target.type,
      targetId: entry.target.id ?? null,
      targetLabel: entry.target.label ?? "",
      ...(entry.before != null ? { before: entry.before } : {}),
      ...(entry.after != null ? { after: entry.after } : {}),
    },
  });
}
