import { TICKET_FILTERS, type TTicketFilter } from "@/lib/domain/finding-filters";
import { TICKET_FILTER_LABELS } from "@/lib/findings/ui-labels";
import { MenuApply, MenuButton } from "@/components/findings/filter-menu";

/**
 * The findings bar's "Ticket" menu: one choice (radio buttons named `ticket`), so it rides in the
 * same GET form as the other filters and works without JavaScript.
 */
export function TicketFilterMenu({ selected }: { selected: TTicketFilter | null }) {
  return (
    <MenuButton
      testId="filter-ticket"
      active={selected !== null}
      label={
        <>
          <span className={selected ? "text-slate-500" : undefined}>Ticket</span>
          {selected ? <span className="font-medium">{TICKET_FILTER_LABELS[selected].label}</span> : null}
        </>
      }
      panelClassName="w-64"
    >
      <fieldset className="space-y-0.5">
        <legend className="px-2 pt-1 pb-1.5 text-xs font-semibold tracking-wide text-slate-500 uppercase">
          Ticket
        </legend>
        {[null, ...TICKET_FILTERS].map((value) => {
          const id = `filter-ticket-${value ?? "all"}`;
          const text = value ? TICKET_FILTER_LABELS[value] : { label: "With or without", hint: "" };
          return (
            <div
              key={id}
              className="flex items-start gap-2 rounded px-2 py-1.5 text-sm text-slate-700 hover:bg-slate-50"
            >
              <input
                id={id}
                type="radio"
                name="ticket"
                value={value ?? ""}
                defaultChecked={selected === value}
                className="mt-0.5 size-4 shrink-0 border-slate-300 text-brand-600 focus:ring-brand-500"
              />
              <span className="min-w-0 flex-1">
                <label htmlFor={id} className="block cursor-pointer">
                  {text.label}
                </label>
                {text.hint ? <small className="block text-xs text-slate-500">{text.hint}</small> : null}
              </span>
            </div>
          );
        })}
      </fieldset>
      <MenuApply />
    </MenuButton>
  );
}
