import { XAxis, YAxis } from "recharts";
import { formatMoney } from "@/lib/cost/format/numbers";
import { formatDay } from "@/lib/cost/format/page-state";
import { AXIS_TEXT } from "./palette";

// The axes every cost chart shares. Element factories, not components: Recharts finds its axes
// among the chart's direct children by type.

/** The day axis, with about `labels` labelled days across the range. */
export function dayAxis(days: readonly { day: string }[], labels: number) {
  const every = Math.max(1, Math.ceil(days.length / labels));
  return (
    <XAxis
      dataKey="day"
      ticks={days.filter((_, i) => i % every === 0).map((d) => d.day)}
      interval={0}
      tickFormatter={(day: string) => formatDay(day)}
      tick={{ fill: AXIS_TEXT, fontSize: 12 }}
      tickLine={false}
      axisLine={false}
    />
  );
}

/** The money axis, in compact figures of the org's currency. */
export function moneyAxis(currency: string) {
  return (
    <YAxis
      tickFormatter={(v: number) => formatMoney(v, currency, { compact: true })}
      tick={{ fill: AXIS_TEXT, fontSize: 12 }}
      tickLine={false}
      axisLine={false}
      width={72}
    />
  );
}
