import "server-only";
import { overdueSql, slaDueJoin } from "@/lib/sla/due-sql";
import { matchingRules } from "../rules/match";
import type { TSeverityLevel } from "@/lib/domain/severity";
import { PD_SEVERITY_RANK, type TAlertGrouping, type TPdSeverity } from "../schemas";
import { rulesOfKind, targetOf, type TEngineContext, type TEngineRule } from "./context";
import { notifyRoutesFor } from "./notify";
import { boundedSample, groupKeyOf } from "./payload";
import type { TSql } from "./sql";
import type { TDesiredGroup, TRouteTarget } from "./types";

/** Which findings an evaluation looks at: the whole org, one source tool, or some checks. */
export type TFindingsFilter = {
  source?: string;
  /** The checks of these findings (a triage action). Resolved to `checks` before evaluating. */
  findingIds?: readonly string[];
  /**
   * The checks a processed report changed (findings with a lifecycle event from it). Resolved to
   * `checks` before evaluating: an unchanged report costs one indexed lookup.
   */
  report?: { id: string; at: Date };
  /** These checks, each over the whole org. */
  checks?: readonly TCheckRef[];
  /** Only findings owned by this team (null: unassigned). For the preview. */
  teamId?: string | null;
};

export type TCheckRef = { source: string; checkId: string };

type TTuple = {
  team_id: string | null;
  source: string;
  check_id: string;
  category: string;
  severity: TSeverityLevel;
  cluster_id: string;
  namespace: string;
};

/**
 * The (source, check) pairs a report or some findings touch, read first on their own: a short
 * list the planner can hash, where a subquery over rows written moments ago in the same
 * transaction (no statistics yet) led it into nested loops over thousands of findings.
 */
export async function checksOf(sql: TSql, orgId: string, filter: TFindingsFilter): Promise<TCheckRef[] | undefined> {
  let rows: { source: string; check_id: string }[];
  if (filter.report) {
    ({ rows } = await sql.query<{ source: string; check_id: string }>(
      `SELECT DISTINCT s.source, s.check_id
         FROM finding_events ev JOIN findings s ON s.id = ev.finding_id
        WHERE ev.org_id = $1::uuid AND ev.created_at = $2::timestamptz AND ev.report_id = $3::uuid`,
      [orgId, filter.report.at, filter.report.id],
    ));
  } else if (filter.findingIds) {
    ({ rows } = await sql.query<{ source: string; check_id: string }>(
      `SELECT DISTINCT source, check_id FROM findings WHERE org_id = $1::uuid AND id = ANY($2::uuid[])`,
      [orgId, filter.findingIds],
    ));
  } else {
    return filter.checks ? [...filter.checks] : undefined;
  }
  return rows.map((r) => ({ source: r.source, checkId: r.check_id }));
}

/** The SQL condition on findings `f` for a filter (reports and finding ids resolved to `checks`). */
export function findingsFilterSql(filter: TFindingsFilter, params: unknown[]): string {
  let team = "";
  if (filter.teamId !== undefined) {
    params.push(filter.teamId);
    team = `AND f.owner_team_id IS NOT DISTINCT FROM $${params.length}::uuid `;
  }
  if (filter.checks) {
    params.push(
      filter.checks.map((c) => c.source),
      filter.checks.map((c) => c.checkId),
    );
    return `${team}AND (f.source, f.check_id) IN (SELECT u.source, u.check_id
                 FROM unnest($${params.length - 1}::text[], $${params.length}::text[]) AS u(source, check_id))`;
  }
  if (filter.source) {
    params.push(filter.source);
    return `${team}AND f.source = $${params.length}`;
  }
  return team;
}

type TChoice = { rule: TEngineRule; target: TRouteTarget | null };

/** The rule kinds that match findings: all open ones, or only those past their SLA due date. */
export type TFindingsRuleKind = "findings" | "sla_breach";

