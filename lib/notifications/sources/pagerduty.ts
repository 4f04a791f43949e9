import "server-only";
import type { TSourceEvent } from "@/lib/alerting/engine/queue-messages";
import { SEVERITY_LEVELS, type TSeverityLevel } from "@/lib/domain/severity";
import { afterCursor, orgsWithRows, pending, positionAfter, readParams, type TSource } from "./cursor";
import { messageSeverity } from "./text";

// PagerDuty incidents mirrored for awareness: when PagerDuty has accepted a group's first trigger
// of a firing (its dedup key), the team's channel hears "incident opened"; when it accepted the
// resolve, "incident resolved", in the same thread. Later triggers of the same firing (updates)
// and the same event sent to a second service are not news. Delivered events are read by their
// delivery time; they are delivered within hours of being queued (retries give up after about
// two), so the read looks at events queued in the day before its cursor only.

type TDelivered = {
  id: string;
  at: Date;
  action: "trigger" | "resolve";
  dedup_key: string;
  team_id: string | null;
  destination_name: string;
  group_id: string;
  title: string;
  kind: "findings" | "stale_cluster" | "budget";
  scope: Record<string, string>;
  details: Record<string, unknown>;
  pd_severity: "critical" | "error" | "warning" | "info";
};

/** The finding severity a PagerDuty severity stands for (a group with no worst finding). */
const LEVEL_OF_PD: Readonly<Record<TDelivered["pd_severity"], TSeverityLevel>> = {
  critical: "critical",
  error: "high",
  warning: "medium",
  info: "low",
};

const CATEGORY_OF_KIND: Readonly<Record<TDelivered["kind"], string>> = {
  findings: "",
  stale_cluster: "reliability",
  budget: "cost",
};

const text = (v: unknown) => (typeof v === "string" ? v : "");

/** The group as subscriptions match it: its worst finding (or PagerDuty severity), check and place. */
function itemOf(e: TDelivered) {
  const worst = text(e.details.worst_severity);
  const check = text(e.details.check);
  const clusters = Array.isArray(e.details.clusters) ? (e.details.clusters as unknown[]).map(text) : [];
  const slash = check.indexOf("/");
  return {
    severity: (SEVERITY_LEVELS as readonly string[]).includes(worst)
      ? (worst as TSeverityLevel)
      : LEVEL_OF_PD[e.pd_severity],
    category: text(e.details.category) || CATEGORY_OF_KIND[e.kind],
    source: slash > 0 ? check.slice(0, slash) : e.kind === "findings" ? "" : "bumpers",
    checkId: slash > 0 ? check.slice(slash + 1) : check || e.kind,
    cluster: e.scope.cluster || text(e.details.cluster) || clusters[0] || "",
    namespace: e.scope.namespace || "",
  };
}

function eventOf(e: TDelivered): TSourceEvent {
  const opened = e.action === "trigger";
  const clusters = Array.isArray(e.details.clusters) ? (e.details.clusters as unknown[]).map(text).join(", ") : "";
  return {
    type: opened ? "pagerduty.incident_opened" : "pagerduty.incident_resolved",
    teamId: e.team_id,
    items: [itemOf(e)],
    groupKey: `pagerduty:${e.dedup_key}:${e.action}`,
    count: 1,
    windowMs: 0,
    occurredAt: new Date(e.at),
    threadKey: e.dedup_key,
    message: (_repeats, where) => ({
      title: `PagerDuty incident ${opened ? "opened" : "resolved"}: ${e.title}`,
      ...(opened && text(e.details.summary) ? { summary: text(e.details.summary) } : {}),
      severity: opened ? messageSeverity(LEVEL_OF_PD[e.pd_severity]) : null,
      state: opened ? "open" : "resolved",
      link: `${where.orgUrl}/alerting/log?group=${e.group_id}`,
      linkText: "Open the delivery log",
      facts: [
        { label: "Service", value: e.destination_name },
        { label: "Team", value: where.team?.name ?? "" },
        { label: "Check", value: text(e.details.check) },
        { label: "Clusters", value: clusters || text(e.details.cluster) },
        { label: "Dedup key", value: e.dedup_key },
      ],
    }),
  };
}

/** First delivered of its action for its firing: an earlier delivered one makes it a repeat. */
const FIRST_OF_FIRING = `NOT EXISTS (
  SELECT 1 FROM alert_events p
   WHERE p.group_id = e.group_id AND p.dedup_key = e.dedup_key AND p.action = e.action
     AND p.channel = 'pagerduty' AND p.status = 'delivered' AND (p.delivered_at, p.id) < (e.delivered_at, e.id))`;

export const pagerDutySource: TSource = {
  name: "pagerduty",
  orgs: (clock) =>
    orgsWithRows(
      "pagerduty",
      `SELECT 1 FROM alert_events e
        WHERE e.org_id = o.id AND e.created_at >= coalesce(c.last_at, $2::timestamptz) - interval '1 day'
          AND e.channel = 'pagerduty' AND e.status = 'delivered' AND e.action IN ('trigger', 'resolve')
          AND ${pending("e.delivered_at")}`,
      clock,
    ),
  async read(client, orgId, from, clock) {
    const { rows } = await client.query<TDelivered & { first: boolean }>(
      `SELECT e.id::text AS id, e.delivered_at AS at, e.action::text AS action, e.dedup_key, g.team_id,
              e.destination_name, g.id AS group_id, g.title, g.kind::text AS kind, g.scope, g.details,
              g.pd_severity::text AS pd_severity, ${FIRST_OF_FIRING} AS first
         FROM alert_events e JOIN alert_groups g ON g.id = e.group_id
        WHERE e.org_id = $1::uuid AND e.created_at >= $2::timestamptz - interval '1 day'
          AND e.channel = 'pagerduty' AND e.status = 'delivered' AND e.action IN ('trigger', 'resolve')
          AND ${afterCursor("e.delivered_at", "e.id", "bigint")}
        ORDER BY e.delivered_at, e.id
        LIMIT $5`,
      readParams(orgId, from, clock),
    );
    // Two services paged for one group get the same trigger: once per firing (and batch).
    const seen = new Set<string>();
    const events = rows
      .filter((e) => e.first)
      .filter((e) => !seen.has(`${e.dedup_key}:${e.action}`) && seen.add(`${e.dedup_key}:${e.action}`))
      .map(eventOf);
    return { events, ...positionAfter(rows, clock) };
  },
};
