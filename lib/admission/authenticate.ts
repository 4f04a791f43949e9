import "server-only";
import { bearerToken } from "@/lib/auth/tokens";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { AppError } from "@/lib/server/errors";
import { enforceRateLimit } from "@/lib/server/rate-limit";
import { authenticateToken } from "@/lib/tokens/authenticate-token";
import type { TClusterPrincipal } from "@/lib/ingest/authenticate-cluster";

/**
 * The admission webhook URL names the cluster only (the API server's kubeconfig holds one token and
 * one URL), so the cluster token alone gives the org; its cluster must carry the slug in the path.
 * Every mismatch answers the same 403, so a token holder learns nothing about other clusters.
 */
export async function authenticateAdmissionRequest(req: Request, clusterSlug: string): Promise<TClusterPrincipal> {
  const raw = bearerToken(req.headers);
  if (!raw) throw new AppError("unauthorized", "Send the cluster's agent token: Authorization: Bearer <token>.");
  const token = await authenticateToken(raw);
  if (!token) throw new AppError("unauthorized", "The token is invalid or revoked.");
  const denied = new AppError("forbidden", "This token cannot review admissions for this cluster.");
  if (token.kind !== "cluster" || !token.clusterId) throw denied;
  const cluster = await db.cluster.findUnique({
    where: { id: token.clusterId },
    select: { id: true, orgId: true, slug: true },
  });
  if (!cluster || cluster.orgId !== token.orgId || cluster.slug !== clusterSlug) throw denied;
  // The API server calls once per write, in bursts during rollouts: a budget of its own, far above
  // the agent's, only contains a runaway loop (a refused review fails open, unchecked).
  const { BUMPERS_RATE_LIMIT_ADMISSION_PER_MINUTE: limit } = env();
  await enforceRateLimit(`admission:token:${token.tokenId}`, limit, 60, "admission reviews with this cluster token");
  return { orgId: cluster.orgId, clusterId: cluster.id, tokenId: token.tokenId };
}
