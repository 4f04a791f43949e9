import { deleteBudgetAction } from "@/lib/cost/actions";
import { budgetFormFields } from "@/lib/cost/format/budget-page";
import type { TBudgetView } from "@/lib/cost/budgets/queries";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { BudgetDialog } from "./budget-dialog";
import type { TBudgetFormProps } from "./budget-form";

/** Edit and Delete of one budget, for those who manage it. */
export function BudgetControls({
  budget,
  form,
}: {
  budget: TBudgetView;
  /** What every budget form of the page is opened with. */
  form: Omit<TBudgetFormProps, "initial" | "budgetId">;
}) {
  return (
    <div className="flex items-center gap-1">
      <BudgetDialog
        {...form}
        label="Edit"
        title={`Edit ${budget.name}`}
        variant="ghost"
        size="sm"
        budgetId={budget.id}
        initial={budgetFormFields(budget)}
      />
      <ConfirmAction
        action={deleteBudgetAction}
        fields={{ org: form.orgSlug, budgetId: budget.id }}
        triggerLabel="Delete"
        title={`Delete ${budget.name}?`}
        description="Its alerts stop. Alerts already raised stay in the alerting history."
        confirmLabel="Delete budget"
        pendingLabel="Deleting…"
      />
    </div>
  );
}
