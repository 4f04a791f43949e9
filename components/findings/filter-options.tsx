"use client";

import { useServerTrimmed } from "@/components/shell/use-server-trimmed";

export type TMenuOption = { value: string; label: string; hint?: string };

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
 * A filter menu's checkboxes. A client leaf so that the options travel to the browser as plain
 * data instead of as a rendered tree: a menu of 200 teams was most of the page's payload and of
 * its render time. The server's HTML has the first options and the ticked ones, so the form
 * works before JavaScript has loaded; the browser then renders the whole list.
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
  const shown = useServerTrimmed(options, (o) => selected.includes(o.value));
  return (
    <>
      <div className={LIST}>
        {shown.map((o) => {
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
      {shown.length < options.length ? (
        <p className="px-2 pt-1.5 text-xs text-slate-500">
          {options.length - shown.length} more are listed once the page has loaded.
        </p>
      ) : null}
    </>
  );
}
