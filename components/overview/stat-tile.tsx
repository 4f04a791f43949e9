import type { Route } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export type TStatTone = "neutral" | "critical" | "high" | "good";

const VALUE_TONE: Record<TStatTone, string> = {
  neutral: "text-slate-900",
  critical: "text-red-700",
  high: "text-orange-700",
  good: "text-emerald-700",
};

const DOT_TONE: Record<TStatTone, string> = {
  neutral: "bg-slate-300",
  critical: "bg-red-500",
  high: "bg-orange-500",
  good: "bg-emerald-400",
};

/** One headline number; the whole tile links to the findings it counts. */
export function StatTile({
  label,
  value,
  href,
  hint,
  tone = "neutral",
  title,
}: {
  label: string;
  value: number;
  href: string;
  hint?: ReactNode;
  tone?: TStatTone;
  /** More detail on hover. */
  title?: string;
}) {
  // A zero is calm whatever it counts: only a non-zero figure gets its colour.
  const effective = value === 0 ? "neutral" : tone;
  return (
    <Link
      href={href as Route}
      title={title}
      className="group block rounded-lg border border-slate-200 bg-white p-4 shadow-sm transition-colors hover:border-slate-300 hover:bg-slate-50/60"
    >
      <div className="flex items-center gap-2">
        <span className={cn("size-2 shrink-0 rounded-full", DOT_TONE[effective])} aria-hidden />
        <p className="truncate text-sm text-slate-500">{label}</p>
      </div>
      <p
        data-testid="stat-value"
        className={cn("mt-1.5 text-3xl font-semibold tabular-nums tracking-tight", VALUE_TONE[effective])}
      >
        {value.toLocaleString("en-US")}
      </p>
      {hint ? <p className="mt-0.5 truncate text-xs text-slate-500">{hint}</p> : null}
    </Link>
  );
}
