import "server-only";
import type { TOrgAccess } from "@/lib/auth/access";
import { createBudget } from "@/lib/cost/budgets/create-budget";
import { isoDay, monthStart } from "@/lib/cost/range";
import { orgCostScope } from "@/lib/cost/scope";
import { getServiceCostSeries } from "@/lib/cost/queries/service";
import { getTeamCostView } from "@/lib/cost/queries/team";
import { db } from "@/lib/server/db";
import { uploadAsAgent, type TDemoAgent } from "./agent-upload";
import { demoCostReports } from "./cost-reports";
import type { TDemoCluster } from "./inventory";

/**
 * Two months of cost through the real ingest path (OpenCost per cluster, the AWS bill of production),
 * then two budgets sized from it: Payments a little past 80 % this month (so its alert shows),
 * the storefront service comfortably inside its budget.
 */
export async function seedCost(
  orgId: string,
  agents: readonly { cluster: TDemoCluster; agent: TDemoAgent }[],
  now: Date,
): Promise<void> {
  for (const { cluster, agent } of agents) {
    for (const report of demoCostReports(cluster, now)) await uploadAsAgent(agent, report);
  }
  const org = await db.organization.findUniqueOrThrow({
    where: { id: orgId },
    select: { id: true, slug: true, name: true },
  });
  const owner = await db.membership.findFirstOrThrow({
    where: { orgId, role: "owner" },
    select: { user: { select: { id: true, email: true, name: true } } },
  });
  // The demo seed acts as the owner would from a password sign-in.
  const access: TOrgAccess = {
    user: { ...owner.user, signIn: { method: "password", ssoOrgId: null } },
    org,
    role: "owner",
    teamRoles: new Map(),
    breakGlass: false,
  };
  const teams = new Map(
    (await db.team.findMany({ where: { orgId }, select: { id: true, slug: true } })).map((t) => [t.slug, t.id]),
  );
  const scope = orgCostScope(orgId);
  const today = isoDay(now);
  const month = { from: monthStart(today), to: today };
  const payments = teams.get("payments");
  if (payments) {
    const { month: mtd } = (await getTeamCostView(scope, payments, month, "service")).summary;
    await createBudget(access, {
      name: "Payments platform",
      scope: "team",
      teamId: payments,
      // Rounded down, so the month to date stays past the 80 % threshold whatever the day of the month
      // (rounding up to tens put it under 80 % on some days).
      monthlyAmount: Math.max(1, Math.floor(mtd.monthToDate / 0.85)),
    });
  }
  const checkout = teams.get("checkout");
  if (checkout) {
    const days = await getServiceCostSeries(scope, checkout, "storefront", month);
    const mtd = days.reduce((s, d) => s + d.cost, 0);
    const perDay = days.length ? mtd / days.length : 1;
    await createBudget(access, {
      name: "Storefront",
      scope: "service",
      teamId: checkout,
      value: "storefront",
      monthlyAmount: Math.max(10, Math.ceil((perDay * 31 * 1.4) / 10) * 10),
    });
  }
}
