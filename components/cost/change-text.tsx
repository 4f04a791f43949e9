import { cn } from "@/components/ui/cn";
import type { TPreparedCostRow } from "@/lib/cost/format/tables";

// More cost is the thing to look at (amber), less is good news (green); "new" has nothing to compare with.
const TONE: Record<TPreparedCostRow["trend"], string> = {
  up: "text-amber-700",
  down: "text-emerald-700",
  flat: "text-slate-500",
  new: "text-slate-400",
};

const ARROW: Record<TPreparedCostRow["trend"], string> = { up: "▲", down: "▼", flat: "", new: "" };

export function ChangeText({
  change,
  trend,
  className,
}: {
  change: string;
  trend: TPreparedCostRow["trend"];
  className?: string;
}) {
  return (
    <span className={cn("inline-flex items-center gap-1 tabular-nums", TONE[trend], className)}>
      {ARROW[trend] ? (
        <span aria-hidden className="text-[9px]">
          {ARROW[trend]}
        </span>
      ) : null}
      {change}
    </span>
  );
}

export function trendOf(change: number | null): TPreparedCostRow["trend"] {
  if (change === null) return "new";
  if (Math.abs(change) < 0.005) return "flat";
  return change > 0 ? "up" : "down";
}
