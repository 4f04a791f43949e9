import { beforeAll, describe, expect, it } from "vitest";
import { pool } from "@/lib/server/db";
import { computeDigests } from "./compute";
import { seedDigestFixture, WEEK } from "./digest-testing";
import { zeroCounts, type TDigest, type TSeverityCounts } from "./types";

// Every figure of a digest against one plain, hand-written query per figure and team (the
// production statements are set-based over all teams at once; these read one team the obvious
// way), plus the fixture's numbers worked out by hand, team isolation and the empty digest.

const BASE = "https://bumpers.example";
const NOW = WEEK.to;
const PREVIOUS_FROM = new Date("2026-11-23T09:00:00Z");

type TFixture = Awaited<ReturnType<typeof seedDigestFixture>>;
let fx: TFixture;
let digests: Map<string | null, TDigest>;

beforeAll(async () => {
  fx = await seedDigestFixture();
  digests = await computeDigests(
    pool,
    fx.org.id,
    [{ teamId: fx.a.id }, { teamId: fx.b.id }, { teamId: fx.c.id }, { teamId: null }],
    WEEK,
    { now: NOW, baseUrl: BASE },
  );
});

const digestOf = (teamId: string | null) => digests.get(teamId)!;

/** `team = $2` for a team, every row of the org for null. */
const teamIs = (alias: string) => `($2::uuid IS NULL OR ${alias}.owner_team_id = $2::uuid)`;

function counts(rows: { severity: string; n: number }[]): TSeverityCounts {
  const out = zeroCounts();
  for (const r of rows) if (r.severity in out) out[r.severity as keyof TSeverityCounts] = r.n;
  return out;
}

async function eventCounts(teamId: string | null, kinds: string[], from: Date, to: Date) {
  const { rows } = await pool.query<{ severity: string; n: number }>(
    `SELECT f.severity::text AS severity, count(*)::int AS n
       FROM finding_events e JOIN findings f ON f.id = e.finding_id
      WHERE f.org_id = $1 AND ${teamIs("f")} AND e.kind::text = ANY($3) AND e.created_at >= $4 AND e.created_at < $5
      GROUP BY 1`,
    [fx.org.id, teamId, kinds, from, to],
  );
  return counts(rows);
}

async function openNow(teamId: string | null) {
  const { rows } = await pool.query<{ severity: string; n: number }>(
    `SELECT severity::text AS severity, count(*)::int AS n FROM findings f
      WHERE org_id = $1 AND ${teamIs("f")} AND status = 'open' AND resolution IS NULL AND snoozed_until IS NULL
      GROUP BY 1`,
    [fx.org.id, teamId],
  );
  return counts(rows);
}

/** Open at the period's start: open now, less what entered the open state since, plus what left it. */
async function openAtStart(teamId: string | null) {
  const { rows } = await pool.query<{ severity: string; n: number }>(
    `SELECT s.severity::text AS severity, greatest(0,
              (SELECT count(*) FROM findings f
                WHERE f.org_id = $1 AND ${teamIs("f")} AND f.severity = s.severity AND f.state = 'open')
            - (SELECT coalesce(sum(CASE WHEN e.kind IN ('opened', 'reopened', 'unsnoozed', 'unresolved') THEN 1
                                        WHEN e.kind IN ('fixed', 'removed', 'resolved', 'snoozed') THEN -1 END), 0)
                 FROM finding_events e JOIN findings f ON f.id = e.finding_id
                WHERE f.org_id = $1 AND ${teamIs("f")} AND f.severity = s.severity
                  AND e.created_at >= $3 AND e.created_at < $4))::int AS n
       FROM unnest(ARRAY['critical', 'high', 'medium', 'low']::severity_level[]) AS s(severity)`,
    [fx.org.id, teamId, WEEK.from, WEEK.to],
  );
  return counts(rows);
}

async function topChecks(teamId: string | null) {
  const { rows } = await pool.query<{ check: string; urgent: number; resources: number; findings: number }>(
    `SELECT check_id AS check, count(*) FILTER (WHERE severity IN ('critical', 'high'))::int AS urgent,
            count(DISTINCT (cluster_id, namespace, kind, name))::int AS resources, count(*)::int AS findings
       FROM findings f WHERE org_id = $1 AND ${teamIs("f")} AND state = 'open'
      GROUP BY source, check_id ORDER BY 2 DESC, 3 DESC, 4 DESC, source, check_id LIMIT 5`,
    [fx.org.id, teamId],
  );
  return rows;
}

async function costBetween(teamId: string | null, from: string, to: string) {
  const { rows } = await pool.query<{ cost: number }>(
    `SELECT coalesce(sum(total_cost), 0)::float8 AS cost FROM cost_rollup_daily f
      WHERE org_id = $1 AND ${teamIs("f")} AND day BETWEEN $3 AND $4`,
    [fx.org.id, teamId, from, to],
  );
  return rows[0]!.cost;
}

