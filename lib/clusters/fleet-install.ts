import "server-only";
import { bearerToken } from "@/lib/auth/tokens";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { SecretBoxError } from "@/lib/server/secret-box";
import { authenticateToken } from "@/lib/tokens/authenticate-token";
import { openAgentToken } from "./agent-token-secret";
import { createCluster } from "./create-cluster";
import { ZClusterSlug } from "./schemas";
import { enforceApiTokenLimit } from "@/lib/server/rate-limit";

// The insights-agent chart's fleet installer (fleetInstall=true) runs, with an org admin token:
//   GET  /v0/organizations/{org}/clusters/{cluster}?showToken=true   → 404, or the cluster
//   POST /v0/organizations/{org}/clusters/{cluster}                  → creates it (on 404 only)
// and cuts the agent token out of the body with sed 's/^.*"AuthToken":"\([^{"}]*\)".*$/\1/',
// so the body must be one line of compact JSON.

export type TFleetPrincipal = { orgId: string; orgSlug: string; actor: { tokenId: string; label: string } };

/** What the chart reads: field names as Fairwinds Insights spells them. */
export type TFleetCluster = { Name: string; Slug: string; Organization: string; AuthToken?: string };

/**
 * The org admin token of the organization named in the path. Every other credential is refused
 * before anything about that organization is read, so a token learns nothing about other orgs.
 */
export async function authenticateFleetRequest(req: Request, orgSlug: string): Promise<TFleetPrincipal> {
  const raw = bearerToken(req.headers);
  if (!raw) throw new AppError("unauthorized", "Send an org admin token: Authorization: Bearer <token>.");
  const token = await authenticateToken(raw);
  if (!token) throw new AppError("unauthorized", "The token is invalid or revoked.");
  if (token.kind === "cluster") {
    throw new AppError(
      "forbidden",
      "A cluster agent token only uploads reports; a fleet install needs an org admin token.",
    );
  }
  if (token.kind !== "org_admin") {
    throw new AppError("forbidden", "A read token cannot install clusters; a fleet install needs an org admin token.");
  }
  const org = await db.organization.findUnique({ where: { id: token.orgId }, select: { slug: true } });
  if (!org || org.slug !== orgSlug) throw new AppError("forbidden", "This token belongs to another organization.");
  await enforceApiTokenLimit(token.tokenId);
  return { orgId: token.orgId, orgSlug: org.slug, actor: { tokenId: token.tokenId, label: token.name } };
}

const rotateHint =
  "Rotate the cluster's agent token once on the Clusters page (the new one is kept for fleet installs), " +
  "then run the install again.";

/** The active agent token in plain text, or a 409 saying how to make it readable. */
async function readAgentToken(orgId: string, clusterId: string): Promise<string> {
  const active = await db.apiToken.findFirst({
    where: { orgId, clusterId, kind: "cluster", revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: { tokenCiphertext: true },
  });
  if (!active) throw new AppError("conflict", `This cluster has no active agent token. ${rotateHint}`);
  if (!active.tokenCiphertext) {
    throw new AppError(
      "conflict",
      `This cluster's agent token was created before Bumpers kept tokens for fleet installs, so it cannot be shown. ${rotateHint}`,
    );
  }
  try {
    return openAgentToken(clusterId, active.tokenCiphertext);
  } catch (err) {
    if (!(err instanceof SecretBoxError)) throw err;
    // Typically BUMPERS_ENCRYPTION_KEY changed without BUMPERS_ENCRYPTION_KEY_PREVIOUS.
    throw new AppError(
      "conflict",
      `This cluster's agent token cannot be read with the current encryption key. ${rotateHint}`,
    );
  }
}

/** The cluster named `clusterSlug`, with its agent token when `showToken`; null when there is none. */
export async function findFleetCluster(
  principal: TFleetPrincipal,
  clusterSlug: string,
  { showToken }: { showToken: boolean },
): Promise<TFleetCluster | null> {
  const cluster = await db.cluster.findUnique({
    where: { orgId_slug: { orgId: principal.orgId, slug: clusterSlug } },
    select: { id: true, slug: true, name: true },
  });
  if (!cluster) return null;
  const shown: TFleetCluster = { Name: cluster.name, Slug: cluster.slug, Organization: principal.orgSlug };
  return showToken ? { ...shown, AuthToken: await readAgentToken(principal.orgId, cluster.id) } : shown;
}

/**
 * Creates the cluster (named after its slug, audited with the token as the actor), or answers
 * the existing one: the chart retries, and two installs of one cluster may race.
 */
export async function ensureFleetCluster(principal: TFleetPrincipal, clusterSlug: string): Promise<TFleetCluster> {
  const parsed = ZClusterSlug.safeParse(clusterSlug);
  // The agent uploads under the name exactly as given, so a name that parsing would change is refused too.
  if (!parsed.success || parsed.data !== clusterSlug) {
    const why = parsed.success ? "Lowercase letters, digits and hyphens only." : parsed.error.issues[0].message;
    throw new AppError("bad_request", `The cluster name in the URL is not valid: ${why}`, { field: "cluster" });
  }
  const existing = await findFleetCluster(principal, clusterSlug, { showToken: true });
  if (existing) return existing;
  try {
    const { cluster, token } = await createCluster(principal.orgId, principal.actor, {
      slug: clusterSlug,
      name: clusterSlug,
    });
    return { Name: cluster.name, Slug: cluster.slug, Organization: principal.orgSlug, AuthToken: token };
  } catch (err) {
    if (!(err instanceof AppError && err.code === "conflict")) throw err;
    const created = await findFleetCluster(principal, clusterSlug, { showToken: true });
    if (!created) throw err;
    return created;
  }
}
