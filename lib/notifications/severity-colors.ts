import type { TSeverityLevel } from "@/lib/domain/severity";

// The app's severity colours (components/findings/severity-badge.tsx, Tailwind's 700 and 50
// shades) as hex values, for mails and chart images, which cannot use Tailwind classes.

export const SEVERITY_COLORS: Readonly<Record<TSeverityLevel, { text: string; background: string; bar: string }>> = {
  critical: { text: "#b91c1c", background: "#fef2f2", bar: "#dc2626" },
  high: { text: "#c2410c", background: "#fff7ed", bar: "#ea580c" },
  medium: { text: "#b45309", background: "#fffbeb", bar: "#d97706" },
  low: { text: "#0369a1", background: "#f0f9ff", bar: "#0284c7" },
  none: { text: "#64748b", background: "#f1f5f9", bar: "#94a3b8" },
};
