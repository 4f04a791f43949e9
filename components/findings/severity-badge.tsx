import { cn } from "@/components/ui/cn";
import type { TColumn } from "@/components/ui/data-table";
import { SEVERITY_NAMES, type TSeverityLevel } from "@/lib/domain/severity";

export type TSeverity = TSeverityLevel;

const BADGE: Record<TSeverity, string> = {
  critical: "bg-red-50 text-red-700 ring-red-200",
  high: "bg-orange-50 text-orange-700 ring-orange-200",
  medium: "bg-amber-50 text-amber-800 ring-amber-200",
  low: "bg-sky-50 text-sky-700 ring-sky-200",
  none: "bg-slate-100 text-slate-600 ring-slate-200",
};

/** Text colour of a count of findings of one severity (tables of counts). */
export const SEVERITY_TEXT: Record<TSeverity, string> = {
  critical: "text-red-700",
  high: "text-orange-700",
  medium: "text-amber-700",
  low: "text-sky-700",
  none: "text-slate-500",
};

export function SeverityBadge({ severity, className }: { severity: TSeverity; className?: string }) {
  return (
    <span
      className={cn(
        "inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset",
        BADGE[severity],
        className,
      )}
    >
      {SEVERITY_NAMES[severity]}
    </span>
  );
}

/** A count in a severity column: coloured when there is something, a muted dash when zero. */
export function SeverityCount({ severity, count }: { severity: TSeverity; count: number }) {
  if (count === 0) {
    return (
      <span className="text-slate-300" aria-label={`no ${severity}`}>
        –
      </span>
    );
  }
  return <span className={cn("font-semibold tabular-nums", SEVERITY_TEXT[severity])}>{count}</span>;
}

/** One right-aligned column of counts per severity, for tables that count findings by severity. */
export function severityCountColumns<T, S extends TSeverity = TSeverity>(
  levels: readonly S[],
  count: (row: T, severity: S) => number,
  width: string,
): TColumn<T>[] {
  return levels.map((s) => ({
    key: s,
    header: SEVERITY_NAMES[s],
    align: "right",
    width,
    narrow: true,
    cell: (row: T) => <SeverityCount severity={s} count={count(row, s)} />,
  }));
}
