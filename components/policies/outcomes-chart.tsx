"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS_TEXT, GRID_LINE } from "@/components/overview/palette";
import { OUTCOME_FILL, OUTCOME_KEYS, OUTCOME_LABELS, type TOutcomeRow } from "./prepare-outcomes";

type TTooltipProps = { active?: boolean; payload?: readonly { payload?: TOutcomeRow }[] };

function OutcomeTooltip({ active, payload }: TTooltipProps) {
  const row = payload?.[0]?.payload;
  if (!active || !row) return null;
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow-md">
      <p className="mb-1 font-medium text-slate-900">{row.label}</p>
      {OUTCOME_KEYS.map((k) => (
        <p key={k} className="flex items-center gap-2 text-slate-600">
          <span className="size-2 rounded-full" style={{ background: OUTCOME_FILL[k] }} aria-hidden />
          <span className="w-32">{OUTCOME_LABELS[k]}</span>
          <span className="ml-auto font-medium tabular-nums text-slate-900">{row[k]}</span>
        </p>
      ))}
    </div>
  );
}

/**
 * Decisions per team as horizontal stacked bars, one bar per prepared row. Hidden from screen
 * readers: the table beside it has the same numbers.
 */
export function OutcomesChart({ rows }: { rows: readonly TOutcomeRow[] }) {
  const height = 24 + rows.length * 34;
  return (
    <div style={{ height }} aria-hidden>
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 560, height }}>
        <BarChart
          data={[...rows]}
          layout="vertical"
          barCategoryGap="28%"
          margin={{ top: 0, right: 16, bottom: 0, left: 0 }}
        >
          <CartesianGrid horizontal={false} stroke={GRID_LINE} strokeDasharray="3 3" />
          <XAxis
            type="number"
            allowDecimals={false}
            tick={{ fill: AXIS_TEXT, fontSize: 12 }}
            tickLine={false}
            axisLine={false}
          />
          <YAxis
            type="category"
            dataKey="label"
            width={120}
            tick={{ fill: AXIS_TEXT, fontSize: 12 }}
            tickLine={false}
            axisLine={false}
          />
          <Tooltip content={<OutcomeTooltip />} cursor={{ fill: "#f1f5f9" }} isAnimationActive={false} />
          {OUTCOME_KEYS.map((k, i) => (
            <Bar
              key={k}
              dataKey={k}
              stackId="outcome"
              fill={OUTCOME_FILL[k]}
              radius={i === OUTCOME_KEYS.length - 1 ? [0, 3, 3, 0] : undefined}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
