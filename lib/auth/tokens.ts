import { constantTimeEqual, randomSecret, sha256Hex } from "@/lib/server/crypto";

// Prefixes say what a token is so that secret scanners can find leaked ones.
export const TOKEN_PREFIX = { org: "bmp_org_", cluster: "bmp_cl_", scim: "bmp_scim_" } as const;
export type TTokenFamily = keyof typeof TOKEN_PREFIX;

const TOKEN_PATTERN = /^bmp_(org|cl|scim)_[A-Za-z0-9_-]{43}$/;

export function generateToken(family: TTokenFamily): string {
  return TOKEN_PREFIX[family] + randomSecret();
}

export function hashToken(token: string): string {
  return sha256Hex(token);
}

/** Prefix plus four characters: enough to recognise a token in a list, useless to an attacker. */
export function tokenHint(token: string): string {
  const prefix = Object.values(TOKEN_PREFIX).find((p) => token.startsWith(p)) ?? TOKEN_PREFIX.org;
  return token.slice(0, prefix.length + 4) + "…";
}

export function looksLikeToken(token: string, family?: TTokenFamily): boolean {
  if (!TOKEN_PATTERN.test(token)) return false;
  return family ? token.startsWith(TOKEN_PREFIX[family]) : true;
}

export function tokenMatchesHash(token: string, storedHash: string): boolean {
  return constantTimeEqual(hashToken(token), storedHash);
}

/** Reads `Authorization: Bearer <token>`; null when absent or malformed. */
export function bearerToken(headers: Headers): string | null {
  const value = headers.get("authorization");
  const match = value?.match(/^Bearer\s+(\S+)\s*$/i);
  return match ? match[1] : null;
}
