import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/server/errors";
import { db, pool } from "@/lib/server/db";
import { anomalyDay, costAnomalySource } from "./cost-anomaly";
import { getCostAnomalyFactor, setCostAnomalyFactor } from "./cost-anomaly-factor";
import { clockAt } from "./cursor";
import { queuedMessages, routed, runAt, sourcesSetup, subscribeElsewhere } from "./sources-testing";

// Once a day, per team, unassigned and org: the last complete day's cost against the mean of the
// 14 days before it, times the org's factor (1.5 unless changed).

type TSetup = Awaited<ReturnType<typeof sourcesSetup>>;
const DAY_MS = 86_400_000;

/** A run the day after `day`, once the day has settled. */
const runDayAfter = (day: Date) => new Date(day.getTime() + DAY_MS + 3 * 3_600_000);

/** Cost rows of a team (null: unassigned) for each of the `days` before `day` at `usual`, and `day` at `cost`. */
async function costs(s: TSetup, teamId: string | null, day: Date, days: number, usual: number, cost: number) {
  await pool.query(
    `INSERT INTO cost_rollup_daily (org_id, cluster_id, day, owner_team_id, namespace, allocation, source, total_cost)
     SELECT $1, $2, $3::date - i, $4, 'default', 'workload', 'estimate', CASE WHEN i = 0 THEN $6::float8 ELSE $5::float8 END
       FROM generate_series(0, $7::int) AS i`,
    [s.t.org.id, s.cluster.id, day.toISOString().slice(0, 10), teamId, usual, cost, days],
  );
}

describe("cost anomalies as notifications", () => {
  it("tells each team whose day cost more than 1.5× its 14-day mean, once, and the org about its total", async () => {
    const s = await sourcesSetup(["cost.anomaly"]);
    const day = anomalyDay(new Date());
    await costs(s, s.payments.id, day, 14, 100, 200); // 2× its mean: an anomaly
    await costs(s, s.checkout.id, day, 14, 100, 120); // 1.2×: not one
    await costs(s, s.quiet.id, day, 8, 10, 1000); // no channel of its own: the baseline's to #platform
    const now = runDayAfter(day);

    expect(await runAt(costAnomalySource, s.t.org.id, now)).toBe(4);
    const rows = await queuedMessages(s.t.org.id);
    // The org's total is nobody's team: only org subscriptions hear it (the baseline, to its own target).
    expect([...routed(rows)].sort()).toEqual([
      ["cost.anomaly", "C0PAYMENTS", "Payments"],
      ["cost.anomaly", "C0PAYMENTS", "Payments"],
      ["cost.anomaly", "C0PLATFORM", null],
      ["cost.anomaly", "C0PLATFORM", "Quiet"],
    ]);
    const of = (team: string | null) => rows.find((r) => (r.message.team?.name ?? null) === team)!.message;
    const iso = day.toISOString().slice(0, 10);
    expect(of("Payments")).toMatchObject({
      title: `Payments cost 2.0× the daily average on ${iso}`,
      severity: "medium",
      link: expect.stringContaining(`/o/${s.t.org.slug}/cost/teams/${s.payments.slug}`),
    });
    expect(of("Payments").facts).toContainEqual({ label: "Cost", value: "$200.00" });
    expect(of("Payments").facts).toContainEqual({ label: "Daily average (14 days)", value: "$100.00" });
    expect(of("Quiet").severity).toBe("high"); // 100× its mean
    expect(of(null).title).toMatch(/^The organization cost /);

    // Once a day: a later run the same day queues nothing, and the org is not looked at again.
    expect(await costAnomalySource.orgs(clockAt(new Date(now.getTime() + 3_600_000)))).not.toContain(s.t.org.id);
    expect(await runAt(costAnomalySource, s.t.org.id, new Date(now.getTime() + 3_600_000))).toBe(0);
    expect(await queuedMessages(s.t.org.id)).toHaveLength(4);
  });

  it("follows the org's factor, and says nothing with fewer than 7 days of history or a mean of zero", async () => {
    const s = await sourcesSetup(["cost.anomaly"]);
    await setCostAnomalyFactor(s.t.org.id, s.actor, 2.5);
    const day = anomalyDay(new Date());
    await costs(s, s.payments.id, day, 14, 100, 200); // 2× < 2.5×
    await costs(s, s.checkout.id, day, 6, 10, 100); // 6 days of history only
    await costs(s, s.quiet.id, day, 14, 0, 50); // a mean of zero
    await costs(s, null, day, 14, 10, 30); // unassigned workloads: 3×
    // No team's day counts; the org's total (3.3× with Checkout's and Quiet's days) and unassigned (3×) do.
    expect(await runAt(costAnomalySource, s.t.org.id, runDayAfter(day))).toBe(2);
    const rows = await queuedMessages(s.t.org.id);
    expect(routed(rows)).toEqual([
      ["cost.anomaly", "C0PLATFORM", null],
      ["cost.anomaly", "C0PLATFORM", null],
    ]);
    expect(rows[0]!.message.title).toMatch(/^The organization cost 3\.3× /);
    expect(rows[1]!.message.title).toMatch(/^Unassigned workloads cost 3\.0× /);
    expect(rows[1]!.message.link).toMatch(/\/cost\/teams\/unassigned$/);
  });

  it("queues nothing when no subscription wants cost anomalies", async () => {
    const s = await sourcesSetup(["cost.anomaly"]);
    await subscribeElsewhere(s.t.org.id);
    const day = anomalyDay(new Date());
    await costs(s, s.payments.id, day, 14, 100, 200);
    expect(await runAt(costAnomalySource, s.t.org.id, runDayAfter(day))).toBe(0);
    expect(await queuedMessages(s.t.org.id)).toEqual([]);
  });
});

describe("the cost anomaly factor", () => {
  it("is 1.5 by default, changes with an audit row, and refuses values outside 1.1–10", async () => {
    const s = await sourcesSetup(["cost.anomaly"]);
    expect(await getCostAnomalyFactor(s.t.org.id)).toBe(1.5);
    expect(await setCostAnomalyFactor(s.t.org.id, s.actor, "2")).toEqual({ costAnomalyFactor: 2, changed: true });
    expect(await getCostAnomalyFactor(s.t.org.id)).toBe(2);
    const audit = await db.auditLog.findFirst({
      where: { orgId: s.t.org.id, action: "org.settings_changed" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit).toMatchObject({ before: { costAnomalyFactor: 1.5 }, after: { costAnomalyFactor: 2 } });
    expect(await setCostAnomalyFactor(s.t.org.id, s.actor, 2)).toEqual({ costAnomalyFactor: 2, changed: false });
    for (const bad of [1, 0.5, 11, "many"]) {
      const err = await setCostAnomalyFactor(s.t.org.id, s.actor, bad).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect(err).toMatchObject({ code: "bad_request", details: { field: "costAnomalyFactor" } });
    }
    expect(await getCostAnomalyFactor(s.t.org.id)).toBe(2);
  });
});
