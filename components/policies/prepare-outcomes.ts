// Shapes the admission log's counts per team for the stacked bar chart: the busiest teams first,
// the rest folded into "Other teams", objects no team owns last under their own label. Pure, so
// the chart only renders what this returns.

export const OUTCOME_KEYS = ["allowed", "warned", "wouldDeny", "denied"] as const;
export type TOutcomeKey = (typeof OUTCOME_KEYS)[number];

export const OUTCOME_LABELS: Record<TOutcomeKey, string> = {
  allowed: "Allowed",
  warned: "Warned",
  wouldDeny: "Would deny (passive)",
  denied: "Denied",
};

/** Chart fills as hex (SVG attributes take no Tailwind classes), the shades of the outcome badges. */
export const OUTCOME_FILL: Record<TOutcomeKey, string> = {
  allowed: "#34d399", // emerald-400
  warned: "#fbbf24", // amber-400
  wouldDeny: "#fb923c", // orange-400
  denied: "#ef4444", // red-500
};

export type TTeamCounts = {
  teamId: string | null;
  teamName: string | null;
} & Record<TOutcomeKey, number>;

export type TOutcomeRow = { key: string; label: string; total: number } & Record<TOutcomeKey, number>;

export type TOutcomeChart = {
  rows: TOutcomeRow[];
  totals: Record<TOutcomeKey, number> & { total: number };
};

const zero = (): Record<TOutcomeKey, number> => ({ allowed: 0, warned: 0, wouldDeny: 0, denied: 0 });
const sum = (c: Record<TOutcomeKey, number>) => OUTCOME_KEYS.reduce((n, k) => n + c[k], 0);

export const NO_TEAM_LABEL = "No team";
export const OTHER_TEAMS_LABEL = "Other teams";

export function prepareOutcomes(counts: readonly TTeamCounts[], maxTeams = 8): TOutcomeChart {
  const teams = counts
    .filter((c) => c.teamId !== null)
    .map((c) => ({ key: c.teamId!, label: c.teamName ?? "Deleted team", ...pick(c), total: sum(c) }))
    .filter((r) => r.total > 0)
    .sort((a, b) => b.total - a.total || a.label.localeCompare(b.label));
  const rows: TOutcomeRow[] = teams.slice(0, maxTeams);
  const rest = teams.slice(maxTeams);
  if (rest.length) {
    const other = zero();
    for (const r of rest) for (const k of OUTCOME_KEYS) other[k] += r[k];
    rows.push({ key: "__other__", label: `${OTHER_TEAMS_LABEL} (${rest.length})`, ...other, total: sum(other) });
  }
  const none = counts.filter((c) => c.teamId === null);
  if (none.length) {
    const unowned = zero();
    for (const c of none) for (const k of OUTCOME_KEYS) unowned[k] += c[k];
    if (sum(unowned) > 0) rows.push({ key: "__none__", label: NO_TEAM_LABEL, ...unowned, total: sum(unowned) });
  }
  const totals = zero();
  for (const r of rows) for (const k of OUTCOME_KEYS) totals[k] += r[k];
  return { rows, totals: { ...totals, total: sum(totals) } };
}

function pick(c: Record<TOutcomeKey, number>): Record<TOutcomeKey, number> {
  return { allowed: c.allowed, warned: c.warned, wouldDeny: c.wouldDeny, denied: c.denied };
}