/**
 * The open alert groups the org's open findings call for. Matching looks only at team, check,
 * category, severity, cluster and namespace, so rules run in JavaScript over the distinct tuples
 * (hundreds, not the findings), and one grouped query counts and samples each group. Rules of
 * kind sla_breach see only the overdue findings (lib/sla/due-sql.ts), make groups of their own
 * (alert group kind "findings", a scope of "sla:…") and add no notification routes: breaches reach
 * subscriptions as "finding.sla_breached" events.
 */
export async function desiredFindingGroups(
  sql: TSql,
  ctx: TEngineContext,
  filter: TFindingsFilter,
  kind: TFindingsRuleKind = "findings",
): Promise<TDesiredGroup[]> {
  const overdue = kind === "sla_breach";
  const dueJoin = overdue ? slaDueJoin("f") : "";
  const onlyOverdue = overdue ? `AND ${overdueSql("f")}` : "";
  const params: unknown[] = [ctx.orgId];
  const condition = findingsFilterSql(filter, params);
  const { rows: tuples } = await sql.query<TTuple>(
    `SELECT f.owner_team_id AS team_id, f.source, f.check_id, f.category, f.severity::text AS severity,
            f.cluster_id, f.namespace
       FROM findings f ${dueJoin}
      WHERE f.org_id = $1::uuid AND f.state = 'open' ${condition} ${onlyOverdue}
      GROUP BY 1, 2, 3, 4, 5, 6, 7`,
    params,
  );
  const baseline = rulesOfKind(ctx.baseline, kind);
  // (tuple index, grouping) → the rules that chose it; the mapping goes back to SQL for counting.
  const mapping: {
    idx: number;
    tuple: TTuple;
    grouping: TAlertGrouping;
    choices: TChoice[];
    notify: TRouteTarget[];
  }[] = [];
  tuples.forEach((t, idx) => {
    const item = {
      severity: t.severity,
      category: t.category,
      source: t.source,
      checkId: t.check_id,
      cluster: ctx.clusters.get(t.cluster_id)?.slug ?? "",
      namespace: t.namespace,
    };
    // Baseline and team rules are matched independently: a team rule can add, never take away.
    const matched = [
      ...matchingRules(baseline, item),
      ...(t.team_id ? matchingRules(rulesOfKind(ctx.teamRules.get(t.team_id), kind), item) : []),
    ];
    const byGrouping = new Map<TAlertGrouping, TChoice[]>();
    for (const rule of matched) {
      const list = byGrouping.get(rule.grouping) ?? [];
      list.push({ rule, target: targetOf(ctx, rule, t.team_id) });
      byGrouping.set(rule.grouping, list);
    }
    // Subscriptions add notification routes, grouped their own way (all that match, no order).
    const notifyByGrouping = overdue
      ? new Map<TAlertGrouping, TRouteTarget[]>()
      : notifyRoutesFor(ctx, "findings", t.team_id, item);
    for (const grouping of new Set([...byGrouping.keys(), ...notifyByGrouping.keys()])) {
      mapping.push({
        idx,
        tuple: t,
        grouping,
        choices: byGrouping.get(grouping) ?? [],
        notify: notifyByGrouping.get(grouping) ?? [],
      });
    }
  });
  if (!mapping.length) return [];

  const m = mapping.map((x, i) => ({
    i,
    team_id: x.tuple.team_id,
    source: x.tuple.source,
    check_id: x.tuple.check_id,
    category: x.tuple.category,
    severity: x.tuple.severity,
    cluster_id: x.tuple.cluster_id,
    namespace: x.tuple.namespace,
    grouping: x.grouping,
  }));
  const { rows } = await sql.query<TGroupRow & { mapping: number[] }>(
    `WITH m AS (
       SELECT * FROM jsonb_to_recordset($2::jsonb) AS m(i int, team_id uuid, source text, check_id text, category text,
                                                         severity text, cluster_id uuid, namespace text, grouping text)
     ), hits AS (
       SELECT m.i, m.team_id, m.source, m.check_id, m.grouping, f.category, f.severity, f.title, f.cluster_id,
              f.namespace, f.kind, f.name, f.container,
              CASE m.grouping
                WHEN 'check' THEN ''
                WHEN 'check_cluster' THEN f.cluster_id::text
                WHEN 'check_namespace' THEN f.cluster_id::text || '/' || f.namespace
                ELSE f.cluster_id::text || '/' || f.namespace || '/' || f.kind || '/' || f.name
              END AS scope_key
         FROM m
         -- One index lookup per tuple on (org, team, state, source, check): "team IS NOT DISTINCT
         -- FROM" cannot use that index and made the planner read every open finding of the org,
         -- so a team's tuples and the unassigned ones each get a branch with a plain condition.
         CROSS JOIN LATERAL (
           SELECT f.category, f.severity, f.title, f.cluster_id, f.namespace, f.kind, f.name, f.container
             FROM findings f ${dueJoin}
            WHERE m.team_id IS NOT NULL AND f.org_id = $1::uuid AND f.owner_team_id = m.team_id
              AND f.state = 'open' AND f.source = m.source AND f.check_id = m.check_id
              AND f.category = m.category AND f.severity::text = m.severity AND f.cluster_id = m.cluster_id
              AND f.namespace = m.namespace ${onlyOverdue}
           UNION ALL
           SELECT f.category, f.severity, f.title, f.cluster_id, f.namespace, f.kind, f.name, f.container
             FROM findings f ${dueJoin}
            WHERE m.team_id IS NULL AND f.org_id = $1::uuid AND f.owner_team_id IS NULL
              AND f.state = 'open' AND f.source = m.source AND f.check_id = m.check_id
              AND f.category = m.category AND f.severity::text = m.severity AND f.cluster_id = m.cluster_id
              AND f.namespace = m.namespace ${onlyOverdue}
         ) f
     )
     SELECT team_id, source, check_id, grouping, scope_key,
            CASE WHEN grouping <> 'check' THEN min(cluster_id::text) END AS cluster_id,
            CASE WHEN grouping IN ('check_namespace', 'workload') THEN min(namespace) END AS namespace,
            CASE WHEN grouping = 'workload' THEN min(kind) END AS kind,
            CASE WHEN grouping = 'workload' THEN min(name) END AS name,
            array_agg(DISTINCT i) AS mapping,
            count(*)::int AS findings,
            count(DISTINCT (cluster_id, namespace, kind, name))::int AS resources,
            min(title) AS title, min(category) AS category, min(severity)::text AS worst,
            array_agg(DISTINCT cluster_id::text) AS cluster_ids,
            (array_agg(DISTINCT cluster_id::text || ' ' || namespace || '/' || kind || '/' || name))[1:${SAMPLE_ROWS}] AS sample
       FROM hits
      GROUP BY team_id, source, check_id, grouping, scope_key`,
    [ctx.orgId, JSON.stringify(m)],
  );

  return rows.map((r) => {
    const choices = r.mapping.flatMap((i) => mapping[i]!.choices);
    const notify = r.mapping.flatMap((i) => mapping[i]!.notify);
    return toDesiredGroup(ctx, r, choices, notify, overdue);
  });
}

