import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { FilterOptions, type TMenuOption } from "./filter-options";

/** A toolbar button that opens a panel: a native <details>, so it works without JavaScript. */
export function MenuButton({
  label,
  active = false,
  align = "left",
  panelClassName,
  children,
  testId,
}: {
  label: ReactNode;
  active?: boolean;
  align?: "left" | "right";
  panelClassName?: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <details className="group relative" data-menu data-testid={testId}>
      <summary
        className={cn(
          "flex h-8 cursor-pointer list-none items-center gap-1 rounded-md border px-2 text-sm whitespace-nowrap shadow-sm select-none",
          "focus-visible:ring-2 focus-visible:ring-brand-500/40 focus-visible:outline-none [&::-webkit-details-marker]:hidden",
          active
            ? "border-brand-100 bg-brand-50 text-brand-700 hover:bg-brand-100"
            : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50",
        )}
      >
        {label}
        <svg viewBox="0 0 16 16" className="size-3 text-slate-400 group-open:rotate-180" aria-hidden>
          <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" strokeWidth={1.5} strokeLinecap="round" />
        </svg>
      </summary>
      <div
        className={cn(
          "absolute z-30 mt-1 min-w-52 rounded-md border border-slate-200 bg-white p-1.5 shadow-lg",
          align === "right" ? "right-0" : "left-0",
          panelClassName,
        )}
      >
        {children}
      </div>
    </details>
  );
}

/**
 * A multi-select filter: checkboxes named like the URL parameter, so submitting the surrounding
 * GET form repeats it (`severity=critical&severity=high`), which the list reads as a list.
 */
export function FilterMenu({
  name,
  label,
  options,
  selected,
  emptyLabel,
  summary,
}: {
  name: string;
  label: string;
  options: TMenuOption[];
  selected: readonly string[];
  /** What no selection means, e.g. "All teams". */
  emptyLabel?: string;
  /** The button's text when something is chosen; defaults to the first value and how many more. */
  summary?: string;
}) {
  const chosen = options.filter((o) => selected.includes(o.value));
  const text =
    summary ??
    (chosen.length === 0 ? null : chosen.length === 1 ? chosen[0].label : `${chosen[0].label} +${chosen.length - 1}`);
  return (
    <MenuButton
      testId={`filter-${name}`}
      active={selected.length > 0}
      label={
        <>
          <span className={text ? "text-slate-500" : undefined}>{label}</span>
          {text ? <span className="max-w-36 truncate font-medium">{text}</span> : null}
        </>
      }
      panelClassName="w-64"
    >
      <fieldset>
        <legend className="px-2 pt-1 pb-1.5 text-xs font-semibold tracking-wide text-slate-500 uppercase">
          {label}
        </legend>
        {options.length === 0 ? (
          <p className="px-2 py-1.5 text-sm text-slate-500">Nothing to choose yet.</p>
        ) : (
          <FilterOptions name={name} options={options} selected={selected} />
        )}
        {emptyLabel ? <p className="px-2 pt-1.5 text-xs text-slate-500">None ticked: {emptyLabel}.</p> : null}
      </fieldset>
      <MenuApply />
    </MenuButton>
  );
}

/** Submits the filter form from inside a menu, so a choice can be applied where it was made. */
export function MenuApply() {
  return (
    <div className="mt-1.5 flex justify-end border-t border-slate-100 px-1 pt-1.5">
      <button
        type="submit"
        className="rounded-md bg-brand-600 px-2.5 py-1 text-sm font-medium text-white shadow-sm hover:bg-brand-700"
      >
        Apply
      </button>
    </div>
  );
}
