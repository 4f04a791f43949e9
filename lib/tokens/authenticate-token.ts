import "server-only";
import type { TokenKind } from "@/lib/generated/prisma/client";
import { db, pool } from "@/lib/server/db";
import { hashToken, looksLikeToken, TOKEN_PREFIX, tokenMatchesHash, type TTokenFamily } from "@/lib/auth/tokens";

export type TTokenPrincipal = {
  tokenId: string;
  orgId: string;
  kind: TokenKind;
  /** Set for cluster (agent) tokens only. */
  clusterId: string | null;
  /** Recorded as the actor label in the audit log. */
  name: string;
};

/**
 * The token's identity, or null when the string is malformed, unknown, revoked, or of the wrong
 * family (`family` narrows to org or cluster tokens). Never throws for bad input.
 */
export async function authenticateToken(token: string, family?: TTokenFamily): Promise<TTokenPrincipal | null> {
  if (!looksLikeToken(token, family)) return null;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, orgId: true, kind: true, clusterId: true, name: true, tokenHash: true, revokedAt: true },
  });
  // The unique index finds the row; the constant-time comparison is what accepts it.
  if (!row || !tokenMatchesHash(token, row.tokenHash) || row.revokedAt) return null;
  // A prefix that disagrees with the stored kind means the row was not made for this token.
  if ((row.kind === "cluster") !== token.startsWith(TOKEN_PREFIX.cluster)) return null;
  await touchToken(row.id);
  return { tokenId: row.id, orgId: row.orgId, kind: row.kind, clusterId: row.clusterId, name: row.name };
}

/**
 * Records use at most once a minute per token: agents and scripts call in bursts, and a write on
 * every request would turn each read into a row update.
 */
export async function touchToken(tokenId: string): Promise<void> {
  await pool.query(
    `UPDATE api_tokens SET last_used_at = now()
      WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
    [tokenId],
  );
}
