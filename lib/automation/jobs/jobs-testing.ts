import { pool } from "@/lib/server/db";
import type { TActionsInput, TConditionInput } from "../schemas";

// Rules and dispatches as the rules pages and the engine leave them, for the jobs' and dispatch
// tests (stored rows, validated where the real writers validate: not here).

export async function insertRule(
  orgId: string,
  input: {
    actions: TActionsInput;
    conditions?: TConditionInput[];
    teamId?: string | null;
    name?: string;
    enabled?: boolean;
    stopProcessing?: boolean;
  },
): Promise<{ id: string; name: string }> {
  const name = input.name ?? `Rule ${Math.random().toString(36).slice(2, 8)}`;
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO automation_rules (org_id, team_id, position, name, enabled, conditions, actions, stop_processing)
     SELECT $1::uuid, $2::uuid, coalesce(max(position) + 1, 0), $3, $4, $5::jsonb, $6::jsonb, $7
       FROM automation_rules WHERE org_id = $1::uuid AND team_id IS NOT DISTINCT FROM $2::uuid
     RETURNING id`,
    [
      orgId,
      input.teamId ?? null,
      name,
      input.enabled ?? true,
      JSON.stringify(input.conditions ?? []),
      JSON.stringify(input.actions),
      input.stopProcessing ?? false,
    ],
  );
  return { id: rows[0]!.id, name };
}

/** A pending dispatch, as the engine writes one for findings a rule newly matched. */
export async function insertDispatch(
  orgId: string,
  ruleId: string,
  action: "ticket" | "notify" | "page",
  findingIds: readonly string[],
  options: { attempts?: number; createdAt?: Date } = {},
): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO automation_dispatches (org_id, rule_id, action, finding_ids, attempts, created_at)
     VALUES ($1::uuid, $2::uuid, $3, $4::uuid[], $5, coalesce($6::timestamptz, now())) RETURNING id`,
    [orgId, ruleId, action, findingIds, options.attempts ?? 0, options.createdAt ?? null],
  );
  return rows[0]!.id;
}

export async function dispatchRow(id: string) {
  const { rows } = await pool.query<{ done_at: Date | null; attempts: number; error: string | null }>(
    `SELECT done_at, attempts, error FROM automation_dispatches WHERE id = $1::uuid`,
    [id],
  );
  return rows[0]!;
}
