import "server-only";
import type pg from "pg";
import type { TSeverityLevel } from "@/lib/domain/severity";
import { ZActions, type TActions } from "../schemas";

// What a dispatch needs to know: its row, its rule (name, level, actions) and its findings as
// they are now.

export const DISPATCH_ACTIONS = ["ticket", "notify", "page"] as const;
export type TDispatchAction = (typeof DISPATCH_ACTIONS)[number];

export type TDispatchRow = {
  id: string;
  org_id: string;
  rule_id: string;
  action: string;
  finding_ids: string[];
  attempts: number;
  created_at: Date;
};

export type TDispatchRule = {
  id: string;
  orgId: string;
  teamId: string | null;
  name: string;
  actions: TActions | null;
};

export type TDispatchFinding = {
  id: string;
  status: "open" | "fixed" | "removed";
  /** Open, not resolved and not snoozed: still a problem someone should act on. */
  active: boolean;
  severity: TSeverityLevel;
  source: string;
  check_id: string;
  title: string;
  cluster_id: string;
  cluster_slug: string;
  cluster_name: string;
  namespace: string;
  kind: string;
  name: string;
  container: string;
  owner_team_id: string | null;
};

/** What a handler made of a dispatch: null, or why (part of) it could not be done; never retried. */
export type TDispatchOutcome = { error: string | null };

/** The rule with its actions (null when stored actions no longer parse: nothing is sent then). */
export async function loadDispatchRule(
  client: pg.ClientBase,
  orgId: string,
  ruleId: string,
): Promise<TDispatchRule | null> {
  const { rows } = await client.query<{ id: string; team_id: string | null; name: string; actions: unknown }>(
    `SELECT id, team_id, name, actions FROM automation_rules WHERE id = $1::uuid AND org_id = $2::uuid`,
    [ruleId, orgId],
  );
  const row = rows[0];
  if (!row) return null;
  const actions = ZActions.safeParse(row.actions);
  return { id: row.id, orgId, teamId: row.team_id, name: row.name, actions: actions.success ? actions.data : null };
}

export const FINDING_COLUMNS = `f.id, f.status::text AS status, f.severity::text AS severity, f.source, f.check_id, f.title,
  f.cluster_id, c.slug AS cluster_slug, c.name AS cluster_name, f.namespace, f.kind, f.name, f.container, f.owner_team_id,
  (f.status = 'open' AND f.resolution IS NULL AND (f.snoozed_until IS NULL OR f.snoozed_until <= $3::timestamptz)) AS active`;
export const FINDING_ORDER = `ORDER BY f.severity, c.slug, f.namespace, f.kind, f.name, f.container, f.id`;

/** The dispatch's findings that still exist, most severe first. */
export async function loadDispatchFindings(
  client: pg.ClientBase,
  orgId: string,
  ids: readonly string[],
  now: Date,
): Promise<TDispatchFinding[]> {
  const { rows } = await client.query<TDispatchFinding>(
    `SELECT ${FINDING_COLUMNS} FROM findings f JOIN clusters c ON c.id = f.cluster_id
      WHERE f.org_id = $1::uuid AND f.id = ANY($2::uuid[]) ${FINDING_ORDER}`,
    [orgId, ids, now],
  );
  return rows;
}

/** "prod-eu/payments Deployment/api (app)": where a finding is, for samples. */
export function whereOf(f: Pick<TDispatchFinding, "cluster_slug" | "namespace" | "kind" | "name" | "container">) {
  const place = [f.cluster_slug, f.namespace].filter(Boolean).join("/");
  const workload = [f.kind, f.name].filter(Boolean).join("/");
  return `${place} ${workload}${f.container ? ` (${f.container})` : ""}`.trim();
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Joined, each once, within the column's limit. */
export function joinErrors(errors: readonly string[]): string | null {
  const unique = [...new Set(errors)];
  return unique.length ? unique.join("; ").slice(0, 1000) : null;
}
