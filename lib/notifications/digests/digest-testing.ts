import "server-only";
import { pool } from "@/lib/server/db";
import { createTestCluster, createTestTeam, createTestTenant } from "@/lib/testing/factories";
import type { TDigestWindow } from "./period";

// Fixtures of the digest tests: two teams with findings whose events fall in this week, the week
// before and earlier, cost rollup rows for both weeks, budgets, a stale cluster, and a third team
// with nothing at all. Written straight into the tables (the rollup triggers keep their counts).

/** The week a digest sent on Monday 7 Dec 2026 at 09:00 UTC covers. */
export const WEEK: TDigestWindow = {
  kind: "weekly",
  from: new Date("2026-11-30T09:00:00Z"),
  to: new Date("2026-12-07T09:00:00Z"),
};

type TFindingSpec = {
  team: "a" | "b" | null;
  severity: "critical" | "high" | "medium" | "low";
  check: string;
  source?: string;
  namespace: string;
  name: string;
  status?: "open" | "fixed" | "removed";
  resolution?: "will_not_fix";
  snoozed?: boolean;
  events: [kind: string, at: string][];
};

const SCORE = { critical: 0.95, high: 0.75, medium: 0.5, low: 0.25 } as const;

// Team A: critical runAsRoot on two workloads (one new this week, one last week), an old high
// CVE open and the same CVE fixed this week, a medium fixed last week and back this week, a low
// snoozed this week, a critical resolved this week and a medium removed last week.
const FINDINGS: TFindingSpec[] = [
  {
    team: "a",
    severity: "critical",
    check: "runAsRoot",
    namespace: "a",
    name: "w1",
    events: [["opened", "2026-12-02"]],
  },
  {
    team: "a",
    severity: "critical",
    check: "runAsRoot",
    namespace: "a",
    name: "w2",
    events: [["opened", "2026-11-25"]],
  },
  {
    team: "a",
    severity: "high",
    check: "CVE-1",
    source: "trivy",
    namespace: "a",
    name: "w1",
    events: [["opened", "2026-10-01"]],
  },
  {
    team: "a",
    severity: "high",
    check: "CVE-1",
    source: "trivy",
    namespace: "a",
    name: "w3",
    status: "fixed",
    events: [
      ["opened", "2026-10-01"],
      ["fixed", "2026-12-03"],
    ],
  },
  {
    team: "a",
    severity: "medium",
    check: "cpuLimits",
    namespace: "a",
    name: "w1",
    events: [
      ["opened", "2026-11-24"],
      ["fixed", "2026-11-26"],
      ["reopened", "2026-12-04"],
    ],
  },
  {
    team: "a",
    severity: "low",
    check: "tagNotSpecified",
    namespace: "a",
    name: "w1",
    snoozed: true,
    events: [
      ["opened", "2026-10-01"],
      ["snoozed", "2026-12-05"],
    ],
  },
  {
    team: "a",
    severity: "critical",
    check: "privEsc",
    namespace: "a",
    name: "w4",
    resolution: "will_not_fix",
    events: [
      ["opened", "2026-10-01"],
      ["resolved", "2026-12-01"],
    ],
  },
  {
    team: "a",
    severity: "medium",
    check: "cpuLimits",
    namespace: "a",
    name: "w2",
    status: "removed",
    events: [
      ["opened", "2026-10-01"],
      ["removed", "2026-11-27"],
    ],
  },
  {
    team: "b",
    severity: "critical",
    check: "runAsRoot",
    namespace: "b",
    name: "w1",
    events: [["opened", "2026-12-01"]],
  },
  {
    team: "b",
    severity: "high",
    check: "CVE-2",
    source: "trivy",
    namespace: "b",
    name: "w1",
    status: "fixed",
    events: [
      ["opened", "2026-10-01"],
      ["fixed", "2026-12-02"],
    ],
  },
  {
    team: null,
    severity: "high",
    check: "CVE-3",
    source: "trivy",
    namespace: "kube-system",
    name: "dns",
    events: [["opened", "2026-12-02"]],
  },
];

const days = (from: string, n: number) =>
  Array.from({ length: n }, (_, i) =>
    new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10),
  );

