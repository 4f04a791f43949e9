import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { authorizeOrg } from "@/lib/auth/access";
import { pool } from "@/lib/server/db";
import { createTestCluster, createTestTenant } from "@/lib/testing/factories";
import { signInAs } from "@/lib/testing/session";
import { orgCostScope, costScopeOf } from "../scope";
import { deploymentAllocation, uploadReport } from "../testing/upload";
import { createBudget } from "./create-budget";
import { deleteBudget } from "./delete-budget";
import { listBudgetAlerts, listBudgets } from "./queries";
import { updateBudget } from "./update-budget";

const day = (d: string) => ({
  start: `${d}T00:00:00Z`,
  end: new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString(),
});

async function setup() {
  const t = await createTestTenant();
  await pool.query(`UPDATE teams SET scope_rules = $2 WHERE id = $1`, [
    t.team.id,
    JSON.stringify([{ effect: "include", cluster: "*", namespace: "shop", kind: "*", name: "*", labels: {} }]),
  ]);
  const cluster = await createTestCluster(t.org.id);
  return { t, cluster };
}

/** One day of OpenCost for the team's shop/web: `cost` in CPU. Received at the end of that day. */
async function spend(orgId: string, clusterId: string, d: string, cost: number) {
  return uploadReport(
    orgId,
    clusterId,
    "opencost",
    {
      code: 200,
      data: [deploymentAllocation("shop", "web", day(d), { cpu: cost }, { product: "search" })],
    },
    new Date(`${d}T23:59:00Z`),
  );
}

async function alertsOf(budgetId: string) {
  const { rows } = await pool.query<{ period: string; threshold: string }>(
    `SELECT to_char(period, 'YYYY-MM-DD') AS period, threshold FROM cost_budget_alerts WHERE budget_id = $1 ORDER BY raised_at, threshold`,
    [budgetId],
  );
  return rows.map((r) => `${r.period} ${r.threshold}`);
}

