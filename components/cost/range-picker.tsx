import { cn } from "@/components/ui/cn";
import { buttonClass } from "@/components/ui/button";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { RangeLinks } from "@/components/ui/range-links";
import { costHref, RANGE_LABELS, rangeQuery, type TRangeState } from "@/lib/cost/format/page-state";
import { RANGE_PRESETS, resolveRange } from "@/lib/cost/range";

/**
 * The range of a cost page, in its URL: preset links, and a plain GET form for a custom range
 * (works without JavaScript; the browser's date inputs are keyboard friendly). Other state of
 * the page (`keep`) travels along.
 */
export function RangePicker({
  path,
  state,
  today,
  keep = {},
}: {
  path: string;
  state: TRangeState;
  today: string;
  keep?: Record<string, string | null | undefined>;
}) {
  return (
    <div className="flex flex-wrap items-center gap-3" data-testid="range-picker">
      <RangeLinks
        links={RANGE_PRESETS.filter((p) => p !== "custom").map((preset) => ({
          href: costHref(path, rangeQuery(preset, resolveRange(preset, today)), keep),
          label: RANGE_LABELS[preset],
          active: state.preset === preset,
        }))}
      />
      <form action={path} method="get" className="flex items-center gap-1.5" aria-label="Custom range">
        <input type="hidden" name="range" value="custom" />
        <HiddenFields values={keep} />
        <DateInput name="from" label="From" max={today} value={state.range.from} active={state.preset === "custom"} />
        <span className="text-sm text-slate-400" aria-hidden>
          –
        </span>
        <DateInput name="to" label="To" max={today} value={state.range.to} active={state.preset === "custom"} />
        <button type="submit" className={buttonClass(state.preset === "custom" ? "primary" : "secondary", "sm")}>
          Apply
        </button>
      </form>
    </div>
  );
}

const dateClass = (active: boolean) =>
  cn(
    "h-8 rounded-md border bg-white px-2 text-sm text-slate-700 shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/20",
    active ? "border-brand-500" : "border-slate-300",
  );

/** One end of the custom range: a labelled date input (the label is for screen readers). */
function DateInput({
  name,
  label,
  max,
  value,
  active,
}: {
  name: "from" | "to";
  label: string;
  max: string;
  value: string;
  active: boolean;
}) {
  return (
    <>
      <label htmlFor={`range-${name}`} className="sr-only">
        {label}
      </label>
      <input
        id={`range-${name}`}
        type="date"
        name={name}
        required
        max={max}
        defaultValue={value}
        className={dateClass(active)}
      />
    </>
  );
}
