import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/server/db";
import { param, type TSqlExecutor } from "@/lib/server/sql";
import type { TActor } from "@/lib/auth/access";

export type TAuditEntry = {
  orgId: string;
  /**
   * A user, an API token, someone without a session who holds a signed link (an unsubscribe), or
   * Bumpers itself (an automation rule acting in the worker).
   */
  actor:
    TActor | { tokenId: string; label: string } | { signedLink: true; label: string } | { system: true; label: string };
  /** Dotted verb: "member.invited", "team.scope_changed", "token.revoked"… */
  action: string;
  target: { type: string; id?: string | null; label?: string };
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
};

/**
 * Written inside the caller's transaction so the action and its record commit together. `executor`
 * is a Prisma transaction (configuration verbs) or a pg client/pool (SQL verbs, see TSqlExecutor):
 * the same row either way.
 */
export async function recordAudit(executor: Tx | TSqlExecutor, entry: TAuditEntry): Promise<void> {
  const actor = entry.actor;
  const row = {
    orgId: entry.orgId,
    actorUserId: "userId" in actor ? actor.userId : null,
    actorTokenId: "tokenId" in actor ? actor.tokenId : null,
    actorLabel: actor.label,
    action: entry.action,
    targetType: entry.target.type,
    targetId: entry.target.id ?? null,
    targetLabel: entry.target.label ?? "",
  };
  if ("auditLog" in executor) {
    await executor.auditLog.create({
      data: {
        ...row,
        ...(entry.before != null ? { before: entry.before } : {}),
        ...(entry.after != null ? { after: entry.after } : {}),
      },
    });
    return;
  }
  const p: unknown[] = [];
  const json = (v: Prisma.InputJsonValue | null | undefined) => (v != null ? JSON.stringify(v) : null);
  await executor.query(
    `INSERT INTO audit_logs (org_id, actor_user_id, actor_token_id, actor_label, action, target_type, target_id,
                             target_label, before, after)
     VALUES (${param(p, row.orgId, "uuid")}, ${param(p, row.actorUserId, "uuid")}, ${param(p, row.actorTokenId, "uuid")},
             ${param(p, row.actorLabel)}, ${param(p, row.action)}, ${param(p, row.targetType)}, ${param(p, row.targetId)},
             ${param(p, row.targetLabel)}, ${param(p, json(entry.before), "jsonb")}, ${param(p, json(entry.after), "jsonb")})`,
    p,
  );
}
