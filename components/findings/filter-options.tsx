"use client";

import type { TMenuOption } from "./filter-menu";

// The rows' styles live on the list (child selectors) rather than on every row: a menu may offer
// hundreds of teams or namespaces, and each class string would be repeated in the HTML per row.
const LIST = [
  "max-h-64 overflow-y-auto",
  "*:flex *:items-start *:gap-2 *:rounded *:px-2 *:py-1.5 *:text-sm *:text-slate-700 *:hover:bg-slate-50",
  "[&_input]:mt-0.5 [&_input]:size-4 [&_input]:shrink-0 [&_input]:rounded [&_input]:border-slate-300 [&_input]:text-brand-600 [&_input]:focus:ring-brand-500",
  "[&_span]:min-w-0 [&_span]:flex-1 [&_label]:block [&_label]:cursor-pointer [&_label]:break-words",
  "[&_small]:block [&_small]:text-xs [&_small]:text-slate-500",
].join(" ");

/**
 * A filter menu's checkboxes. A client leaf only so that the options travel to the browser as
 * plain data instead of as a rendered tree (a menu of 200 teams was most of the page's payload);
 * the server still renders them to HTML, so the form works without JavaScript.
 */
export function FilterOptions({
  name,
  options,
  selected,
}: {
  name: string;
  options: TMenuOption[];
  selected: readonly string[];
}) {
  return (
    <div className={LIST}>
      {options.map((o) => {
        const id = `filter-${name}-${o.value}`;
        // The hint describes the choice rather than naming it: "Snoozed", not "Snoozed Hidden until…".
        return (
          <div key={o.value}>
            <input
              id={id}
              type="checkbox"
              name={name}
              value={o.value}
              defaultChecked={selected.includes(o.value)}
              aria-describedby={o.hint ? `${id}-hint` : undefined}
            />
            <span>
              <label htmlFor={id}>{o.label}</label>
              {o.hint ? <small id={`${id}-hint`}>{o.hint}</small> : null}
            </span>
          </div>
        );
      })}
    </div>
  );
}
