import "server-only";
import { z } from "zod";
import type { TFindingScope } from "@/lib/auth/visibility-scope";
import { db, pool } from "@/lib/server/db";
import { keyset } from "@/lib/server/sql";
import {
  DECISION_OUTCOMES,
  DECISION_RANGES,
  DEFAULT_DECISION_RANGE,
  type TDecisionCursor,
  type TDecisionOutcomeFilter,
  type TDecisionRange,
  type TDecisionSearch,
} from "@/lib/domain/decision-filters";

export {
  decisionHref,
  DECISION_OUTCOMES,
  DECISION_RANGE_LABELS,
  DECISION_RANGES,
  DEFAULT_DECISION_RANGE,
  type TDecisionCursor,
  type TDecisionOutcomeFilter,
  type TDecisionRange,
  type TDecisionSearch,
} from "@/lib/domain/decision-filters";

// The admission decision log as the Policies pages read it: counts per team over a time range,
// and the decisions themselves newest first, keyset-paginated both ways. Visibility follows the
// findings rule: org admins read every decision including those of no team, members only their
// teams'.

const HOUR_MS = 3_600_000;
const RANGE_MS: Record<TDecisionRange, number> = {
  "24h": 24 * HOUR_MS,
  "7d": 7 * 24 * HOUR_MS,
  "30d": 30 * 24 * HOUR_MS,
  "90d": 90 * 24 * HOUR_MS,
};

const optionalText = z.string().trim().min(1).max(200).optional().catch(undefined);
const ZSearch = z.object({
  range: z.enum(DECISION_RANGES).catch(DEFAULT_DECISION_RANGE).default(DEFAULT_DECISION_RANGE),
  /** A team slug, or "none" for decisions about objects no team owns (org admins). */
  team: optionalText,
  /** A cluster slug. */
  cluster: optionalText,
  outcome: z.enum(DECISION_OUTCOMES).optional().catch(undefined),
  cursor: optionalText,
});

/** The page's URL state; unknown values are dropped, an unreadable cursor starts from the newest. */
export function parseDecisionSearch(search: Record<string, string | string[] | undefined>): TDecisionSearch {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  const raw = Object.fromEntries(Object.entries(search).map(([k, v]) => [k, first(v)]));
  const { cursor, ...rest } = ZSearch.parse(raw);
  const valid = cursor && DECISION_KEY.read(cursor, { lenient: true }) ? cursor : undefined;
  return { ...rest, ...(valid ? { cursor: valid } : {}) };
}

export function rangeStart(range: TDecisionRange, now: Date = new Date()): Date {
  return new Date(now.getTime() - RANGE_MS[range]);
}

export type TDecisionQuery = {
  since: Date;
  /** undefined: every team the scope sees; null: objects no team owns; else one team. */
  teamId?: string | null;
  clusterId?: string;
  outcome?: TDecisionOutcomeFilter;
};

/** The scope's condition on admission_decisions `d` (its team column is team_id, not owner_team_id). */
function scopeSql(scope: TFindingScope, params: unknown[]): string {
  params.push(scope.orgId);
  const org = `d.org_id = $${params.length}::uuid`;
  if (scope.teamIds === null) return scope.unassigned ? org : `${org} AND d.team_id IS NOT NULL`;
  params.push(scope.teamIds);
  const teams = `d.team_id = ANY($${params.length}::uuid[])`;
  return scope.unassigned ? `${org} AND (${teams} OR d.team_id IS NULL)` : `${org} AND ${teams}`;
}

const OUTCOME_SQL: Record<TDecisionOutcomeFilter, string> = {
  allowed: "d.outcome = 'allowed'",
  warned: "d.outcome = 'warned' AND NOT d.passive",
  would_deny: "d.passive",
  denied: "d.outcome = 'denied'",
};

function whereOf(scope: TFindingScope, query: TDecisionQuery, params: unknown[], withOutcome: boolean): string {
  const conditions = [scopeSql(scope, params)];
  params.push(query.since);
  conditions.push(`d.created_at >= $${params.length}`);
  if (query.teamId === null) conditions.push("d.team_id IS NULL");
  else if (query.teamId !== undefined) {
    params.push(query.teamId);
    conditions.push(`d.team_id = $${params.length}::uuid`);
  }
  if (query.clusterId) {
    params.push(query.clusterId);
    conditions.push(`d.cluster_id = $${params.length}::uuid`);
  }
  if (withOutcome && query.outcome) conditions.push(OUTCOME_SQL[query.outcome]);
  return conditions.join(" AND ");
}

