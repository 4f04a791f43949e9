import "server-only";
import { recordAudit, type TAuditEntry } from "@/lib/audit/record-audit";
import { db } from "@/lib/server/db";
import { AppError, notFound } from "@/lib/server/errors";
import { isRowId } from "./row-id";

/** Revokes one of the org's SCIM tokens; the IdP's next provisioning request with it is refused. */
export async function revokeScimToken(
  orgId: string,
  actor: TAuditEntry["actor"],
  tokenId: string,
): Promise<{ id: string; name: string }> {
  if (!isRowId(tokenId)) throw notFound("SCIM token not found.");
  return db.$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({
      where: { id: tokenId, orgId, kind: "scim" },
      select: { id: true, name: true, hint: true },
    });
    if (!token) throw notFound("SCIM token not found.");
    // The condition makes a concurrent second revoke a conflict instead of a second audit row.
    const { count } = await tx.apiToken.updateMany({
      where: { id: token.id, orgId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) throw new AppError("conflict", "This token is already revoked.");
    await recordAudit(tx, {
      orgId,
      actor,
      action: "scim.token_revoked",
      target: { type: "api_token", id: token.id, label: token.name },
      before: { status: "active", kind: "scim", hint: token.hint },
      after: { status: "revoked", kind: "scim", hint: token.hint },
    });
    return { id: token.id, name: token.name };
  });
}
