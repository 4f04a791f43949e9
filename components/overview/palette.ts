import type { TSeverityLevel } from "@/lib/domain/severity";

// Chart fills as hex (SVG attributes cannot take Tailwind classes), taken from the same Tailwind
// shades as the severity badges and the UI tones, so a chart and the badge beside it agree.

export const SEVERITY_FILL: Record<TSeverityLevel, string> = {
  critical: "#ef4444", // red-500
  high: "#f97316", // orange-500
  medium: "#fbbf24", // amber-400
  low: "#38bdf8", // sky-400
  none: "#cbd5e1", // slate-300
};

/** Dot/bar classes for the same severities in HTML. */
export const SEVERITY_BG: Record<TSeverityLevel, string> = {
  critical: "bg-red-500",
  high: "bg-orange-500",
  medium: "bg-amber-400",
  low: "bg-sky-400",
  none: "bg-slate-300",
};

export const TREND_FILL = {
  introduced: "#818cf8", // indigo-400, the brand's lighter shade: new work, not an alarm
  fixed: "#34d399", // emerald-400
  resolved: "#94a3b8", // slate-400
} as const;

export const TREND_BG = {
  introduced: "bg-indigo-400",
  fixed: "bg-emerald-400",
  resolved: "bg-slate-400",
} as const;

export const AXIS_TEXT = "#64748b"; // slate-500
export const GRID_LINE = "#e2e8f0"; // slate-200
