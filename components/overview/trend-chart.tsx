"use client";

import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS_TEXT, GRID_LINE, TREND_FILL } from "./palette";
import type { TTrend } from "./prepare-trend";

// "10K" rather than "10000": five digits do not fit the axis' 48 px and were cut off.
const COMPACT = new Intl.NumberFormat("en-US", { notation: "compact" });

const SERIES = [
  { key: "introduced", label: "New" },
  { key: "fixed", label: "Fixed" },
  { key: "resolved", label: "Resolved" },
] as const;

// New findings stand on the axis and fixed ones hang from it: the outer end of each stack is rounded.
const RADIUS: Record<(typeof SERIES)[number]["key"], [number, number, number, number] | undefined> = {
  introduced: [3, 3, 0, 0],
  fixed: undefined,
  resolved: [0, 0, 3, 3],
};

type TTooltipProps = {
  active?: boolean;
  label?: string | number;
  payload?: readonly { payload?: { label: string; introduced: number; fixed: number; resolved: number } }[];
};

function TrendTooltip({ active, payload }: TTooltipProps) {
  const point = payload?.[0]?.payload;
  if (!active || !point) return null;
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow-md">
      <p className="mb-1 font-medium text-slate-900">{point.label}</p>
      {SERIES.map((s) => (
        <p key={s.key} className="flex items-center gap-2 text-slate-600">
          <span className="size-2 rounded-full" style={{ background: TREND_FILL[s.key] }} aria-hidden />
          <span className="w-16">{s.label}</span>
          <span className="ml-auto font-medium tabular-nums text-slate-900">{Math.abs(point[s.key])}</span>
        </p>
      ))}
    </div>
  );
}

/**
 * New findings per day above the axis, fixed and resolved below it. The parent gives it a fixed
 * height, so the space is reserved before the chart measures its width in the browser.
 */
export function TrendChart({ trend, height = 208 }: { trend: TTrend; height?: number }) {
  // A day with one fixed finding next to a first import of hundreds still gets a sliver. Recharts
  // passes a stacked segment's running total, so the day's own value is looked up by index.
  const sliver = (key: "introduced" | "fixed" | "resolved") => (_: unknown, index: number) =>
    trend.points[index]?.[key] ? 3 : 0;
  return (
    <div style={{ height }} aria-hidden>
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 640, height }}>
        <BarChart
          data={trend.points}
          stackOffset="sign"
          barCategoryGap="22%"
          margin={{ top: 4, right: 20, bottom: 0, left: -12 }}
        >
          <CartesianGrid vertical={false} stroke={GRID_LINE} strokeDasharray="3 3" />
          <XAxis
            dataKey="day"
            ticks={trend.ticks}
            tickFormatter={(day: string) => trend.points.find((p) => p.day === day)?.label ?? day}
            tick={{ fill: AXIS_TEXT, fontSize: 12 }}
            tickLine={false}
            axisLine={false}
            interval={0}
          />
          <YAxis
            domain={trend.domain}
            ticks={trend.yTicks}
            tickFormatter={(v: number) => COMPACT.format(Math.abs(v))}
            tick={{ fill: AXIS_TEXT, fontSize: 12 }}
            tickLine={false}
            axisLine={false}
            allowDecimals={false}
            width={48}
          />
          <ReferenceLine y={0} stroke="#cbd5e1" />
          <Tooltip content={<TrendTooltip />} cursor={{ fill: "#f1f5f9" }} isAnimationActive={false} />
          {SERIES.map((series) => (
            <Bar
              key={series.key}
              dataKey={series.key}
              minPointSize={sliver(series.key)}
              stackId="day"
              fill={TREND_FILL[series.key]}
              radius={RADIUS[series.key]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
