import type { Route } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { Table, Td, Th } from "@/components/ui/table";
import type { TPreparedCostRow } from "@/lib/cost/format/tables";
import { ChangeText } from "./change-text";

export type TCostTableRow = TPreparedCostRow & {
  /** A second line under the name (namespace and cluster of a workload, what a special row is). */
  sub?: string | null;
};

/**
 * Cost rows as a table: name, cost, change vs the previous period, efficiency and share with a
 * bar. Rows nobody owns (unassigned, idle, unallocated, "(none)") are shown like the others, in
 * italics with what they are underneath, never hidden or folded away.
 */
export function CostTable({
  rows,
  nameHeader,
  caption,
  testId,
}: {
  rows: readonly TCostTableRow[];
  nameHeader: string;
  caption: string;
  testId?: string;
}) {
  return (
    <Table>
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          <Th>{nameHeader}</Th>
          <Th className="text-right">Cost</Th>
          <Th className="text-right">Change</Th>
          <Th className="text-right" title="Cost of what was used ÷ cost of what was requested">
            Efficiency
          </Th>
          <Th className="w-56">Share</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100" data-testid={testId}>
        {rows.map((r) => (
          <tr key={r.key} className={r.special ? "bg-slate-50/60" : undefined}>
            <Td className="max-w-md">
              <Name row={r} />
            </Td>
            <Td className="text-right font-medium tabular-nums text-slate-900">{r.cost}</Td>
            <Td className="text-right">
              <ChangeText change={r.change} trend={r.trend} />
            </Td>
            <Td className="text-right tabular-nums">{r.efficiency}</Td>
            <Td>
              <ShareBar percent={r.sharePercent} text={r.share} muted={r.special} />
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

function Name({ row }: { row: TCostTableRow }) {
  const label: ReactNode = row.href ? (
    <Link href={row.href as Route} className="font-medium text-brand-700 hover:text-brand-800 hover:underline">
      {row.label}
    </Link>
  ) : (
    <span className={row.special ? "font-medium italic text-slate-700" : "font-medium text-slate-900"}>
      {row.label}
    </span>
  );
  return (
    <div className="min-w-0">
      <div className="truncate" title={row.label}>
        {label}
      </div>
      {row.sub ? (
        <p className="truncate text-xs text-slate-500" title={row.sub}>
          {row.sub}
        </p>
      ) : null}
    </div>
  );
}

export function ShareBar({ percent, text, muted }: { percent: number; text: string; muted?: boolean }) {
  return (
    <div className="flex items-center gap-2">
      <div className="h-1.5 flex-1 overflow-hidden rounded-full bg-slate-100" aria-hidden>
        <div
          className={muted ? "h-full rounded-full bg-slate-400" : "h-full rounded-full bg-brand-500"}
          style={{ width: `${percent}%` }}
        />
      </div>
      <span className="w-12 text-right text-xs tabular-nums text-slate-600">{text}</span>
    </div>
  );
}
