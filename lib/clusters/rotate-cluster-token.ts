import "server-only";
import { db } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";
import { generateToken } from "@/lib/auth/tokens";
import { recordAudit, type TAuditEntry } from "@/lib/audit/record-audit";
import { isRowId } from "@/lib/tokens/schemas";
import { agentTokenRow } from "./agent-token-secret";

/**
 * Revokes the cluster's agent token(s) and issues a new one in one transaction, so there is
 * never a moment with two valid tokens or none. The new secret is returned, and kept encrypted for
 * fleet installs (which is also how a token made before that was kept becomes readable).
 */
export async function rotateClusterToken(orgId: string, actor: TAuditEntry["actor"], clusterId: string) {
  if (!isRowId(clusterId)) throw notFound("Cluster not found.");
  const secret = generateToken("cluster");
  const result = await db.$transaction(async (tx) => {
    // Locking the cluster row serializes concurrent rotations: each sees the other's new token.
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM clusters WHERE id = ${clusterId}::uuid AND org_id = ${orgId}::uuid FOR UPDATE`;
    if (!locked.length) throw notFound("Cluster not found.");
    const cluster = await tx.cluster.findUniqueOrThrow({ where: { id: clusterId }, select: { id: true, slug: true } });
    const previous = await tx.apiToken.findMany({
      where: { orgId, clusterId, kind: "cluster", revokedAt: null },
      select: { hint: true },
    });
    await tx.apiToken.updateMany({
      where: { orgId, clusterId, kind: "cluster", revokedAt: null },
      // A revoked token is never handed out again, so its encrypted copy has no reason to stay.
      data: { revokedAt: new Date(), tokenCiphertext: null },
    });
    const created = await tx.apiToken.create({
      data: agentTokenRow(orgId, cluster, secret, actor),
      select: { id: true, hint: true },
    });
    await recordAudit(tx, {
      orgId,
      actor,
      action: "cluster.token_rotated",
      target: { type: "cluster", id: cluster.id, label: cluster.slug },
      before: { token: previous.map((t) => t.hint).join(", ") || null },
      after: { token: created.hint },
    });
    return { cluster, token: created };
  });
  return { ...result, secret };
}
