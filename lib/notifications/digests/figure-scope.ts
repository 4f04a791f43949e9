import "server-only";
import type { Pool, PoolClient } from "pg";
import { param } from "@/lib/server/sql";

/** A pg pool or client: the job passes its transaction's client, tests and scripts the pool. */
export type TDigestSql = Pool | PoolClient;

/**
 * Whose figures one computation reads: some teams of an org, and the org as a whole when its
 * digest is due (then every row of the org, including what no team owns).
 */
export type TFigureScope = { orgId: string; teamIds: string[]; org: boolean };

/** The team filter of a figure: none when the org's own digest needs every row. */
export function teamCondition(scope: TFigureScope, alias: string, params: unknown[]): string {
  if (scope.org) return "";
  return `AND ${alias}.owner_team_id = ANY(${param(params, scope.teamIds, "uuid[]")})`;
}

/**
 * The rows of one figure's statement: `statement` adds its parameters after the org's ($1) and
 * returns the SQL that reads them.
 */
export async function figureRows<TRow extends object>(
  sql: TDigestSql,
  scope: TFigureScope,
  statement: (params: unknown[]) => string,
): Promise<TRow[]> {
  const params: unknown[] = [scope.orgId];
  const { rows } = await sql.query<TRow>(statement(params), params);
  return rows;
}

/**
 * GROUP BY for a ranked figure: per team and key, plus per key alone (GROUPING(team) = 1, the
 * org-wide ranking) when the org's digest is due.
 */
export function groupingSets(scope: TFigureScope, team: string, keys: string[]): string {
  const sets = [`(${[team, ...keys].join(", ")})`];
  if (scope.org) sets.push(`(${keys.join(", ")})`);
  return `GROUPING SETS (${sets.join(", ")})`;
}
