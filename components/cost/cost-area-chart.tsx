"use client";

import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip } from "recharts";
import { formatMoney } from "@/lib/cost/format/numbers";
import { formatDay } from "@/lib/cost/format/page-state";
import { dayAxis, moneyAxis } from "./chart-axes";
import { GRID_LINE } from "./palette";

export type TChartSeries = { key: string; label: string; fill: string };
export type TChartRow = { day: string } & Record<string, number | null | string>;

type TTooltipProps = {
  series: readonly TChartSeries[];
  currency: string;
  active?: boolean;
  label?: string | number;
  payload?: readonly { dataKey?: unknown; value?: unknown }[];
};

function CostTooltip({ series, currency, active, label, payload }: TTooltipProps) {
  if (!active || !payload?.length) return null;
  const values = new Map(payload.map((p) => [String(p.dataKey), typeof p.value === "number" ? p.value : null]));
  const total = [...values.values()].reduce<number>((s, v) => s + (v ?? 0), 0);
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow-md">
      <p className="mb-1 font-medium text-slate-900">{formatDay(String(label))}</p>
      {[...series].reverse().map((s) => (
        <p key={s.key} className="flex items-center gap-2 text-slate-600">
          <span className="size-2 shrink-0 rounded-full" style={{ background: s.fill }} aria-hidden />
          <span className="max-w-44 truncate">{s.label}</span>
          <span className="ml-auto pl-3 font-medium tabular-nums text-slate-900">
            {formatMoney(values.get(s.key) ?? null, currency)}
          </span>
        </p>
      ))}
      <p className="mt-1 flex border-t border-slate-100 pt-1 font-medium text-slate-900">
        Total <span className="ml-auto pl-3 tabular-nums">{formatMoney(total, currency)}</span>
      </p>
    </div>
  );
}

/**
 * Daily cost as stacked areas, one per prepared series (largest groups at the bottom, then
 * "Other", then the cost nobody owns). A day without rows is a gap, not a drop to zero. Renders
 * only what prepareCostSeries produced.
 */
export function CostAreaChart({
  data,
  series,
  currency,
  height = 260,
}: {
  data: readonly TChartRow[];
  series: readonly TChartSeries[];
  currency: string;
  height?: number;
}) {
  return (
    <div style={{ height }} aria-hidden>
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 760, height }}>
        <AreaChart data={[...data]} margin={{ top: 8, right: 16, bottom: 0, left: 4 }}>
          <CartesianGrid vertical={false} stroke={GRID_LINE} strokeDasharray="3 3" />
          {dayAxis(data, 8)}
          {moneyAxis(currency)}
          <Tooltip content={<CostTooltip series={series} currency={currency} />} isAnimationActive={false} />
          {series.map((s) => (
            <Area
              key={s.key}
              type="monotone"
              dataKey={s.key}
              name={s.label}
              stackId="cost"
              stroke={s.fill}
              fill={s.fill}
              fillOpacity={0.85}
              strokeWidth={1}
              connectNulls={false}
              isAnimationActive={false}
            />
          ))}
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
