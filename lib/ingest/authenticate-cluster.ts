import "server-only";
import { bearerToken } from "@/lib/auth/tokens";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { AppError } from "@/lib/server/errors";
import { enforceRateLimit } from "@/lib/server/rate-limit";
import { authenticateToken } from "@/lib/tokens/authenticate-token";

export type TClusterPrincipal = { orgId: string; clusterId: string; tokenId: string };

/**
 * The agent's cluster token must belong to the cluster named in the path. Every mismatch answers
 * the same 403, so a token holder learns nothing about other organizations or clusters.
 */
export async function authenticateClusterRequest(
  req: Request,
  orgSlug: string,
  clusterSlug: string,
  /** Which per-token budget the request counts against: the agent's uploads, or admission reviews. */
  budget: "ingest" | "admission" = "ingest",
): Promise<TClusterPrincipal> {
  const raw = bearerToken(req.headers);
  if (!raw) throw new AppError("unauthorized", "Send the cluster's agent token: Authorization: Bearer <token>.");
  const token = await authenticateToken(raw);
  if (!token) throw new AppError("unauthorized", "The token is invalid or revoked.");
  const denied = new AppError("forbidden", "This token cannot upload reports for this cluster.");
  if (token.kind !== "cluster" || !token.clusterId) throw denied;
  const cluster = await db.cluster.findUnique({
    where: { id: token.clusterId },
    select: { id: true, orgId: true, slug: true, org: { select: { slug: true } } },
  });
  if (!cluster || cluster.orgId !== token.orgId || cluster.slug !== clusterSlug || cluster.org.slug !== orgSlug) {
    throw denied;
  }
  // Per token, after it is known to be genuine: a looping agent slows itself, not its neighbours.
  // Admission reviews come in bursts (a rollout) and fail open when refused: a budget of their own.
  const e = env();
  const limit =
    budget === "admission" ? e.BUMPERS_RATE_LIMIT_ADMISSION_PER_MINUTE : e.BUMPERS_RATE_LIMIT_INGEST_PER_MINUTE;
  const what = budget === "admission" ? "admission reviews" : "requests";
  await enforceRateLimit(`${budget}:token:${token.tokenId}`, limit, 60, `${what} with this cluster token`);
  return { orgId: cluster.orgId, clusterId: cluster.id, tokenId: token.tokenId };
}
