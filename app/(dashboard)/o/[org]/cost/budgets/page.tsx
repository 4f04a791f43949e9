import type { Metadata } from "next";
import { visibleTeams } from "@/lib/auth/access";
import { canOrg, canTeam, effectiveTeamRole } from "@/lib/auth/permissions";
import { requireOrgPage } from "@/lib/auth/page-guards";
import { listBudgetAlerts, listBudgets } from "@/lib/cost/budgets/queries";
import { DEFAULT_THRESHOLDS } from "@/lib/cost/budgets/schemas";
import { formatMoney } from "@/lib/cost/format/numbers";
import { listCostLabelKeys } from "@/lib/cost/queries/labels";
import { prepareBudgets } from "@/lib/cost/format/budgets";
import { isoDay, resolveRange } from "@/lib/cost/range";
import { costScopeOf } from "@/lib/cost/scope";
import { getCostCurrency } from "@/lib/cost/queries/settings";
import { thresholdFields, type TBudgetFormFields } from "@/lib/cost/forms/budget-form";
import { costHref, parseRangeState } from "@/lib/cost/format/page-state";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/components/ui/format";
import { EmptyIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { BudgetDialog } from "@/components/cost/budget-dialog";
import { BudgetList, thresholdLabel } from "@/components/cost/budget-list";
import { CostTabs } from "@/components/cost/cost-tabs";
import { deleteBudgetAction } from "./actions";

export const metadata: Metadata = { title: "Budgets" };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export default async function BudgetsPage({ params, searchParams }: PageProps<"/o/[org]/cost/budgets">) {
  const { org } = await params;
  const access = await requireOrgPage(org);
  const search = await searchParams;
  const state = parseRangeState(search);
  const scope = costScopeOf(access);
  const today = isoDay(new Date());
  const [budgets, alerts, currency, teams, labelKeys] = await Promise.all([
    listBudgets(scope, { asOf: today }),
    listBudgetAlerts(scope, 20),
    getCostCurrency(access.org.id),
    visibleTeams(access),
    listCostLabelKeys(scope, resolveRange("90d", today)),
  ]);
  const orgAdmin = canOrg(access.role, "org:settings:manage");
  const manageable = teams.filter((t) =>
    canTeam(effectiveTeamRole(access.role, access.teamRoles.get(t.id)), "team:budgets:manage"),
  );
  const manageableIds = new Set(manageable.map((t) => t.id));
  const canCreate = orgAdmin || manageable.length > 0;
  const base = `/o/${access.org.slug}/cost`;
  const path = `${base}/budgets`;
  const formProps = {
    orgSlug: access.org.slug,
    teams: manageable.map((t) => ({ id: t.id, name: t.name })),
    orgWide: orgAdmin,
    labelKeys,
    currency,
  };

  // A "Set a budget" link from a team or service page opens the form filled in.
  const asked = first(search.new);
  const askedTeam = manageable.find((t) => t.slug === first(search.team));
  const askedScope = asked === "service" || asked === "label" ? asked : "team";
  const blank: TBudgetFormFields = {
    name: askedTeam ? `${askedScope === "service" ? first(search.value) : askedTeam.name} monthly` : "",
    scope: askedScope,
    teamId: askedTeam?.id ?? manageable[0]?.id ?? "",
    value: askedScope === "service" ? first(search.value) : "",
    labelKey: "",
    monthlyAmount: "",
    ...thresholdFields(DEFAULT_THRESHOLDS),
  };

  const prepared = prepareBudgets(budgets, currency);
  const controls = new Map(
    budgets
      .filter((b) => (b.team ? manageableIds.has(b.team.id) : orgAdmin))
      .map((b) => [
        b.id,
        <div key={b.id} className="flex items-center gap-1">
          <BudgetDialog
            {...formProps}
            label="Edit"
            title={`Edit ${b.name}`}
            variant="ghost"
            size="sm"
            budgetId={b.id}
            initial={{
              name: b.name,
              scope: b.scope,
              teamId: b.team?.id ?? "",
              value: b.value,
              labelKey: b.labelKey,
              monthlyAmount: String(b.monthlyAmount),
              ...thresholdFields(b.thresholds),
            }}
          />
          <ConfirmAction
            action={deleteBudgetAction}
            fields={{ org: access.org.slug, budgetId: b.id }}
            triggerLabel="Delete"
            title={`Delete ${b.name}?`}
            description="Its alerts stop. Alerts already raised stay in the alerting history."
            confirmLabel="Delete budget"
            pendingLabel="Deleting…"
          />
        </div>,
      ]),
  );

  return (
    <>
      <PageHeader
        title="Budgets"
        description="Monthly budgets per team, service or label value: spent so far, the month-end forecast, and alerts when a threshold is crossed."
        actions={
          <>
            <a
              href={costHref(`${base}/export`, state.query, { table: "budgets" })}
              className={buttonClass("secondary")}
              download
            >
              Export CSV
            </a>
            {canCreate ? (
              <BudgetDialog
                {...formProps}
                label="New budget"
                title="New budget"
                initial={blank}
                initialOpen={Boolean(asked && (askedTeam || !first(search.team)))}
                doneHref={path}
              />
            ) : null}
          </>
        }
      />
      <CostTabs orgSlug={access.org.slug} query={state.query} />
      <div className="space-y-6">
        {prepared.length ? (
          <Card>
            <CardHeader
              title={`This month: ${new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${today}T00:00:00Z`))}`}
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
        <Card>
          <CardHeader
            title="Recent budget alerts"
            description="Each threshold is raised once a month, here and through the alerting rules."
          />
          {alerts.length ? (
            <Table>
              <caption className="sr-only">Recent budget alerts</caption>
              <thead>
                <tr>
                  <Th>Raised</Th>
                  <Th>Budget</Th>
                  <Th>Team</Th>
                  <Th>Threshold</Th>
                  <Th className="text-right">At</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {alerts.map((a) => (
                  <tr key={a.id}>
                    <Td className="whitespace-nowrap text-slate-500">{formatDateTime(a.raisedAt)}</Td>
                    <Td className="font-medium text-slate-900">{a.budget.name}</Td>
                    <Td>{a.team?.name ?? <span className="italic text-slate-500">Organization</span>}</Td>
                    <Td>{thresholdLabel(a.threshold)}</Td>
                    <Td className="text-right tabular-nums">
                      {formatMoney(a.amount, currency)} of {formatMoney(a.monthlyAmount, currency)}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          ) : (
            <p className="px-5 py-4 text-sm text-slate-500">No budget threshold has been crossed yet.</p>
          )}
        </Card>
      </div>
    </>
  );
}
