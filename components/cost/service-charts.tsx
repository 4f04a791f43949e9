"use client";

import { Area, Bar, BarChart, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, YAxis } from "recharts";
import { formatMoney, formatUnitHours } from "@/lib/cost/format/numbers";
import type { TPreparedUsageDay } from "@/lib/cost/format/usage";
import { formatDay } from "@/lib/cost/format/page-state";
import { dayAxis, moneyAxis } from "./chart-axes";
import { AXIS_TEXT, COST_FILL, GRID_LINE, REQUEST_FILL, USAGE_STROKE } from "./palette";

type TTip = {
  active?: boolean;
  label?: string | number;
  payload?: readonly { name?: unknown; value?: unknown; color?: string }[];
};

function Tip({ active, label, payload, format }: TTip & { format: (v: number | null) => string }) {
  if (!active || !payload?.length) return null;
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow-md">
      <p className="mb-1 font-medium text-slate-900">{formatDay(String(label))}</p>
      {payload.map((p) => (
        <p key={String(p.name)} className="flex items-center gap-2 text-slate-600">
          <span className="size-2 rounded-full" style={{ background: p.color }} aria-hidden />
          {String(p.name)}
          <span className="ml-auto pl-3 font-medium tabular-nums text-slate-900">
            {format(typeof p.value === "number" ? p.value : null)}
          </span>
        </p>
      ))}
    </div>
  );
}

/** A service's daily cost as bars; days without rows stay empty. Renders prepareServiceUsage's output. */
export function ServiceCostChart({
  data,
  currency,
  height = 220,
}: {
  data: readonly TPreparedUsageDay[];
  currency: string;
  height?: number;
}) {
  return (
    <div style={{ height }} aria-hidden>
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 760, height }}>
        <BarChart data={[...data]} margin={{ top: 8, right: 16, bottom: 0, left: 4 }} barCategoryGap="20%">
          <CartesianGrid vertical={false} stroke={GRID_LINE} strokeDasharray="3 3" />
          {dayAxis(data, 7)}
          {moneyAxis(currency)}
          <Tooltip
            content={<Tip format={(v) => formatMoney(v, currency)} />}
            cursor={{ fill: "#f1f5f9" }}
            isAnimationActive={false}
          />
          <Bar dataKey="cost" name="Cost" fill={COST_FILL} radius={[3, 3, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/**
 * Requested vs used core-hours (or GiB-hours) per day: the request as a filled area, usage as a
 * line over it, so the gap between them is the waste. Unknown usage is a gap in the line.
 */
export function RequestUsageChart({
  data,
  resource,
  height = 200,
}: {
  data: readonly TPreparedUsageDay[];
  resource: "cpu" | "memory";
  height?: number;
}) {
  const unit = resource === "cpu" ? "core" : "GiB";
  const requested = resource === "cpu" ? "cpuRequested" : "memoryRequested";
  const used = resource === "cpu" ? "cpuUsed" : "memoryUsed";
  return (
    <div style={{ height }} aria-hidden>
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 360, height }}>
        <ComposedChart data={[...data]} margin={{ top: 8, right: 12, bottom: 0, left: 4 }}>
          <CartesianGrid vertical={false} stroke={GRID_LINE} strokeDasharray="3 3" />
          {dayAxis(data, 7)}
          <YAxis
            tickFormatter={(v: number) => `${v >= 1000 ? `${(v / 1000).toFixed(1)}k` : Number(v.toFixed(1))}`}
            tick={{ fill: AXIS_TEXT, fontSize: 12 }}
            tickLine={false}
            axisLine={false}
            width={48}
          />
          <Tooltip content={<Tip format={(v) => formatUnitHours(v, unit)} />} isAnimationActive={false} />
          <Area
            type="monotone"
            dataKey={requested}
            name="Requested"
            stroke="#818cf8"
            fill={REQUEST_FILL}
            fillOpacity={0.7}
            connectNulls={false}
            isAnimationActive={false}
          />
          <Line
            type="monotone"
            dataKey={used}
            name="Used"
            stroke={USAGE_STROKE}
            strokeWidth={2}
            dot={false}
            connectNulls={false}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
