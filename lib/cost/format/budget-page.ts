import type { TBudgetView } from "../budgets/queries";
import { DEFAULT_THRESHOLDS } from "../budgets/schemas";
import { thresholdFields, type TBudgetFormFields } from "../forms/budget-form";

// What the budgets page decides before it renders: which budgets the viewer manages, and the new
// budget form a "Set a budget" link (on a team's or service's cost page) asks for. Pure.

type TTeam = { id: string; slug: string; name: string };
type TSearch = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/**
 * What the viewer may do with budgets: create one (org admins, and admins of at least one team),
 * and change a budget of a team they manage; an org-wide (label) budget is org admins' only.
 */
export function budgetPermissions(manageable: readonly TTeam[], orgAdmin: boolean) {
  const ids = new Set(manageable.map((t) => t.id));
  return {
    canCreate: orgAdmin || manageable.length > 0,
    canManage: (budget: Pick<TBudgetView, "team">) => (budget.team ? ids.has(budget.team.id) : orgAdmin),
  };
}

/**
 * The new budget form: blank, or filled in as the link asks (?new=team|service|label&team=<slug>
 * &value=<service>) for a team the viewer manages, and then open at once. A link naming a team
 * the viewer may not budget for opens nothing.
 */
export function newBudgetForm(
  search: TSearch,
  manageable: readonly TTeam[],
): { initial: TBudgetFormFields; open: boolean } {
  const asked = first(search.new);
  const team = manageable.find((t) => t.slug === first(search.team));
  const scope = asked === "service" || asked === "label" ? asked : "team";
  const service = scope === "service" ? first(search.value) : "";
  return {
    initial: {
      name: team ? `${scope === "service" ? service : team.name} monthly` : "",
      scope,
      teamId: team?.id ?? manageable[0]?.id ?? "",
      value: service,
      labelKey: "",
      monthlyAmount: "",
      ...thresholdFields(DEFAULT_THRESHOLDS),
    },
    open: Boolean(asked && (team || !first(search.team))),
  };
}

/** A saved budget as its edit form starts. */
export function budgetFormFields(budget: TBudgetView): TBudgetFormFields {
  return {
    name: budget.name,
    scope: budget.scope,
    teamId: budget.team?.id ?? "",
    value: budget.value,
    labelKey: budget.labelKey,
    monthlyAmount: String(budget.monthlyAmount),
    ...thresholdFields(budget.thresholds),
  };
}

/** "March 2026": the month a budget's progress is for (UTC). */
export function monthTitle(today: string): string {
  return new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${today}T00:00:00Z`),
  );
}