describe("budgets", () => {
  it("raises each crossed threshold exactly once per month, and again the next month", async () => {
    const { t, cluster } = await setup();
    signInAs(t.users.teamAdmin);
    const access = await authorizeOrg(t.org.slug);
    const budget = await createBudget(access, {
      name: "Shop",
      scope: "team",
      teamId: t.team.id,
      monthlyAmount: 300,
      thresholds: [
        { basis: "actual", percent: 80 },
        { basis: "actual", percent: 100 },
      ],
    });
    // June has 30 days: 10 a day forecasts 300, not over; actual reaches 80 % (240) on the 24th.
    for (let d = 1; d <= 23; d++) await spend(t.org.id, cluster.id, `2026-06-${String(d).padStart(2, "0")}`, 10);
    expect(await alertsOf(budget.id)).toEqual([]);
    await spend(t.org.id, cluster.id, "2026-06-24", 10);
    expect(await alertsOf(budget.id)).toEqual(["2026-06-01 actual:80"]);
    // Further reports of the month above 80 % do not raise it again.
    await spend(t.org.id, cluster.id, "2026-06-25", 10);
    await spend(t.org.id, cluster.id, "2026-06-26", 10);
    expect(await alertsOf(budget.id)).toEqual(["2026-06-01 actual:80"]);
    await spend(t.org.id, cluster.id, "2026-06-27", 50);
    expect(await alertsOf(budget.id)).toEqual(["2026-06-01 actual:80", "2026-06-01 actual:100"]);
    // Handed to the alerting outbox: one incident for the budget's month, updated by the second threshold.
    const groups = await pool.query<{ kind: string; title: string; team_id: string; pd_severity: string }>(
      `SELECT kind, title, team_id, pd_severity FROM alert_groups WHERE org_id = $1`,
      [t.org.id],
    );
    expect(groups.rows).toEqual([
      {
        kind: "budget",
        title: expect.stringContaining('Budget "Shop" has spent 100% of 300.00 in 2026-06'),
        team_id: t.team.id,
        pd_severity: "warning",
      },
    ]);
    // A new month starts from zero: crossing again is a new alert.
    await spend(t.org.id, cluster.id, "2026-07-01", 290);
    expect(await alertsOf(budget.id)).toEqual([
      "2026-06-01 actual:80",
      "2026-06-01 actual:100",
      "2026-07-01 actual:80",
    ]);

    const [view] = await listBudgets(costScopeOf(access), { asOf: "2026-06-30" });
    expect(view.progress.month.monthToDate).toBeCloseTo(310, 9);
    const { rows } = await pool.query<{ total: number }>(
      `SELECT sum(total_cost) AS total FROM cost_daily WHERE org_id = $1 AND owner_team_id = $2 AND day BETWEEN '2026-06-01' AND '2026-06-30'`,
      [t.org.id, t.team.id],
    );
    expect(view.progress.month.monthToDate).toBeCloseTo(rows[0].total, 9);
    expect(view.alerts.map((a) => a.threshold)).toEqual(["actual:80", "actual:100"]);
    const alerts = await listBudgetAlerts(orgCostScope(t.org.id));
    expect(alerts.map((a) => `${a.period} ${a.threshold}`)).toEqual([
      "2026-07-01 actual:80",
      "2026-06-01 actual:100",
      "2026-06-01 actual:80",
    ]);
    signInAs(null);
  });

  it("raises a forecast threshold early, and budgets a label value across teams", async () => {
    const { t, cluster } = await setup();
    signInAs(t.users.admin);
    const access = await authorizeOrg(t.org.slug);
    const byForecast = await createBudget(access, {
      name: "Search",
      scope: "label",
      labelKey: "product",
      value: "search",
      monthlyAmount: 100,
      thresholds: [{ basis: "forecast", percent: 100 }],
    });
    await spend(t.org.id, cluster.id, "2026-09-01", 4);
    expect(await alertsOf(byForecast.id)).toEqual(["2026-09-01 forecast:100"]);
    const [view] = await listBudgets(orgCostScope(t.org.id), { asOf: "2026-09-01" });
    expect(view.progress.month.forecast).toBeCloseTo(120, 9);
    signInAs(null);
  });

  it("lets team admins manage their team's budgets only; org-wide budgets are for org admins", async () => {
    const { t } = await setup();
    const input = { name: "B", scope: "team" as const, teamId: t.team.id, monthlyAmount: 10 };
    signInAs(t.users.viewer);
    await expect(createBudget(await authorizeOrg(t.org.slug), input)).rejects.toMatchObject({ code: "forbidden" });
    signInAs(t.users.member);
    await expect(createBudget(await authorizeOrg(t.org.slug), input)).rejects.toMatchObject({ code: "not_found" });
    signInAs(t.users.teamAdmin);
    const access = await authorizeOrg(t.org.slug);
    await expect(
      createBudget(access, { name: "Org", scope: "label", labelKey: "product", value: "x", monthlyAmount: 10 }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(createBudget(access, { ...input, teamId: t.otherTeam.id })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(createBudget(access, { ...input, monthlyAmount: -1 })).rejects.toBeInstanceOf(ZodError);
    const budget = await createBudget(access, input);
    expect(budget.thresholds).toEqual([
      { basis: "actual", percent: 80 },
      { basis: "actual", percent: 100 },
      { basis: "forecast", percent: 100 },
    ]);
    await updateBudget(access, budget.id, { ...input, monthlyAmount: 20 });
    // Another org's user cannot touch it, nor see it.
    const other = await createTestTenant();
    signInAs(other.users.admin);
    const otherAccess = await authorizeOrg(other.org.slug);
    await expect(deleteBudget(otherAccess, budget.id)).rejects.toMatchObject({ code: "not_found" });
    expect(await listBudgets(costScopeOf(otherAccess))).toEqual([]);
    signInAs(t.users.teamAdmin);
    await deleteBudget(access, budget.id);
    const audit = await pool.query<{ action: string }>(
      `SELECT action FROM audit_logs WHERE org_id = $1 AND target_type = 'budget' ORDER BY id`,
      [t.org.id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(["budget.created", "budget.updated", "budget.deleted"]);
    signInAs(null);
  });
});
