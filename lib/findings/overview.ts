import "server-only";
import { pool } from "@/lib/server/db";
import { FINDING_STATES, type TFindingState } from "@/lib/domain/finding-filters";
import { FINDING_CATEGORIES } from "@/lib/domain/categories";
import { SEVERITY_LEVELS } from "@/lib/domain/severity";
import { narrowedIncludesUnassigned, narrowedScopeCondition } from "./api-scope";
import type { TFindingScope } from "@/lib/auth/visibility-scope";
import type { TFindingRow } from "./queries";
import { listFindings } from "./queries";
import { DEFAULT_FILTERS } from "@/lib/domain/finding-filters";

// The overview reads the rollups (finding_counts, finding_daily) that triggers keep current, so
// its cost does not grow with the number of findings; only "newest critical" touches findings,
// through an index, for five rows.

export type TOverview = {
  /** Open findings by severity and by category. */
  bySeverity: Record<(typeof SEVERITY_LEVELS)[number], number>;
  byCategory: Record<(typeof FINDING_CATEGORIES)[number], number>;
  /** All findings by state. */
  byState: Record<TFindingState, number>;
  /** Open findings no team owns, when the scope includes them (org admins); else null. */
  unassignedOpen: number | null;
  /** Per day (UTC), oldest first: introduced (opened + reopened), fixed, resolved. */
  trend: { day: string; introduced: number; fixed: number; resolved: number }[];
  worstClusters: TWorstPlace[];
  worstNamespaces: TWorstPlace[];
  newestCritical: TFindingRow[];
};

export type TWorstPlace = {
  cluster: { slug: string; name: string };
  namespace: string | null;
  critical: number;
  high: number;
  open: number;
};

const TREND_DAYS = 30;
const WORST_LIMIT = 5;

function zeroes<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

/** The overview of `scope`, narrowed to some teams when `teamSlugs` names any (see the list's team filter). */
export async function findingsOverview(
  scope: TFindingScope,
  now: Date = new Date(),
  teamSlugs: readonly string[] = [],
): Promise<TOverview> {
  const countParams: unknown[] = [];
  const countScope = narrowedScopeCondition(scope, teamSlugs, "fc", countParams);
  const dailyParams: unknown[] = [];
  const dailyScope = narrowedScopeCondition(scope, teamSlugs, "fd", dailyParams);
  const since = new Date(now.getTime() - (TREND_DAYS - 1) * 86_400_000).toISOString().slice(0, 10);
  dailyParams.push(since);

  const [counts, places, daily, newestCritical] = await Promise.all([
    pool.query<{ state: TFindingState; severity: string; category: string; unassigned: boolean; n: number }>(
      `SELECT state, severity, category, owner_team_id IS NULL AS unassigned, sum(count)::int AS n
         FROM finding_counts fc WHERE ${countScope} AND count <> 0
        GROUP BY state, severity, category, owner_team_id IS NULL`,
      countParams,
    ),
    pool.query<{
      cluster_slug: string;
      cluster_name: string;
      namespace: string;
      critical: number;
      high: number;
      open: number;
    }>(
      `SELECT c.slug AS cluster_slug, c.name AS cluster_name, fc.namespace,
              coalesce(sum(fc.count) FILTER (WHERE fc.severity = 'critical'), 0)::int AS critical,
              coalesce(sum(fc.count) FILTER (WHERE fc.severity = 'high'), 0)::int AS high,
              sum(fc.count)::int AS open
         FROM finding_counts fc JOIN clusters c ON c.id = fc.cluster_id
        WHERE ${countScope} AND fc.state = 'open' AND fc.count <> 0
        GROUP BY c.slug, c.name, fc.namespace`,
      countParams,
    ),
    pool.query<{ day: string; introduced: number; fixed: number; resolved: number }>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, sum(opened + reopened)::int AS introduced,
              sum(fixed)::int AS fixed, sum(resolved)::int AS resolved
         FROM finding_daily fd WHERE ${dailyScope} AND day >= $${dailyParams.length}::date
        GROUP BY day ORDER BY day`,
      dailyParams,
    ),
    listFindings(
      scope,
      { ...DEFAULT_FILTERS, team: [...teamSlugs], severity: ["critical"], sort: "first_seen" },
      { userId: null },
      {
        limit: 5,
      },
    ),
  ]);

  const bySeverity = zeroes(SEVERITY_LEVELS);
  const byCategory = zeroes(FINDING_CATEGORIES);
  const byState = zeroes(FINDING_STATES);
  let unassignedOpen = 0;
  for (const r of counts.rows) {
    byState[r.state] += r.n;
    if (r.state !== "open") continue;
    if (r.unassigned) unassignedOpen += r.n;
    if (r.severity in bySeverity) bySeverity[r.severity as keyof typeof bySeverity] += r.n;
    if (r.category in byCategory) byCategory[r.category as keyof typeof byCategory] += r.n;
  }

  const worst = (a: TWorstPlace, b: TWorstPlace) => b.critical - a.critical || b.high - a.high || b.open - a.open;
  const clusters = new Map<string, TWorstPlace>();
  const namespaces: TWorstPlace[] = [];
  for (const r of places.rows) {
    const cluster = { slug: r.cluster_slug, name: r.cluster_name };
    const total = clusters.get(r.cluster_slug) ?? { cluster, namespace: null, critical: 0, high: 0, open: 0 };
    total.critical += r.critical;
    total.high += r.high;
    total.open += r.open;
    clusters.set(r.cluster_slug, total);
    if (r.namespace)
      namespaces.push({ cluster, namespace: r.namespace, critical: r.critical, high: r.high, open: r.open });
  }

  // Every day of the window, including quiet ones, so the chart's time axis is even.
  const byDay = new Map(daily.rows.map((r) => [r.day, r]));
  const trend = Array.from({ length: TREND_DAYS }, (_, i) => {
    const day = new Date(Date.parse(`${since}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10);
    const r = byDay.get(day);
    return { day, introduced: r?.introduced ?? 0, fixed: r?.fixed ?? 0, resolved: r?.resolved ?? 0 };
  });

  return {
    bySeverity,
    byCategory,
    byState,
    unassignedOpen: narrowedIncludesUnassigned(scope, teamSlugs) ? unassignedOpen : null,
    trend,
    worstClusters: [...clusters.values()].sort(worst).slice(0, WORST_LIMIT),
    worstNamespaces: namespaces.sort(worst).slice(0, WORST_LIMIT),
    newestCritical: newestCritical.data,
  };
}
