import "server-only";
import { SLA_BREACHED_EVENT_TYPE } from "@/lib/domain/notification-events";
import type { TSourceEvent } from "@/lib/alerting/engine/queue-messages";
import { afterCursor, groupRows, positionAfter, readParams, type TSource } from "./cursor";
import {
  EVENT_FINDING_COLUMNS,
  EVENT_FINDING_FROM,
  matchItemOf,
  orgsWithFindingEvents,
  resourceOf,
  type TEventFinding,
} from "./finding-events";
import { messageSeverity, plural, utcMinute, worstOf } from "./text";

// Findings past their SLA due date, from the findings' event log (kind 'sla_breached', written by
// the worker's breach job once per SLA clock): one message per owning team and run, listing the
// breached findings, routed like every other event (the team's subscriptions, the org baseline to
// the team's channel), matched on each finding's severity, category, source, check, cluster and
// namespace. A finding fixed, resolved or snoozed by the time the run reads it is no longer news.

/** Findings listed in the message (the rest is counted). */
const SAMPLE = 20;

type TBreach = TEventFinding & { due: string | null; days: number | null };

function eventOf(teamId: string | null, all: readonly TBreach[]): TSourceEvent {
  // A finding breached twice in one batch (reopened in between) is listed once.
  const findings = [...groupRows(all, (b) => b.finding_id).values()].map((list) => list[list.length - 1]!);
  const first = findings[0]!;
  const last = all[all.length - 1]!;
  const worst = worstOf(findings.map((f) => f.severity));
  const one = findings.length === 1;
  return {
    type: SLA_BREACHED_EVENT_TYPE,
    teamId,
    items: findings.map(matchItemOf),
    groupKey: `${SLA_BREACHED_EVENT_TYPE}:${teamId ?? "unassigned"}:${first.id}`,
    count: findings.length,
    windowMs: 0,
    occurredAt: new Date(last.at),
    message: (_repeats, where) => {
      const teamQuery = where.team ? `team=${encodeURIComponent(where.team.slug)}&` : "";
      return {
        title: one ? `Past its due date: ${first.title}` : `${findings.length} findings past their due date`,
        summary:
          `${plural(findings.length, "finding")} ${where.team ? `of ${where.team.name}` : "owned by no team"} ` +
          `passed ${one ? "its" : "their"} SLA due date without a fix.`,
        severity: messageSeverity(worst),
        link: one
          ? `${where.orgUrl}/findings/${first.finding_id}`
          : `${where.orgUrl}/findings?${teamQuery}overdue=true`,
        linkText: one ? "Open the finding" : "Open the overdue findings",
        facts: [
          { label: "Findings", value: String(findings.length) },
          ...(one
            ? [
                { label: "Check", value: `${first.source}/${first.check_id}` },
                { label: "Cluster", value: first.cluster_slug },
                { label: "Resource", value: resourceOf(first) },
                { label: "Due", value: first.due ? utcMinute(new Date(first.due)) : "" },
                { label: "SLA", value: first.days ? plural(first.days, "day") : "" },
              ]
            : []),
          { label: "Team", value: where.team?.name ?? "Unassigned" },
        ],
        sample: findings
          .slice(0, SAMPLE)
          .map(
            (f) =>
              `${f.title}: ${resourceOf(f)} (${f.cluster_slug})` + (f.due ? `, due ${utcMinute(new Date(f.due))}` : ""),
          ),
        moreCount: Math.max(0, findings.length - SAMPLE),
      };
    },
  };
}

export const slaBreachedSource: TSource = {
  name: "sla-breached",
  orgs: orgsWithFindingEvents("sla-breached", "sla_breached"),
  async read(client, orgId, from, clock) {
    const { rows } = await client.query<TBreach & { still: boolean }>(
      `SELECT ${EVENT_FINDING_COLUMNS}, fe.data->>'due' AS due, (fe.data->>'days')::int AS days,
              (f.state = 'open' AND f.sla_breached_at IS NOT NULL) AS still
         ${EVENT_FINDING_FROM}
        WHERE fe.org_id = $1::uuid AND fe.kind = 'sla_breached' AND ${afterCursor("fe.created_at", "fe.id", "uuid")}
        ORDER BY fe.created_at, fe.id
        LIMIT $5`,
      readParams(orgId, from, clock),
    );
    const news = rows.filter((b) => b.still);
    const events = [...groupRows(news, (b) => b.owner_team_id ?? "").entries()].map(([team, list]) =>
      eventOf(team || null, list),
    );
    return { events, ...positionAfter(rows, clock) };
  },
};
