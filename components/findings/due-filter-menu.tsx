import type { TFindingFilters } from "@/lib/domain/finding-filters";
import { formatDate } from "@/components/ui/format";
import { MenuApply, MenuButton } from "./filter-menu";

/**
 * The Due filter: overdue findings, or those due on or before a day. Plain form fields named like
 * the URL parameters (`overdue=true`, `due=YYYY-MM-DD`), so it works before JavaScript loads.
 */
export function DueFilterMenu({ filters }: { filters: Pick<TFindingFilters, "due" | "overdue"> }) {
  const summary = filters.overdue
    ? "Overdue"
    : filters.due
      ? `by ${formatDate(`${filters.due}T00:00:00Z`).replace(/, \d{4}$/, "")}`
      : null;
  return (
    <MenuButton
      testId="filter-due"
      active={Boolean(filters.overdue || filters.due)}
      label={
        <>
          <span className={summary ? "text-slate-500" : undefined}>Due</span>
          {summary ? <span className="font-medium">{summary}</span> : null}
        </>
      }
      panelClassName="w-64"
    >
      <fieldset className="space-y-2 px-2 py-1">
        <legend className="pb-1.5 text-xs font-semibold tracking-wide text-slate-500 uppercase">Due date (UTC)</legend>
        <div className="flex items-start gap-2 text-sm text-slate-700">
          <input
            id="filter-overdue"
            type="checkbox"
            name="overdue"
            value="true"
            defaultChecked={filters.overdue}
            aria-describedby="filter-overdue-hint"
            className="mt-0.5 size-4 shrink-0 rounded border-slate-300 text-brand-600 focus:ring-brand-500"
          />
          <span>
            <label htmlFor="filter-overdue" className="cursor-pointer">
              Overdue
            </label>
            <small id="filter-overdue-hint" className="block text-xs text-slate-500">
              Past the SLA due date and still needing work
            </small>
          </span>
        </div>
        <label className="block text-sm text-slate-700">
          Due on or before
          <input
            type="date"
            name="due"
            defaultValue={filters.due ?? ""}
            className="mt-1 block h-8 w-full rounded-md border border-slate-300 px-2 text-sm"
          />
        </label>
      </fieldset>
      <MenuApply />
    </MenuButton>
  );
}
