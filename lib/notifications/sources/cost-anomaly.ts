import "server-only";
import type { TSourceEvent } from "@/lib/alerting/engine/queue-messages";
import { formatMoney } from "@/lib/cost/format/numbers";
import { orgsWithRows, type TSource } from "./cursor";

// Once a day, per team, for unassigned workloads and for the whole org: the last complete UTC
// day's cost against the mean of the 14 days before it. Above the mean times the org's factor
// (organizations.cost_anomaly_factor, 1.5 unless changed) is an anomaly. A mean of zero, or fewer
// than 7 of the 14 days with any cost, says nothing yet, so those are skipped. The cursor holds
// the last day evaluated; after an outage only the latest day is evaluated, never a backlog.

/** Reports of a day keep arriving after midnight: the day is evaluated this long after it ends. */
export const COST_SETTLE_HOURS = 2;
const DAY_MS = 86_400_000;
/** Days before the evaluated one the mean is taken over, and how many of them need cost. */
export const TRAILING_DAYS = 14;
export const MIN_DAYS_WITH_DATA = 7;
/** At this ratio or more the anomaly is "high", else "medium". */
const HIGH_RATIO = 3;

/** The day (UTC midnight) the run at `now` evaluates: the last complete one, once it settled. */
export function anomalyDay(now: Date): Date {
  const t = new Date(now.getTime() - COST_SETTLE_HOURS * 3_600_000);
  return new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate()) - DAY_MS);
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

type TBucket = {
  bucket: "team" | "unassigned" | "org";
  team_id: string | null;
  cost: number;
  mean: number;
  days: number;
};

function eventOf(b: TBucket, day: string, factor: number, currency: string, now: Date): TSourceEvent {
  const ratio = b.cost / b.mean;
  const severity = ratio >= HIGH_RATIO ? "high" : "medium";
  const money = (v: number) => formatMoney(v, currency);
  return {
    type: "cost.anomaly",
    teamId: b.team_id,
    items: [{ severity, category: "cost", source: "cost", checkId: "cost-anomaly", cluster: "", namespace: "" }],
    groupKey: `cost.anomaly:${b.bucket}:${b.team_id ?? ""}:${day}`,
    count: 1,
    windowMs: 0,
    occurredAt: now,
    message: (_repeats, where) => {
      const who = where.team?.name ?? (b.bucket === "unassigned" ? "Unassigned workloads" : "The organization");
      const path = where.team
        ? `/cost/teams/${where.team.slug}`
        : b.bucket === "unassigned"
          ? "/cost/teams/unassigned"
          : "/cost";
      return {
        title: `${who} cost ${ratio.toFixed(1)}× the daily average on ${day}`,
        summary:
          `${money(b.cost)} on ${day} against a daily average of ${money(b.mean)} over the ${b.days} days with cost ` +
          `in the ${TRAILING_DAYS} before; a day above ${factor}× the average is an anomaly.`,
        severity,
        link: `${where.orgUrl}${path}`,
        linkText: "Open cost",
        facts: [
          { label: "Scope", value: who },
          { label: "Day", value: day },
          { label: "Cost", value: money(b.cost) },
          { label: `Daily average (${TRAILING_DAYS} days)`, value: money(b.mean) },
          { label: "Ratio", value: `${ratio.toFixed(2)}× (threshold ${factor}×)` },
        ],
      };
    },
  };
}

export const costAnomalySource: TSource = {
  name: "cost_anomaly",
  initial: (clock) => new Date(anomalyDay(clock.now).getTime() - DAY_MS),
  orgs: (clock) =>
    orgsWithRows(
      "cost_anomaly",
      `SELECT 1 FROM cost_rollup_daily r
        WHERE r.org_id = o.id AND r.day = $4::date
          AND (c.last_at IS NULL OR (c.last_at AT TIME ZONE 'UTC')::date < $4::date)`,
      clock,
      isoDay(anomalyDay(clock.now)),
    ),
  async read(client, orgId, from, clock) {
    const evaluated = anomalyDay(clock.now);
    if (from.at.getTime() >= evaluated.getTime()) return { events: [], next: null, more: false };
    const day = isoDay(evaluated);
    const settings = await client.query<{ factor: number; currency: string }>(
      `SELECT o.cost_anomaly_factor AS factor, coalesce(s.currency, 'USD') AS currency
         FROM organizations o LEFT JOIN cost_settings s ON s.org_id = o.id WHERE o.id = $1::uuid`,
      [orgId],
    );
    const { factor, currency } = settings.rows[0]!;
    // Per bucket: the day's cost, and the mean over the trailing days that have cost rows.
    const { rows } = await client.query<TBucket>(
      `WITH daily AS (
         SELECT r.day, r.owner_team_id, r.allocation, sum(r.total_cost) AS cost
           FROM cost_rollup_daily r
          WHERE r.org_id = $1::uuid AND r.day BETWEEN $2::date - $3::int AND $2::date
          GROUP BY 1, 2, 3
       ), buckets AS (
         SELECT day, 'team' AS bucket, owner_team_id AS team_id, sum(cost) AS cost
           FROM daily WHERE owner_team_id IS NOT NULL GROUP BY day, owner_team_id
         UNION ALL
         SELECT day, 'unassigned', NULL, sum(cost) FROM daily
          WHERE owner_team_id IS NULL AND allocation = 'workload' GROUP BY day
         UNION ALL
         SELECT day, 'org', NULL, sum(cost) FROM daily GROUP BY day
       ), figures AS (
         SELECT bucket, team_id, sum(cost) FILTER (WHERE day = $2::date) AS cost,
                avg(cost) FILTER (WHERE day < $2::date) AS mean, count(*) FILTER (WHERE day < $2::date)::int AS days
           FROM buckets GROUP BY bucket, team_id
       )
       SELECT bucket, team_id, cost, mean, days FROM figures
        WHERE days >= $4 AND mean > 0 AND cost > mean * $5
        ORDER BY bucket, team_id`,
      [orgId, day, TRAILING_DAYS, MIN_DAYS_WITH_DATA, factor],
    );
    return {
      events: rows.map((b) => eventOf(b, day, factor, currency, clock.now)),
      next: { at: evaluated, id: "" },
      more: false,
    };
  },
};
