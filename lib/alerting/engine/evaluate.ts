import "server-only";
import { hasRulesOfKind, loadEngineContext, type TEngineContext } from "./context";
import { checksOf, desiredFindingGroups, type TFindingsFilter } from "./findings-groups";
import { desiredStaleGroups } from "./stale-groups";
import { sqlOf, type TSql, type TSqlClient } from "./sql";
import { currentRouteOf, factsOfDesired, factsOfExisting, groupMessage, messageTypeOf } from "./notify";
import { planTransitions } from "./transitions";
import type { TDesiredGroup, TExistingGroup } from "./types";
import { writePlan } from "./write";

// Entry points of the transition engine. Each runs inside the caller's transaction (the report,
// the triage action, the rule edit), so the outbox rows commit or roll back with the change that
// caused them. Evaluations of one org are serialized by a transaction-level advisory lock: two
// reports of different clusters may touch the same group-by-check alert.

const ALERTS_LOCK_NAMESPACE = 73010001;

export type TEvaluation = { groups: number; events: number };

async function lockOrg(sql: TSql, orgId: string) {
  // Counted rather than selected: a void column trips Prisma's raw query decoder.
  await sql.query(`SELECT count(*)::int AS n FROM (SELECT pg_advisory_xact_lock($1::int, hashtext($2::text))) l`, [
    ALERTS_LOCK_NAMESPACE,
    orgId,
  ]);
}

/** Recorded groups of a universe: the desired keys (open or resolved) plus every open one in scope. */
async function loadExisting(
  sql: TSql,
  orgId: string,
  desiredKeys: string[],
  openScope: { sql: string; params: unknown[] },
): Promise<TExistingGroup[]> {
  const params: unknown[] = [orgId, desiredKeys, ...openScope.params];
  const { rows } = await sql.query<{
    id: string;
    group_key: string;
    team_id: string | null;
    kind: TExistingGroup["kind"];
    epoch: number;
    status: "open" | "resolved";
    dedup_key: string;
    affected_count: number;
    pd_severity: TExistingGroup["pdSeverity"];
    details: Record<string, unknown>;
    routes: TExistingGroup["routes"] | null;
  }>(
    `SELECT g.id, g.group_key, g.team_id, g.kind::text AS kind, g.epoch, g.status::text AS status, g.dedup_key,
            g.affected_count, g.pd_severity::text AS pd_severity, g.details,
            (SELECT jsonb_agg(jsonb_build_object('id', r.id, 'destinationId', r.destination_id,
                                                 'keyFingerprint', r.key_fingerprint,
                                                 'routingKeyCiphertext', r.routing_key_ciphertext) ORDER BY r.opened_at)
               FROM alert_routes r WHERE r.group_id = g.id AND r.status = 'open') AS routes
       FROM alert_groups g
      WHERE g.org_id = $1::uuid
        AND (g.group_key = ANY($2::text[]) OR (g.status = 'open' AND ${openScope.sql}))
      FOR UPDATE OF g`,
    params,
  );
  return rows.map((r) => ({
    id: r.id,
    groupKey: r.group_key,
    teamId: r.team_id,
    kind: r.kind,
    epoch: r.epoch,
    status: r.status,
    dedupKey: r.dedup_key,
    affectedCount: r.affected_count,
    pdSeverity: r.pd_severity,
    details: r.details ?? {},
    routes: r.routes ?? [],
  }));
}

