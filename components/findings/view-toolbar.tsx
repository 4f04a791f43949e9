import type { Route } from "next";
import Link from "next/link";
import { FINDING_GROUPS, FINDING_SORTS, type TFindingFilters } from "@/lib/domain/finding-filters";
import { GROUP_LABELS, SORT_LABELS } from "@/lib/findings/ui-labels";
import { cn } from "@/components/ui/cn";
import { ViewSwitch } from "@/components/vulnerabilities/view-switch";
import { MenuButton } from "./filter-menu";

/** List / By check / By resource, and the sort order (links: each view is a URL). */
export function ViewToolbar({
  filters,
  hrefOf,
  children,
}: {
  filters: TFindingFilters;
  hrefOf: (change: Partial<TFindingFilters>) => string;
  children?: React.ReactNode;
}) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <ViewSwitch
        label="Group findings"
        options={FINDING_GROUPS.map((g) => ({
          href: hrefOf({ group: g }),
          label: GROUP_LABELS[g],
          current: filters.group === g,
        }))}
      />
      <div className="flex items-center gap-3">
        {children}
        {filters.group === "none" ? (
          <MenuButton
            testId="sort-menu"
            align="right"
            label={
              <>
                <span className="text-slate-500">Sort</span>
                <span className="font-medium">{SORT_LABELS[filters.sort]}</span>
              </>
            }
            panelClassName="min-w-44"
          >
            <ul aria-label="Sort findings by">
              {FINDING_SORTS.map((s) => (
                <li key={s}>
                  <Link
                    href={hrefOf({ sort: s }) as Route}
                    aria-current={filters.sort === s ? "true" : undefined}
                    className={cn(
                      "block rounded px-2 py-1.5 text-sm hover:bg-slate-50",
                      filters.sort === s ? "font-medium text-brand-700" : "text-slate-700",
                    )}
                  >
                    {SORT_LABELS[s]}
                  </Link>
                </li>
              ))}
            </ul>
          </MenuButton>
        ) : null}
      </div>
    </div>
  );
}
