import "server-only";
import { db } from "@/lib/server/db";

const TOKEN_COLUMNS = {
  id: true,
  name: true,
  kind: true,
  hint: true,
  createdById: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
} as const;

// Active tokens first, then the most recently revoked.
const ACTIVE_FIRST = [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }] as const;

async function creatorsById(ids: (string | null)[]) {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  if (!unique.length) return new Map<string, { name: string; email: string }>();
  const users = await db.user.findMany({
    where: { id: { in: unique } },
    select: { id: true, name: true, email: true },
  });
  return new Map(users.map((u) => [u.id, { name: u.name, email: u.email }]));
}

/** Org API tokens (never their hash), with who created them. */
export async function listOrgTokens(orgId: string) {
  const tokens = await db.apiToken.findMany({
    where: { orgId, kind: { in: ["org_read", "org_admin", "ci"] } },
    orderBy: [...ACTIVE_FIRST],
    select: TOKEN_COLUMNS,
  });
  const creators = await creatorsById(tokens.map((t) => t.createdById));
  return tokens.map(({ createdById, ...t }) => ({
    ...t,
    createdBy: createdById ? (creators.get(createdById) ?? null) : null,
  }));
}

/** Cluster agent tokens, grouped by cluster. */
export async function listClusterTokens(orgId: string) {
  return db.apiToken.findMany({
    where: { orgId, kind: "cluster" },
    orderBy: [{ cluster: { slug: "asc" } }, ...ACTIVE_FIRST],
    select: {
      id: true,
      hint: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      cluster: { select: { id: true, slug: true, name: true } },
    },
  });
}

export type TOrgTokenRow = Awaited<ReturnType<typeof listOrgTokens>>[number];
export type TClusterTokenRow = Awaited<ReturnType<typeof listClusterTokens>>[number];