async function apply(
  sql: TSql,
  ctx: TEngineContext,
  desired: TDesiredGroup[],
  openScope: { sql: string; params: unknown[] },
): Promise<TEvaluation> {
  const existing = await loadExisting(
    sql,
    ctx.orgId,
    desired.map((d) => d.groupKey),
    openScope,
  );
  const destinationNames = new Map([...ctx.destinations.values()].map((d) => [d.destinationId, d.destinationName]));
  const now = new Date();
  const plan = planTransitions(desired, existing, {
    clientUrl: ctx.baseUrl,
    now,
    destinationNames,
    messaging: {
      message: (group, transition, epoch) => {
        const type = messageTypeOf(group.kind, transition);
        if (!type) return null;
        const facts = "facts" in group ? factsOfDesired(group) : factsOfExisting(group);
        const state = transition === "fixed" ? "resolved" : "open";
        return groupMessage(ctx, { ...group, epoch }, facts, type, state, now);
      },
      currentTarget: (route) => {
        const group = existing.find((e) => e.routes.some((r) => r.id === route.id));
        return currentRouteOf(ctx, route, group?.teamId ?? null);
      },
    },
  });
  const { events } = await writePlan(sql, ctx.orgId, plan);
  return { groups: plan.groups.length, events };
}

/** Findings alerts for the checks in `filter` (after a report, or a triage action). */
export async function evaluateFindingAlerts(
  client: TSqlClient,
  orgId: string,
  filter: TFindingsFilter = {},
): Promise<TEvaluation> {
  const sql = sqlOf(client);
  await lockOrg(sql, orgId);
  const checks = await checksOf(sql, orgId, filter);
  // Nothing the report or action touched can page: done without reading rules.
  if (checks && !checks.length) return { groups: 0, events: 0 };
  const ctx = await loadEngineContext(sql, orgId);
  const scoped: TFindingsFilter = checks ? { teamId: filter.teamId, checks } : filter;
  const desired = await desiredFindingGroups(sql, ctx, scoped);
  // SLA breach rules: groups of the overdue findings; they resolve here too once none is overdue.
  if (hasRulesOfKind(ctx, "sla_breach")) desired.push(...(await desiredFindingGroups(sql, ctx, scoped, "sla_breach")));
  // $3 onwards: which open groups are in scope, so a fixed check's group resolves.
  const openScope = checks
    ? {
        sql: `g.kind = 'findings' AND g.subject = ANY($3::text[])`,
        params: [checks.map((c) => `${c.source}/${c.checkId}`)],
      }
    : filter.source
      ? { sql: `g.kind = 'findings' AND starts_with(g.subject, $3::text)`, params: [`${filter.source}/`] }
      : { sql: `g.kind = 'findings'`, params: [] };
  return apply(sql, ctx, desired, openScope);
}

/** Stale-cluster alerts of the org: raised for clusters past the org's threshold, resolved when they report. */
export async function evaluateStaleClusterAlerts(
  client: TSqlClient,
  orgId: string,
  now = new Date(),
): Promise<TEvaluation> {
  const sql = sqlOf(client);
  await lockOrg(sql, orgId);
  const ctx = await loadEngineContext(sql, orgId);
  const desired = await desiredStaleGroups(sql, ctx, now);
  return apply(sql, ctx, desired, { sql: `g.kind = 'stale_cluster'`, params: [] });
}

/** Everything of the org: after a rule or destination edit, so routes follow at once. */
export async function evaluateOrgAlerts(client: TSqlClient, orgId: string): Promise<TEvaluation> {
  const findings = await evaluateFindingAlerts(client, orgId);
  const stale = await evaluateStaleClusterAlerts(client, orgId);
  return { groups: findings.groups + stale.groups, events: findings.events + stale.events };
}

/** Budget alerts (raise-alert.ts) go through the same writer with their own universe. */
export async function applyKeyedGroup(
  client: TSqlClient,
  orgId: string,
  groupKey: string,
  build: (ctx: TEngineContext) => TDesiredGroup | null,
): Promise<TEvaluation> {
  const sql = sqlOf(client);
  await lockOrg(sql, orgId);
  const ctx = await loadEngineContext(sql, orgId);
  const desired = build(ctx);
  return apply(sql, ctx, desired ? [desired] : [], {
    sql: `g.group_key = $3::text`,
    params: [groupKey],
  });
}
