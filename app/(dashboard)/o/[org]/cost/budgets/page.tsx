import type { Metadata } from "next";
import { visibleTeams } from "@/lib/auth/access";
import { canOrg } from "@/lib/auth/permissions";
import { listBudgetAlerts, listBudgets } from "@/lib/cost/budgets/queries";
import { listCostLabelKeys } from "@/lib/cost/queries/labels";
import { prepareBudgets } from "@/lib/cost/format/budgets";
import { budgetPermissions, monthTitle, newBudgetForm } from "@/lib/cost/format/budget-page";
import { canBudgetTeam } from "@/lib/cost/format/pages";
import { resolveRange } from "@/lib/cost/range";
import { getCostCurrency } from "@/lib/cost/queries/settings";
import { costHref } from "@/lib/cost/format/page-state";
import { requireOrgPage } from "@/lib/auth/page-guards";
import { costPageContext } from "@/lib/cost/loaders/cost-page";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { EmptyIcon } from "@/components/ui/icons";
import { BudgetAlertsCard } from "@/components/cost/budget-alerts-card";
import { BudgetControls } from "@/components/cost/budget-controls";
import { BudgetDialog } from "@/components/cost/budget-dialog";
import { BudgetList } from "@/components/cost/budget-list";
import { CostPageHeader } from "@/components/cost/cost-page-header";
import { ExportLink } from "@/components/cost/export-link";

export const metadata: Metadata = { title: "Budgets" };

export default async function BudgetsPage({ params, searchParams }: PageProps<"/o/[org]/cost/budgets">) {
  const access = await requireOrgPage((await params).org);
  const search = await searchParams;
  const { today, state, scope, base } = costPageContext(access, search);
  const [budgets, alerts, currency, teams, labelKeys] = await Promise.all([
    listBudgets(scope, { asOf: today }),
    listBudgetAlerts(scope, 20),
    getCostCurrency(access.org.id),
    visibleTeams(access),
    listCostLabelKeys(scope, resolveRange("90d", today)),
  ]);
  const orgAdmin = canOrg(access.role, "org:settings:manage");
  const manageable = teams.filter((t) => canBudgetTeam(access, t.id));
  const { canCreate, canManage } = budgetPermissions(manageable, orgAdmin);
  // A "Set a budget" link from a team or service page opens the form filled in.
  const asked = newBudgetForm(search, manageable);
  const form = {
    orgSlug: access.org.slug,
    teams: manageable.map((t) => ({ id: t.id, name: t.name })),
    orgWide: orgAdmin,
    labelKeys,
    currency,
  };
  const prepared = prepareBudgets(budgets, currency);
  const controls = new Map(
    budgets.filter(canManage).map((b) => [b.id, <BudgetControls key={b.id} budget={b} form={form} />]),
  );

  return (
    <>
      <CostPageHeader
        orgSlug={access.org.slug}
        query={state.query}
        title="Budgets"
        description="Monthly budgets per team, service or label value: spent so far, the month-end forecast, and alerts when a threshold is crossed."
        actions={
          <>
            <ExportLink button href={costHref(`${base}/export`, state.query, { table: "budgets" })} />
            {canCreate ? (
              <BudgetDialog
                {...form}
                label="New budget"
                title="New budget"
                initial={asked.initial}
                initialOpen={asked.open}
                doneHref={`${base}/budgets`}
              />
            ) : null}
          </>
        }
      />
      <div className="space-y-6">
        {prepared.length ? (
          <Card>
            <CardHeader
              title={`This month: ${monthTitle(today)}`}
              description="Bar: spent so far; lighter bar: the linear month-end forecast; ticks: the alert thresholds on spend."
            />
            <BudgetList budgets={prepared} controls={controls} />
          </Card>
        ) : (
          <EmptyState icon={<EmptyIcon name="bell" />} title="No budget yet">
            {canCreate
              ? "Set a monthly amount for a team, a service or a label value, and be told at 80 % and 100 % of it, or when the forecast says it will be blown."
              : "Team admins set budgets for their team. Ask yours if you want to be told before the team's cost runs over."}
          </EmptyState>
        )}
        <BudgetAlertsCard alerts={alerts} currency={currency} />
      </div>
    </>
  );
}
