import "server-only";
import { decryptSecret, encryptSecret } from "@/lib/server/secret-box";

// Cluster agent tokens are kept encrypted (besides their hash) so that a fleet install can hand
// the existing token to a re-installed agent. The cluster id binds each value to its cluster.

const contextOf = (clusterId: string) => `api_tokens.token_ciphertext:cluster:${clusterId}`;

export const sealAgentToken = (clusterId: string, token: string): string => encryptSecret(token, contextOf(clusterId));

export const openAgentToken = (clusterId: string, sealed: string): string =>
  decryptSecret(sealed, contextOf(clusterId));