async function movers(teamId: string | null) {
  const { rows } = await pool.query<{ namespace: string; delta: number }>(
    `SELECT namespace, (sum(total_cost) FILTER (WHERE day >= '2026-11-30')
                        - sum(total_cost) FILTER (WHERE day < '2026-11-30'))::float8 AS delta
       FROM cost_rollup_daily f
      WHERE org_id = $1 AND ${teamIs("f")} AND allocation = 'workload' AND day BETWEEN '2026-11-23' AND '2026-12-06'
      GROUP BY cluster_id, namespace HAVING sum(total_cost) FILTER (WHERE day >= '2026-11-30')
                                             <> sum(total_cost) FILTER (WHERE day < '2026-11-30')
      ORDER BY abs(sum(total_cost) FILTER (WHERE day >= '2026-11-30') - sum(total_cost) FILTER (WHERE day < '2026-11-30')) DESC
      LIMIT 3`,
    [fx.org.id, teamId],
  );
  return rows;
}

async function staleSlugs(teamId: string | null) {
  const { rows } = await pool.query<{ slug: string }>(
    `SELECT c.slug FROM clusters c
      WHERE c.org_id = $1
        AND (SELECT max(received_at) FROM reports r WHERE r.cluster_id = c.id) < $3::timestamptz - interval '24 hours'
        AND ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM resources r WHERE r.cluster_id = c.id AND r.owner_team_id = $2))
      ORDER BY c.slug`,
    [fx.org.id, teamId, NOW],
  );
  return rows.map((r) => r.slug);
}

const audiences = () =>
  [
    ["team A", fx.a.id],
    ["team B", fx.b.id],
    ["team C (nothing)", fx.c.id],
    ["the org", null],
  ] as const;

describe("computeDigests: each figure against its own query", () => {
  it("new, fixed and open findings by severity, this week and the week before", async () => {
    for (const [, teamId] of audiences()) {
      const d = digestOf(teamId).findings;
      expect(d.new).toEqual(await eventCounts(teamId, ["opened", "reopened"], WEEK.from, WEEK.to));
      expect(d.fixed).toEqual(await eventCounts(teamId, ["fixed"], WEEK.from, WEEK.to));
      expect(d.previous.new).toEqual(await eventCounts(teamId, ["opened", "reopened"], PREVIOUS_FROM, WEEK.from));
      expect(d.previous.fixed).toEqual(await eventCounts(teamId, ["fixed"], PREVIOUS_FROM, WEEK.from));
      expect(d.open).toEqual(await openNow(teamId));
      expect(d.previous.open).toEqual(await openAtStart(teamId));
    }
  });

  it("gives team A's findings as worked out by hand", () => {
    const d = digestOf(fx.a.id).findings;
    expect(d.new).toEqual({ critical: 1, high: 0, medium: 1, low: 0 });
    expect(d.fixed).toEqual({ critical: 0, high: 1, medium: 0, low: 0 });
    expect(d.open).toEqual({ critical: 2, high: 1, medium: 1, low: 0 });
    expect(d.previous.new).toEqual({ critical: 1, high: 0, medium: 1, low: 0 });
    expect(d.previous.fixed).toEqual({ critical: 0, high: 0, medium: 1, low: 0 });
    // Open on 30 Nov: the two criticals (one resolved since), both CVE-1 findings, the low one (snoozed since).
    expect(d.previous.open).toEqual({ critical: 2, high: 2, medium: 0, low: 1 });
  });

  it("the five checks most worth fixing, with links to the filtered findings page", async () => {
    for (const [, teamId] of audiences()) {
      const top = digestOf(teamId).topToFix;
      expect(
        top.map((t) => ({ check: t.check, urgent: t.urgent, resources: t.resources, findings: t.findings })),
      ).toEqual(await topChecks(teamId));
    }
    const a = digestOf(fx.a.id).topToFix;
    expect(a.map((t) => t.check)).toEqual(["runAsRoot", "CVE-1", "cpuLimits"]);
    expect(a[0]).toMatchObject({ severity: "critical", urgent: 2, resources: 2, title: "runAsRoot is wrong" });
    expect(a[0]!.link).toBe(`${BASE}/o/${fx.org.slug}/findings?team=${fx.a.slug}&source=polaris&check=runAsRoot`);
    expect(digestOf(null).topToFix[0]!.link).toBe(`${BASE}/o/${fx.org.slug}/findings?source=polaris&check=runAsRoot`);
  });

  it("cost this week against last week, top movers and the daily series", async () => {
    for (const [, teamId] of audiences()) {
      const cost = digestOf(teamId).cost;
      expect(cost.days).toEqual({
        from: "2026-11-30",
        to: "2026-12-06",
        previousFrom: "2026-11-23",
        previousTo: "2026-11-29",
      });
      expect(cost.total).toBeCloseTo(await costBetween(teamId, "2026-11-30", "2026-12-06"), 6);
      expect(cost.previous).toBeCloseTo(await costBetween(teamId, "2026-11-23", "2026-11-29"), 6);
      expect(cost.movers.map((m) => ({ namespace: m.namespace, delta: m.delta }))).toEqual(await movers(teamId));
      expect(cost.daily).toHaveLength(7);
      expect(cost.daily[0]!.cost).toBeCloseTo(await costBetween(teamId, "2026-11-30", "2026-11-30"), 6);
      expect(cost.daily[0]!.previousCost).toBeCloseTo(await costBetween(teamId, "2026-11-23", "2026-11-23"), 6);
    }
    const a = digestOf(fx.a.id).cost;
    expect([a.total, a.previous, a.change]).toEqual([77, 56, 0.375]);
    expect(a.movers.map((m) => [m.namespace, m.delta])).toEqual([
      ["a", 35],
      ["a-batch", -14],
    ]);
    expect(digestOf(null).cost.total).toBe(77 + 14 + 28);
  });

  it("budgets: month-to-date spend against the monthly amount, crossed thresholds", async () => {
    const { rows } = await pool.query<{ spend: number }>(
      `SELECT sum(total_cost)::float8 AS spend FROM cost_rollup_daily
        WHERE org_id = $1 AND owner_team_id = $2 AND day BETWEEN '2026-12-01' AND '2026-12-06'`,
      [fx.org.id, fx.a.id],
    );
    const [budget] = digestOf(fx.a.id).budgets;
    expect(budget).toMatchObject({ name: "A monthly", monthlyAmount: 100, crossed: ["actual:50"] });
    expect(budget!.monthToDate).toBeCloseTo(rows[0]!.spend, 6);
    expect(budget!.monthToDate).toBe(66);
    expect(digestOf(fx.b.id).budgets.map((b) => [b.name, b.crossed])).toEqual([["B monthly", []]]);
    expect(digestOf(null).budgets.map((b) => b.name)).toEqual(["A monthly", "B monthly"]);
  });

  it("stale clusters: the org's all, a team's those running its workloads", async () => {
    for (const [, teamId] of audiences()) {
      expect(digestOf(teamId).staleClusters.map((c) => c.slug)).toEqual(await staleSlugs(teamId));
    }
    expect(digestOf(fx.a.id).staleClusters).toEqual([
      { slug: fx.old.slug, name: "Old", lastReportAt: "2026-12-05T09:00:00.000Z", hoursSilent: 48 },
    ]);
  });
});

