import "server-only";
import { reportingState, staleSince } from "@/lib/clusters/reporting-state";
import { matchingRules } from "../rules/match";
import { rulesOfKind, targetOf, type TEngineContext, type TEngineRule } from "./context";
import { notifyRoutesFor } from "./notify";
import { groupKeyOf } from "./payload";
import type { TSql } from "./sql";
import type { TDesiredGroup, TRouteTarget } from "./types";

/**
 * One group per stale cluster and rule owner (the baseline, or a team with stale-cluster rules).
 * Silence never resolves finding alerts; this alert resolves when the cluster reports again.
 */
export async function desiredStaleGroups(sql: TSql, ctx: TEngineContext, now: Date): Promise<TDesiredGroup[]> {
  const owners = new Map<string | null, TEngineRule[]>([[null, rulesOfKind(ctx.baseline, "stale_cluster")]]);
  for (const [teamId, rules] of ctx.teamRules) owners.set(teamId, rulesOfKind(rules, "stale_cluster"));
  // Teams that subscribed to stale clusters own their alert too, with or without rules.
  for (const s of ctx.subscriptions)
    if (s.events.includes("cluster.stale") && !owners.has(s.teamId)) owners.set(s.teamId, []);
  const subscribed = ctx.subscriptions.some((s) => s.events.includes("cluster.stale"));
  if (!subscribed && ![...owners.values()].some((rules) => rules.length)) return [];
  const { rows } = await sql.query<{ id: string; slug: string; name: string; last_report_at: Date; hours: number }>(
    `SELECT c.id, c.slug, c.name, last.received_at AS last_report_at, o.stale_cluster_hours AS hours
       FROM clusters c
       JOIN organizations o ON o.id = c.org_id
       CROSS JOIN LATERAL (
         SELECT received_at FROM reports r WHERE r.org_id = c.org_id AND r.cluster_id = c.id
          ORDER BY received_at DESC LIMIT 1
       ) last
      WHERE c.org_id = $1::uuid`,
    [ctx.orgId],
  );
  const groups: TDesiredGroup[] = [];
  for (const c of rows) {
    const lastReportAt = new Date(c.last_report_at);
    if (reportingState(lastReportAt, c.hours, now) !== "stale") continue;
    const item = {
      severity: "critical" as const,
      category: "reliability",
      source: "bumpers",
      checkId: "stale-cluster",
      cluster: c.slug,
      namespace: "",
    };
    for (const [teamId, rules] of owners) {
      const matched = matchingRules(rules, item);
      const notify = [...notifyRoutesFor(ctx, "stale_cluster", teamId, item, { ownOnly: true }).values()].flat();
      if (!matched.length && !notify.length) continue;
      const routes = new Map<string, TRouteTarget>(notify.map((n) => [`${n.destinationId}/${n.keyFingerprint}`, n]));
      for (const rule of matched) {
        const target = targetOf(ctx, rule, teamId);
        if (target) routes.set(target.destinationId, target);
      }
      const team = teamId ? ctx.teams.get(teamId) : undefined;
      const hoursSilent = Math.floor((now.getTime() - lastReportAt.getTime()) / 3_600_000);
      groups.push({
        kind: "stale_cluster",
        teamId,
        groupKey: groupKeyOf({
          orgId: ctx.orgId,
          teamId,
          kind: "stale_cluster",
          subject: "stale-cluster",
          scope: c.id,
        }),
        grouping: "check_cluster",
        subject: "stale-cluster",
        scope: { cluster: c.slug },
        title: `Cluster ${c.name} stopped reporting`,
        pdSeverity: matched[0]?.pdSeverity ?? "critical",
        affectedCount: 1,
        routes: [...routes.values()],
        facts: {
          summary: `Cluster ${c.name} (${c.slug}) has not reported for ${hoursSilent} hours (stale after ${c.hours} h)`,
          source: c.slug,
          component: "insights-agent",
          group: team?.slug ?? "platform",
          class: "stale-cluster",
          customDetails: {
            cluster: c.slug,
            last_report_at: lastReportAt.toISOString(),
            stale_since: staleSince(lastReportAt, c.hours).toISOString(),
            stale_after_hours: c.hours,
          },
          link: `${ctx.baseUrl}/o/${ctx.orgSlug}/clusters`,
          linkText: "Clusters in Bumpers",
        },
        ruleIds: matched.map((r) => r.id),
      });
    }
  }
  return groups;
}