export type TTeamDecisionCounts = {
  /** null: objects no team owns. */
  teamId: string | null;
  teamName: string | null;
  teamSlug: string | null;
  allowed: number;
  warned: number;
  wouldDeny: number;
  denied: number;
};

/** Decisions per team and outcome (the outcome filter left aside: the counts show the mix), busiest team first. */
export async function countDecisionsByTeam(
  scope: TFindingScope,
  query: TDecisionQuery,
): Promise<TTeamDecisionCounts[]> {
  const params: unknown[] = [];
  const where = whereOf(scope, query, params, false);
  const { rows } = await pool.query<TTeamDecisionCounts>(
    `SELECT d.team_id AS "teamId", t.name AS "teamName", t.slug AS "teamSlug",
            count(*) FILTER (WHERE d.outcome = 'allowed')::int AS allowed,
            count(*) FILTER (WHERE d.outcome = 'warned' AND NOT d.passive)::int AS warned,
            count(*) FILTER (WHERE d.passive)::int AS "wouldDeny",
            count(*) FILTER (WHERE d.outcome = 'denied')::int AS denied
       FROM admission_decisions d LEFT JOIN teams t ON t.id = d.team_id
      WHERE ${where}
      GROUP BY d.team_id, t.name, t.slug
      ORDER BY count(*) DESC, t.name NULLS LAST`,
    params,
  );
  return rows;
}

export type TDecisionRow = {
  id: string;
  createdAt: Date;
  clusterSlug: string;
  teamId: string | null;
  teamName: string | null;
  operation: string;
  namespace: string;
  kind: string;
  name: string;
  username: string;
  outcome: "allowed" | "warned" | "denied";
  passive: boolean;
  blocking: string[];
  warned: string[];
  exempted: string[];
};

// Newest first; "older" reads on (the keyset's next), "newer" reads back (its prev).
const DECISION_KEY = keyset<TDecisionRow>([
  { expr: "d.created_at", dir: "desc", cast: "timestamptz", of: (r) => r.createdAt },
  { expr: "d.id", dir: "desc", cast: "bigint", of: (r) => r.id },
]);

export type TDecisionPage = { data: TDecisionRow[]; older: TDecisionCursor | null; newer: TDecisionCursor | null };

/** One page of decisions, newest first, on (created_at, id); `older`/`newer` open the neighbouring pages. */
export async function listDecisions(
  scope: TFindingScope,
  query: TDecisionQuery,
  page: { limit: number; cursor?: TDecisionCursor },
): Promise<TDecisionPage> {
  const { limit } = page;
  const cursor = DECISION_KEY.read(page.cursor, { lenient: true });
  const params: unknown[] = [];
  let where = whereOf(scope, query, params, true);
  if (cursor) where += ` AND ${DECISION_KEY.where(cursor, params)}`;
  params.push(limit + 1);
  const { rows } = await pool.query<TDecisionRow>(
    `SELECT d.id::text AS id, d.created_at AS "createdAt", c.slug AS "clusterSlug", d.team_id AS "teamId",
            t.name AS "teamName", d.operation, d.namespace, d.kind, d.name, d.username, d.outcome::text AS outcome,
            d.passive, d.blocking, d.warned, d.exempted
       FROM admission_decisions d
       JOIN clusters c ON c.id = d.cluster_id
       LEFT JOIN teams t ON t.id = d.team_id
      WHERE ${where}
      ORDER BY ${DECISION_KEY.orderBy(cursor)}
      LIMIT $${params.length}`,
    params,
  );
  const { data, next, prev } = DECISION_KEY.page(rows, limit, cursor);
  return { data, older: next, newer: prev };
}

/** Whether the scope has any decision at all, ever: the page explains how to connect the webhook when not. */
export async function hasDecisions(scope: TFindingScope): Promise<boolean> {
  const params: unknown[] = [];
  const where = scopeSql(scope, params);
  const { rows } = await pool.query<{ any: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM admission_decisions d WHERE ${where}) AS any`,
    params,
  );
  return rows[0]?.any ?? false;
}

/** The org's clusters, for the log's cluster filter. */
export async function listDecisionClusters(orgId: string) {
  return db.cluster.findMany({
    where: { orgId },
    orderBy: { slug: "asc" },
    select: { id: true, slug: true, name: true },
  });
}