describe("computeDigests: isolation, labels and the empty digest", () => {
  it("keeps team B's findings and cost out of team A's digest", () => {
    const a = JSON.stringify(digestOf(fx.a.id));
    expect(a).not.toContain("CVE-2");
    expect(a).not.toContain('"namespace":"b"');
    expect(a).not.toContain("CVE-3");
    expect(digestOf(fx.b.id).cost.total).toBe(14);
    expect(digestOf(fx.b.id).topToFix.map((t) => t.check)).toEqual(["runAsRoot"]);
  });

  it("says what the period is and where to look, in the team's words", () => {
    const a = digestOf(fx.a.id);
    expect(a.period).toMatchObject({ label: "Week of 30 Nov – 6 Dec 2026", timeZone: "UTC" });
    expect(a.team).toEqual({ slug: fx.a.slug, name: fx.a.name });
    expect(a.links.home).toBe(`${BASE}/o/${fx.org.slug}/teams/${fx.a.slug}`);
    expect(a.links.findings).toBe(`${BASE}/o/${fx.org.slug}/findings?team=${fx.a.slug}`);
    expect(digestOf(null).team).toBeNull();
    expect(digestOf(null).links.home).toBe(`${BASE}/o/${fx.org.slug}`);
  });

  it("is empty for a team with nothing new, fixed, urgent, moving or stale; not for the others", () => {
    expect(digestOf(fx.c.id).empty).toBe(true);
    expect(digestOf(fx.a.id).empty).toBe(false);
    expect(digestOf(fx.b.id).empty).toBe(false);
    expect(digestOf(null).empty).toBe(false);
  });

  it("gives a team the same digest computed alone as computed with the whole org", async () => {
    const alone = await computeDigests(pool, fx.org.id, [{ teamId: fx.a.id }], WEEK, { now: NOW, baseUrl: BASE });
    expect(alone.get(fx.a.id)).toEqual(digestOf(fx.a.id));
  });

  it("is empty for a quiet period once the urgent findings are gone", async () => {
    await pool.query(`UPDATE findings SET status = 'fixed' WHERE org_id = $1 AND owner_team_id = $2`, [
      fx.org.id,
      fx.b.id,
    ]);
    const quiet = {
      kind: "daily" as const,
      from: new Date("2026-12-20T09:00:00Z"),
      to: new Date("2026-12-21T09:00:00Z"),
    };
    const later = await computeDigests(pool, fx.org.id, [{ teamId: fx.b.id }], quiet, {
      now: quiet.to,
      baseUrl: BASE,
    });
    expect(later.get(fx.b.id)).toMatchObject({ empty: true, period: { label: "Sunday 20 Dec 2026" } });
  });

  it("survives the JSON round trip of the outbox unchanged", () => {
    const d = digestOf(fx.a.id);
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
  });
});
