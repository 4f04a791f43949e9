import "server-only";
import { env } from "@/lib/server/env";
import { ZRuleMatch, type TAlertGrouping, type TPdSeverity, type TRuleKind, type TRuleMatch } from "../schemas";
import type { TSql } from "./sql";
import { loadSubscriptions } from "./subscriptions";
import type { TEngineSubscription, TNotifyTarget, TRouteTarget } from "./types";

/** A rule as the engine needs it. */
export type TEngineRule = {
  id: string;
  /** null: org baseline. */
  teamId: string | null;
  kind: TRuleKind;
  name: string;
  match: TRuleMatch;
  useTeamDestination: boolean;
  destinationId: string | null;
  pdSeverity: TPdSeverity;
  grouping: TAlertGrouping;
  continueMatching: boolean;
  noPage: boolean;
};

export type TEngineContext = {
  orgId: string;
  orgSlug: string;
  orgName: string;
  /** Baseline rules of each kind, in order. */
  baseline: TEngineRule[];
  /** Team rules by team id, in order. */
  teamRules: Map<string, TEngineRule[]>;
  destinations: Map<string, TRouteTarget>;
  /** The destination a team owns (its oldest), for "the team's own destination". */
  teamDestination: Map<string, TRouteTarget>;
  teams: Map<string, { slug: string; name: string }>;
  clusters: Map<string, { slug: string; name: string }>;
  baseUrl: string;
  /** Notification subscriptions (events, enabled, not personal), oldest first. */
  subscriptions: TEngineSubscription[];
  /** Each team's own channel (its oldest subscription's target): where baseline messages go. */
  teamChannel: Map<string, TNotifyTarget>;
};

export function appBaseUrl(): string {
  return (env().NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");
}

/** Everything about the org the engine looks up: a few small reads, once per evaluation. */
export async function loadEngineContext(sql: TSql, orgId: string): Promise<TEngineContext> {
  // One after the other: a pg client runs one query at a time anyway.
  const org = await sql.query<{ slug: string; name: string }>(
    `SELECT slug, name FROM organizations WHERE id = $1::uuid`,
    [orgId],
  );
  const rules = await sql.query<{
    id: string;
    team_id: string | null;
    kind: TRuleKind;
    name: string;
    match: unknown;
    use_team_destination: boolean;
    destination_id: string | null;
    pd_severity: TPdSeverity;
    grouping: TAlertGrouping;
    continue_matching: boolean;
    no_page: boolean;
  }>(
    `SELECT id, team_id, kind::text AS kind, name, match, use_team_destination, destination_id,
            pd_severity::text AS pd_severity, grouping::text AS grouping, continue_matching, no_page
       FROM alert_rules WHERE org_id = $1::uuid ORDER BY team_id NULLS FIRST, kind, position, created_at`,
    [orgId],
  );
  const destinations = await sql.query<{
    id: string;
    team_id: string | null;
    name: string;
    routing_key_ciphertext: string;
    key_fingerprint: string;
  }>(
    `SELECT id, team_id, name, routing_key_ciphertext, key_fingerprint FROM alert_destinations
      WHERE org_id = $1::uuid ORDER BY created_at, id`,
    [orgId],
  );
  const teams = await sql.query<{ id: string; slug: string; name: string }>(
    `SELECT id, slug, name FROM teams WHERE org_id = $1::uuid`,
    [orgId],
  );
  const clusters = await sql.query<{ id: string; slug: string; name: string }>(
    `SELECT id, slug, name FROM clusters WHERE org_id = $1::uuid`,
    [orgId],
  );
  const { subscriptions, teamChannel } = await loadSubscriptions(sql, orgId);
  const ctx: TEngineContext = {
    orgId,
    orgSlug: org.rows[0]?.slug ?? "",
    orgName: org.rows[0]?.name ?? "",
    subscriptions,
    teamChannel,
    baseline: [],
    teamRules: new Map(),
    destinations: new Map(),
    teamDestination: new Map(),
    teams: new Map(teams.rows.map((t) => [t.id, { slug: t.slug, name: t.name }])),
    clusters: new Map(clusters.rows.map((c) => [c.id, { slug: c.slug, name: c.name }])),
    baseUrl: appBaseUrl(),
  };
  for (const d of destinations.rows) {
    const target: TRouteTarget = {
      destinationId: d.id,
      destinationName: d.name,
      routingKeyCiphertext: d.routing_key_ciphertext,
      keyFingerprint: d.key_fingerprint,
    };
    ctx.destinations.set(d.id, target);
    if (d.team_id && !ctx.teamDestination.has(d.team_id)) ctx.teamDestination.set(d.team_id, target);
  }
  for (const r of rules.rows) {
    const rule: TEngineRule = {
      id: r.id,
      teamId: r.team_id,
      kind: r.kind,
      name: r.name,
      match: ZRuleMatch.parse(r.match ?? {}),
      useTeamDestination: r.use_team_destination,
      destinationId: r.destination_id,
      pdSeverity: r.pd_severity,
      grouping: r.grouping,
      continueMatching: r.continue_matching,
      noPage: r.no_page,
    };
    if (!r.team_id) ctx.baseline.push(rule);
    else ctx.teamRules.set(r.team_id, [...(ctx.teamRules.get(r.team_id) ?? []), rule]);
  }
  return ctx;
}

/** Where a matched rule sends for a team: nowhere for "no page", else the team's or the rule's destination. */
export function targetOf(ctx: TEngineContext, rule: TEngineRule, teamId: string | null): TRouteTarget | null {
  if (rule.noPage) return null;
  if (rule.useTeamDestination && teamId) {
    const own = ctx.teamDestination.get(teamId);
    if (own) return own;
  }
  return rule.destinationId ? (ctx.destinations.get(rule.destinationId) ?? null) : null;
}

export const rulesOfKind = (rules: readonly TEngineRule[] | undefined, kind: TRuleKind) =>
  (rules ?? []).filter((r) => r.kind === kind);

/** Whether the org (baseline or any team) has a rule of `kind`. */
export const hasRulesOfKind = (ctx: TEngineContext, kind: TRuleKind) =>
  ctx.baseline.some((r) => r.kind === kind) ||
  [...ctx.teamRules.values()].some((rules) => rules.some((r) => r.kind === kind));
