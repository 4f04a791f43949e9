import "server-only";
import type { TAuditEntry } from "@/lib/audit/record-audit";
import { hashToken, tokenHint } from "@/lib/auth/tokens";
import { decryptSecret, encryptSecret } from "@/lib/server/secret-box";

// Cluster agent tokens are kept encrypted (besides their hash) so that a fleet install can hand
// the existing token to a re-installed agent. The cluster id binds each value to its cluster.

const contextOf = (clusterId: string) => `api_tokens.token_ciphertext:cluster:${clusterId}`;

export const sealAgentToken = (clusterId: string, token: string): string => encryptSecret(token, contextOf(clusterId));

export const openAgentToken = (clusterId: string, sealed: string): string =>
  decryptSecret(sealed, contextOf(clusterId));

/** The api_tokens row of a new agent token for `cluster`: its hash, hint and sealed copy. */
export function agentTokenRow(
  orgId: string,
  cluster: { id: string; slug: string },
  token: string,
  actor: TAuditEntry["actor"],
) {
  return {
    orgId,
    clusterId: cluster.id,
    kind: "cluster" as const,
    name: `Agent token for ${cluster.slug}`,
    tokenHash: hashToken(token),
    hint: tokenHint(token),
    tokenCiphertext: sealAgentToken(cluster.id, token),
    createdById: "userId" in actor ? actor.userId : null,
  };
}