const SAMPLE_ROWS = 20;

/** One group of open findings as the SQL above aggregates it. */
type TGroupRow = {
  team_id: string | null;
  source: string;
  check_id: string;
  grouping: TAlertGrouping;
  scope_key: string;
  cluster_id: string | null;
  namespace: string | null;
  kind: string | null;
  name: string | null;
  findings: number;
  resources: number;
  title: string;
  category: string;
  worst: TSeverityLevel;
  cluster_ids: string[];
  sample: string[];
};

function toDesiredGroup(
  ctx: TEngineContext,
  r: TGroupRow,
  choices: TChoice[],
  notify: TRouteTarget[],
  overdue: boolean,
): TDesiredGroup {
  const subject = `${r.source}/${r.check_id}`;
  const routes = new Map<string, TRouteTarget>(notify.map((n) => [`${n.destinationId}/${n.keyFingerprint}`, n]));
  let pdSeverity: TPdSeverity = "info";
  const paging = choices.filter((c) => c.target);
  for (const c of paging) {
    routes.set(c.target!.destinationId, c.target!);
    if (PD_SEVERITY_RANK[c.rule.pdSeverity] > PD_SEVERITY_RANK[pdSeverity]) pdSeverity = c.rule.pdSeverity;
  }
  if (!paging.length) {
    for (const c of choices)
      if (PD_SEVERITY_RANK[c.rule.pdSeverity] > PD_SEVERITY_RANK[pdSeverity]) pdSeverity = c.rule.pdSeverity;
  }
  const team = r.team_id ? ctx.teams.get(r.team_id) : undefined;
  const clusterSlugs = r.cluster_ids.map((id) => ctx.clusters.get(id)?.slug ?? id).sort();
  const scope: Record<string, string> = {};
  if (r.cluster_id) scope.cluster = ctx.clusters.get(r.cluster_id)?.slug ?? r.cluster_id;
  if (r.namespace !== null) scope.namespace = r.namespace;
  if (r.kind) scope.kind = r.kind;
  if (r.name) scope.name = r.name;
  const where =
    r.grouping === "workload"
      ? `${scope.cluster}/${scope.namespace}/${scope.kind}/${scope.name}`
      : r.grouping === "check_namespace"
        ? `namespace ${scope.namespace} of ${scope.cluster}`
        : clusterSlugs.length === 1
          ? clusterSlugs[0]
          : `${clusterSlugs.length} clusters`;
  const resources = r.resources === 1 ? "1 resource" : `${r.resources} resources`;
  const summary = `${overdue ? "Past its SLA due date: " : ""}${r.title}: ${resources} in ${where}${team ? ` (team ${team.name})` : " (unassigned)"}`;
  const query = new URLSearchParams({ check: r.check_id, source: r.source, status: "open" });
  if (overdue) query.set("overdue", "true");
  if (team) query.set("team", team.slug);
  if (scope.cluster) query.set("cluster", scope.cluster);
  if (scope.namespace !== undefined && r.grouping !== "check_cluster") query.set("namespace", scope.namespace);
  if (r.grouping === "workload" && scope.name) query.set("q", scope.name);
  const sample = r.sample
    .map((s) => {
      const [clusterId, rest] = [s.slice(0, s.indexOf(" ")), s.slice(s.indexOf(" ") + 1)];
      return `${ctx.clusters.get(clusterId)?.slug ?? clusterId}/${rest}`;
    })
    .sort();
  return {
    kind: "findings",
    teamId: r.team_id,
    groupKey: groupKeyOf({
      orgId: ctx.orgId,
      teamId: r.team_id,
      kind: "findings",
      subject,
      // Its own incident, beside the findings rule's for the same check (if any).
      scope: `${overdue ? "sla:" : ""}${r.grouping}:${r.scope_key}`,
    }),
    grouping: r.grouping,
    subject,
    scope,
    title: r.title,
    pdSeverity,
    affectedCount: r.resources,
    routes: [...routes.values()].sort((a, b) => a.destinationId.localeCompare(b.destinationId)),
    facts: {
      summary,
      source:
        clusterSlugs.length <= 3
          ? clusterSlugs.join(", ")
          : `${clusterSlugs.slice(0, 3).join(", ")} +${clusterSlugs.length - 3}`,
      component: subject,
      group: team?.slug ?? "unassigned",
      class: r.category,
      customDetails: {
        check: subject,
        category: r.category,
        worst_severity: r.worst,
        team: team?.name ?? "Unassigned",
        affected_resources: r.resources,
        findings: r.findings,
        clusters: clusterSlugs.slice(0, 20),
        sample: boundedSample(sample, r.resources),
        rules: [...new Set(choices.map((c) => c.rule.name))].slice(0, 20),
        ...(overdue ? { sla: "past its due date" } : {}),
      },
      link: `${ctx.baseUrl}/o/${ctx.orgSlug}/findings?${query.toString()}`,
      linkText: "Open in Bumpers",
    },
    ruleIds: [...new Set(choices.map((c) => c.rule.id))],
  };
}
