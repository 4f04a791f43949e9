// Display formatting for cost figures: the only place figures are rounded (queries keep them whole).

/** Money in the org's currency: 2 decimals, or compact (12.3K) for axis ticks; "—" for null. */
export function formatMoney(value: number | null, currency: string, options: { compact?: boolean } = {}): string {
  if (value === null || !Number.isFinite(value)) return "—";
  const abs = Math.abs(value);
  const format = new Intl.NumberFormat("en-US", {
    style: "currency",
    currency,
    ...(options.compact && abs >= 1000
      ? { notation: "compact", maximumFractionDigits: 1 }
      : { minimumFractionDigits: abs > 0 && abs < 0.01 ? 4 : 2, maximumFractionDigits: abs > 0 && abs < 0.01 ? 4 : 2 }),
  });
  return format.format(value);
}

/** A 0…1 ratio as a percent ("42%"); "—" for null. */
export function formatPercent(ratio: number | null, digits = 0): string {
  if (ratio === null || !Number.isFinite(ratio)) return "—";
  return `${(ratio * 100).toFixed(digits)}%`;
}

/** A change ratio with its sign ("+12%", "−3%"); "new" when there is nothing to compare with. */
export function formatChange(change: number | null): string {
  if (change === null || !Number.isFinite(change)) return "new";
  const pct = Math.round(change * 100);
  if (pct === 0) return "0%";
  return `${pct > 0 ? "+" : "−"}${Math.abs(pct)}%`;
}

/** Core-hours / GiB-hours with a unit; "—" for null (usage unknown). */
export function formatUnitHours(value: number | null, unit: "core" | "GiB"): string {
  if (value === null || !Number.isFinite(value)) return "—";
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${unit}-h`;
}