export async function seedDigestFixture() {
  const t = await createTestTenant();
  const a = t.team;
  const b = t.otherTeam;
  const c = await createTestTeam(t.org.id, { name: "Quiet" });
  const prod = await createTestCluster(t.org.id, { slug: `prod-${t.org.slug}`.slice(0, 40), name: "Prod" });
  const old = await createTestCluster(t.org.id, { slug: `old-${t.org.slug}`.slice(0, 40), name: "Old" });
  await createTestCluster(t.org.id, { name: "Never reported" });
  const teamOf = { a: a.id, b: b.id };

  const rows = FINDINGS.map((f, i) => ({
    fingerprint: `digest-${t.org.id}-${i}`,
    team_id: f.team ? teamOf[f.team] : null,
    severity: f.severity,
    score: SCORE[f.severity],
    source: f.source ?? "polaris",
    check_id: f.check,
    namespace: f.namespace,
    name: f.name,
    status: f.status ?? "open",
    resolution: f.resolution ?? null,
    snoozed_until: f.snoozed ? "2027-01-01T00:00:00Z" : null,
  }));
  const { rows: ids } = await pool.query<{ id: string; fingerprint: string }>(
    `INSERT INTO findings (org_id, cluster_id, fingerprint, source, check_id, category, severity, score, title,
                           namespace, kind, name, owner_team_id, status, resolution, snoozed_until)
     SELECT $1, $2, x.fingerprint, x.source, x.check_id, 'security', x.severity::severity_level, x.score,
            x.check_id || ' is wrong', x.namespace, 'Deployment', x.name, x.team_id, x.status::finding_status,
            x.resolution::finding_resolution, x.snoozed_until
       FROM jsonb_to_recordset($3::jsonb) AS x(fingerprint text, team_id uuid, severity text, score real, source text,
            check_id text, namespace text, name text, status text, resolution text, snoozed_until timestamptz)
     RETURNING id, fingerprint`,
    [t.org.id, prod.id, JSON.stringify(rows)],
  );
  const idOf = new Map(ids.map((r) => [r.fingerprint, r.id]));
  const events = FINDINGS.flatMap((f, i) =>
    f.events.map(([kind, day]) => ({ finding_id: idOf.get(rows[i]!.fingerprint), kind, at: `${day}T12:00:00Z` })),
  );
  await pool.query(
    `INSERT INTO finding_events (org_id, finding_id, kind, created_at)
     SELECT $1, x.finding_id, x.kind::finding_event_kind, x.at
       FROM jsonb_to_recordset($2::jsonb) AS x(finding_id uuid, kind text, at timestamptz)`,
    [t.org.id, JSON.stringify(events)],
  );

  // Cost per day: this week (30 Nov – 6 Dec) and the week before (23 – 29 Nov).
  const cost: { team_id: string | null; day: string; namespace: string; allocation: string; cost: number }[] = [];
  const add = (team: string | null, namespace: string, allocation: string, before: number, now: number) => {
    for (const day of days("2026-11-23", 7)) cost.push({ team_id: team, day, namespace, allocation, cost: before });
    for (const day of days("2026-11-30", 7)) cost.push({ team_id: team, day, namespace, allocation, cost: now });
  };
  add(a.id, "a", "workload", 5, 10);
  add(a.id, "a-batch", "workload", 3, 1);
  add(b.id, "b", "workload", 2, 2);
  add(null, "__idle__", "idle", 4, 4);
  await pool.query(
    `INSERT INTO cost_rollup_daily (org_id, cluster_id, day, owner_team_id, namespace, allocation, source, total_cost)
     SELECT $1, $2, x.day, x.team_id, x.namespace, x.allocation, 'opencost', x.cost
       FROM jsonb_to_recordset($3::jsonb) AS x(team_id uuid, day date, namespace text, allocation text, cost float8)`,
    [t.org.id, prod.id, JSON.stringify(cost)],
  );
  await pool.query(
    `INSERT INTO cost_budgets (org_id, scope, team_id, name, monthly_amount, thresholds)
     VALUES ($1, 'team', $2, 'A monthly', 100, '[{"basis":"actual","percent":50}]'),
            ($1, 'team', $3, 'B monthly', 1000, '[{"basis":"actual","percent":50}]')`,
    [t.org.id, a.id, b.id],
  );

  // Prod reported an hour before the digest; Old two days before (stale after 24 h), and runs A's workloads.
  await pool.query(
    `INSERT INTO reports (org_id, cluster_id, type, sha256, body, size_bytes, received_at)
     VALUES ($1, $2, 'polaris', md5(random()::text), '\\x7b7d', 2, '2026-12-07T08:00:00Z'),
            ($1, $3, 'polaris', md5(random()::text), '\\x7b7d', 2, '2026-12-05T09:00:00Z')`,
    [t.org.id, prod.id, old.id],
  );
  await pool.query(
    `INSERT INTO resources (org_id, cluster_id, namespace, kind, name, owner_team_id)
     VALUES ($1, $2, 'a', 'Deployment', 'legacy', $3), ($1, $2, 'x', 'Deployment', 'orphan', NULL)`,
    [t.org.id, old.id, a.id],
  );
  return { ...t, a, b, c, prod, old };
}
