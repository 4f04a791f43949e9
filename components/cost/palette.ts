// Series fills as hex (SVG attributes cannot take Tailwind classes). Groups get distinct hues in a
// fixed order, so the same rank has the same colour on every page; "Other" and the cost nobody
// owns (unassigned, idle, unallocated, "(none)") get muted tones of their own and are never mixed in.

const GROUP_FILLS = [
  "#6366f1", // indigo-500
  "#14b8a6", // teal-500
  "#f59e0b", // amber-500
  "#ec4899", // pink-500
  "#0ea5e9", // sky-500
  "#84cc16", // lime-500
  "#a855f7", // purple-500
  "#f97316", // orange-500
];

const SPECIAL_FILLS: Record<string, string> = {
  unassigned: "#fb7185", // rose-400: cost nobody owns yet, the thing to fix
  idle: "#cbd5e1", // slate-300: capacity paid for and not used
  __idle__: "#cbd5e1",
  unallocated: "#a8a29e", // stone-400
  __unallocated__: "#a8a29e",
  "(none)": "#d6d3d1", // stone-300
};

export const OTHER_FILL = "#94a3b8"; // slate-400

export function seriesFill(key: string, kind: "group" | "other" | "special", index: number): string {
  if (kind === "other") return OTHER_FILL;
  if (kind === "special") return SPECIAL_FILLS[key] ?? "#e2e8f0";
  return GROUP_FILLS[index % GROUP_FILLS.length];
}

export const AXIS_TEXT = "#64748b"; // slate-500
export const GRID_LINE = "#e2e8f0"; // slate-200
export const COST_FILL = "#6366f1"; // indigo-500
export const REQUEST_FILL = "#c7d2fe"; // indigo-200
export const USAGE_STROKE = "#0d9488"; // teal-600
