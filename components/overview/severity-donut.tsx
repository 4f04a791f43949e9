"use client";

import type { Route } from "next";
import { useRouter } from "next/navigation";
import { Cell, Pie, PieChart } from "recharts";

export type TDonutSlice = { key: string; label: string; count: number; fill: string; href: string };

/**
 * Open findings by severity as a ring with the total in the middle. A fixed size, so it renders
 * the same on the server and in the browser; the legend beside it carries the links and numbers
 * for keyboards and screen readers, a click on a slice is a shortcut to the same list.
 */
export function SeverityDonut({ slices, total, size = 152 }: { slices: TDonutSlice[]; total: number; size?: number }) {
  const router = useRouter();
  const data = slices.filter((s) => s.count > 0);
  return (
    <div className="relative shrink-0" style={{ width: size, height: size }} aria-hidden>
      <PieChart width={size} height={size}>
        <Pie
          data={data}
          dataKey="count"
          nameKey="label"
          innerRadius={size / 2 - 20}
          outerRadius={size / 2 - 2}
          startAngle={90}
          endAngle={-270}
          paddingAngle={data.length > 1 ? 1.5 : 0}
          stroke="none"
          isAnimationActive={false}
          onClick={(_, index) => router.push(data[index].href as Route)}
          className="cursor-pointer"
        >
          {data.map((s) => (
            <Cell key={s.key} fill={s.fill} />
          ))}
        </Pie>
      </PieChart>
      <div className="pointer-events-none absolute inset-0 flex flex-col items-center justify-center">
        <span className="text-2xl font-semibold tabular-nums text-slate-900">{total.toLocaleString("en-US")}</span>
        <span className="text-xs text-slate-500">open</span>
      </div>
    </div>
  );
}
