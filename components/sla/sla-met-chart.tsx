"use client";

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS_TEXT, GRID_LINE } from "@/components/overview/palette";
import { formatRatio, type TSlaMet, type TSlaMetPoint } from "./prepare-sla-met";

const LINE = "#059669"; // emerald-600: the share met

type TTooltipProps = { active?: boolean; payload?: readonly { payload?: TSlaMetPoint }[] };

function SlaTooltip({ active, payload }: TTooltipProps) {
  const point = payload?.[0]?.payload;
  if (!active || !point) return null;
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow-md">
      <p className="mb-1 font-medium text-slate-900">Week of {point.label}</p>
      <p className="flex gap-4 text-slate-600">
        <span>SLA met</span>
        <span className="ml-auto font-medium tabular-nums text-slate-900">{formatRatio(point.ratio)}</span>
      </p>
      <p className="flex gap-4 text-slate-600">
        <span>Met</span>
        <span className="ml-auto font-medium tabular-nums text-slate-900">{point.met}</span>
      </p>
      <p className="flex gap-4 text-slate-600">
        <span>Missed</span>
        <span className="ml-auto font-medium tabular-nums text-slate-900">{point.missed}</span>
      </p>
    </div>
  );
}

/** The share of findings fixed on time per week; it only draws what prepareSlaMet computed. */
export function SlaMetChart({ chart, height = 208 }: { chart: TSlaMet; height?: number }) {
  return (
    <div style={{ height }} aria-hidden>
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 640, height }}>
        <LineChart data={chart.points} margin={{ top: 8, right: 20, bottom: 0, left: 0 }}>
          <CartesianGrid vertical={false} stroke={GRID_LINE} strokeDasharray="3 3" />
          <XAxis
            dataKey="label"
            tick={{ fill: AXIS_TEXT, fontSize: 12 }}
            tickLine={false}
            axisLine={false}
            interval="preserveStartEnd"
          />
          <YAxis
            domain={[0, 1]}
            ticks={[0, 0.5, 1]}
            tickFormatter={(v: number) => `${Math.round(v * 100)}%`}
            tick={{ fill: AXIS_TEXT, fontSize: 12 }}
            tickLine={false}
            axisLine={false}
            width={48}
          />
          <Tooltip content={<SlaTooltip />} isAnimationActive={false} />
          <Line
            dataKey="ratio"
            stroke={LINE}
            strokeWidth={2}
            dot={{ r: 3, fill: LINE }}
            connectNulls={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
