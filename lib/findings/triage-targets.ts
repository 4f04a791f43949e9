import "server-only";
import type pg from "pg";
import type { z } from "zod";
import { pool } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { inTransaction } from "@/lib/server/sql";
import { scopeCondition } from "@/lib/auth/visibility-scope";
import type { TTriageContext } from "./triage-context";

/** Parses a verb's input; a problem is a 400 naming the field, for actions and API routes alike. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, field: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  // An object's issue names its own key; anything else is reported on `field`.
  const key = issue?.path[0];
  throw new AppError("bad_request", issue?.message ?? "This value is not valid.", {
    field: typeof key === "string" ? key : field,
    issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })),
  });
}

export type TTarget = { id: string; orgId: string; ownerTeamId: string | null };

/**
 * Loads the findings `ids` for a triage action and checks them all before anything changes:
 * any id the caller cannot see → not_found, any they may not triage → forbidden. With `lock`,
 * the rows stay locked (in id order, so concurrent bulk actions cannot deadlock each other) until
 * the transaction ends, so an ownership move cannot slip between this check and the update.
 */
export async function authorizeTargets(
  client: pg.ClientBase,
  ctx: TTriageContext,
  ids: readonly string[],
  options: { lock: boolean },
): Promise<TTarget[]> {
  const params: unknown[] = [ids];
  const visible = scopeCondition(ctx.scope, "f", params);
  const triageable = scopeCondition(ctx.triageScope, "f", params);
  const { rows } = await client.query<{
    id: string;
    org_id: string;
    owner_team_id: string | null;
    triageable: boolean;
  }>(
    `SELECT f.id, f.org_id, f.owner_team_id, coalesce((${triageable}), false) AS triageable
       FROM findings f
      WHERE f.id = ANY($1::uuid[]) AND ${visible}
      ORDER BY f.id
      ${options.lock ? "FOR UPDATE OF f" : ""}`,
    params,
  );
  if (rows.length < ids.length) {
    const found = new Set(rows.map((r) => r.id));
    const missing = ids.filter((id) => !found.has(id));
    throw new AppError(
      "not_found",
      ids.length === 1 ? "Finding not found." : `${missing.length} of the selected findings were not found.`,
      { ids: missing },
    );
  }
  const refused = rows.filter((r) => !r.triageable).map((r) => r.id);
  if (refused.length > 0) {
    throw new AppError(
      "forbidden",
      ids.length === 1
        ? "Your role does not allow triaging this finding."
        : `Your role does not allow triaging ${refused.length} of the selected findings; nothing was changed.`,
      { ids: refused },
    );
  }
  return rows.map((r) => ({ id: r.id, orgId: r.org_id, ownerTeamId: r.owner_team_id }));
}

/** Runs `fn` in one transaction on its own connection, after authorizing (and locking) `ids`. */
export async function withTargets<T>(
  ctx: TTriageContext,
  ids: readonly string[],
  options: { lock: boolean },
  fn: (client: pg.PoolClient, targets: TTarget[]) => Promise<T>,
): Promise<T> {
  return inTransaction(pool, async (client) => fn(client, await authorizeTargets(client, ctx, ids, options)));
}
