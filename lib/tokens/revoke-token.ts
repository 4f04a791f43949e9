import "server-only";
import { db } from "@/lib/server/db";
import { AppError, notFound } from "@/lib/server/errors";
import { recordAudit, type TAuditEntry } from "@/lib/audit/record-audit";
import { isRowId } from "./schemas";

/**
 * Revokes an org or cluster token of this org; it stops working at once. SCIM tokens are the
 * owners' (Settings → Single sign-on, lib/sso/config/revoke-scim-token.ts): not found here.
 */
export async function revokeToken(orgId: string, actor: TAuditEntry["actor"], tokenId: string) {
  if (!isRowId(tokenId)) throw notFound("Token not found.");
  return db.$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({
      where: { id: tokenId, orgId, kind: { not: "scim" } },
      select: { id: true, name: true, kind: true, hint: true, revokedAt: true, cluster: { select: { slug: true } } },
    });
    if (!token) throw notFound("Token not found.");
    // The revoked_at condition makes a concurrent second revoke a no-op instead of a second audit row.
    const revokedAt = new Date();
    const { count } = await tx.apiToken.updateMany({
      where: { id: token.id, orgId, revokedAt: null },
      // A revoked token need not be readable any more: drop its encrypted copy with it.
      data: { revokedAt, tokenCiphertext: null },
    });
    if (count === 0) throw new AppError("conflict", "This token is already revoked.");
    // Unchanged context on both sides: the summary shows "status: active → revoked" only.
    const context = { kind: token.kind, hint: token.hint, ...(token.cluster ? { cluster: token.cluster.slug } : {}) };
    await recordAudit(tx, {
      orgId,
      actor,
      action: "token.revoked",
      target: { type: "api_token", id: token.id, label: token.name },
      before: { status: "active", ...context },
      after: { status: "revoked", ...context },
    });
    return { id: token.id, name: token.name, revokedAt };
  });
}
