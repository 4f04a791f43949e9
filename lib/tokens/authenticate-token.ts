import "server-only";
import type { TokenKind } from "@/lib/generated/prisma/client";
import { pool } from "@/lib/server/db";
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

export type TTokenOrg = { id: string; slug: string; name: string };

type TTokenRow = {
  id: string;
  org_id: string;
  kind: TokenKind;
  cluster_id: string | null;
  name: string;
  token_hash: string;
  revoked_at: Date | null;
  /** Whether last_used_at is unset or older than a minute (judged by the database's clock). */
  stale: boolean;
  org_slug: string;
  org_name: string;
};

/**
 * The token's identity and its organization, or null when the string is malformed, unknown,
 * revoked, or of the wrong family. One read per request (token and org together); the use is
 * recorded only when the last record is over a minute old. Never throws for bad input.
 */
export async function authenticateTokenWithOrg(
  token: string,
  family?: TTokenFamily,
): Promise<{ principal: TTokenPrincipal; org: TTokenOrg } | null> {
  if (!looksLikeToken(token, family)) return null;
  const { rows } = await pool.query<TTokenRow>(
    `SELECT t.id, t.org_id, t.kind, t.cluster_id, t.name, t.token_hash, t.revoked_at,
            (t.last_used_at IS NULL OR t.last_used_at < now() - interval '1 minute') AS stale,
            o.slug AS org_slug, o.name AS org_name
       FROM api_tokens t JOIN organizations o ON o.id = t.org_id
      WHERE t.token_hash = $1`,
    [hashToken(token)],
  );
  const row = rows[0];
  // The unique index finds the row; the constant-time comparison is what accepts it.
  if (!row || !tokenMatchesHash(token, row.token_hash) || row.revoked_at) return null;
  // A prefix that disagrees with the stored kind means the row was not made for this token.
  if ((row.kind === "cluster") !== token.startsWith(TOKEN_PREFIX.cluster)) return null;
  if ((row.kind === "scim") !== token.startsWith(TOKEN_PREFIX.scim)) return null;
  if (row.stale) await touchToken(row.id);
  return {
    principal: { tokenId: row.id, orgId: row.org_id, kind: row.kind, clusterId: row.cluster_id, name: row.name },
    org: { id: row.org_id, slug: row.org_slug, name: row.org_name },
  };
}

/**
 * The token's identity, or null when the string is malformed, unknown, revoked, or of the wrong
 * family (`family` narrows to org or cluster tokens). Never throws for bad input.
 */
export async function authenticateToken(token: string, family?: TTokenFamily): Promise<TTokenPrincipal | null> {
  return (await authenticateTokenWithOrg(token, family))?.principal ?? null;
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
