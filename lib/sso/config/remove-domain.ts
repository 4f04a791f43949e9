import "server-only";
import { recordAudit, type TAuditEntry } from "@/lib/audit/record-audit";
import { db } from "@/lib/server/db";
import { AppError, notFound } from "@/lib/server/errors";

/**
 * Gives a claimed domain up: its addresses no longer go to the org's IdP. The last domain of an
 * enforced connection stays until enforcement is switched off (enforcement would apply to nobody).
 */
export async function removeDomain(orgId: string, actor: TAuditEntry["actor"], rawDomain: string): Promise<void> {
  const domain = rawDomain.trim().toLowerCase();
  await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT org_id FROM sso_connections WHERE org_id = ${orgId}::uuid FOR UPDATE`;
    const row = await tx.ssoDomain.findUnique({ where: { orgId_domain: { orgId, domain } } });
    if (!row) throw notFound("This domain is not claimed by this organization.");
    const connection = await tx.ssoConnection.findUnique({ where: { orgId }, select: { enforced: true } });
    if (connection?.enforced && (await tx.ssoDomain.count({ where: { orgId } })) === 1) {
      throw new AppError(
        "conflict",
        "This is the last claimed domain of an enforced connection: switch enforcement off first.",
      );
    }
    await tx.ssoDomain.delete({ where: { orgId_domain: { orgId, domain } } });
    await recordAudit(tx, {
      orgId,
      actor,
      action: "sso.domain_removed",
      target: { type: "sso_domain", id: domain, label: domain },
      before: { domain },
    });
  });
}
