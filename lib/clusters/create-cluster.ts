import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { generateToken } from "@/lib/auth/tokens";
import { recordAudit, type TAuditEntry } from "@/lib/audit/record-audit";
import { assertClusterRoom } from "@/lib/quotas/cluster-quota";
import { agentTokenRow } from "./agent-token-secret";

/**
 * Creates a cluster with its agent token. The token is returned; the database keeps its hash (to
 * authenticate) and an encrypted copy (for fleet installs), never the plain value.
 */
export async function createCluster(orgId: string, actor: TAuditEntry["actor"], input: { slug: string; name: string }) {
  const token = generateToken("cluster");
  try {
    const cluster = await db.$transaction(async (tx) => {
      await assertClusterRoom(tx, orgId);
      const created = await tx.cluster.create({ data: { orgId, slug: input.slug, name: input.name } });
      await tx.apiToken.create({ data: agentTokenRow(orgId, created, token, actor) });
      await recordAudit(tx, {
        orgId,
        actor,
        action: "cluster.created",
        target: { type: "cluster", id: created.id, label: created.slug },
        after: { slug: created.slug, name: created.name },
      });
      return created;
    });
    return { cluster, token };
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      throw new AppError("conflict", `A cluster named "${input.slug}" already exists.`, { field: "slug" });
    }
    throw err;
  }
}
