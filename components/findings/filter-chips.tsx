import type { Route } from "next";
import Link from "next/link";
import type { TFilterChip } from "@/lib/findings/ui-list";

/** The active filters as removable chips, and the way back to everything. */
export function FilterChips({ chips, clearHref }: { chips: TFilterChip[]; clearHref: string }) {
  if (!chips.length) return null;
  return (
    <div className="flex flex-wrap items-center gap-1.5" data-testid="filter-chips">
      <span className="mr-0.5 text-xs text-slate-500">Filtered by</span>
      <ul className="contents">
        {chips.map((chip) => (
          <li key={chip.key}>
            <Link
              href={chip.removeHref as Route}
              className="group inline-flex items-center gap-1 rounded-full bg-slate-100 py-0.5 pr-1.5 pl-2.5 text-xs text-slate-700 ring-1 ring-slate-200 ring-inset hover:bg-slate-200"
              aria-label={`Remove filter ${chip.label}: ${chip.value}`}
            >
              <span className="text-slate-500">{chip.label}:</span>
              <span className="max-w-48 truncate font-medium">{chip.value}</span>
              <svg viewBox="0 0 16 16" className="size-3.5 text-slate-400 group-hover:text-slate-700" aria-hidden>
                <path d="M5 5l6 6M11 5l-6 6" stroke="currentColor" strokeWidth={1.5} strokeLinecap="round" />
              </svg>
            </Link>
          </li>
        ))}
      </ul>
      <Link href={clearHref as Route} className="ml-1 text-xs font-medium text-brand-600 hover:text-brand-700">
        Clear filters
      </Link>
    </div>
  );
}
