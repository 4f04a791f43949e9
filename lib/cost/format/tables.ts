import { formatChange, formatMoney, formatPercent } from "./numbers";
import { bucketLabel } from "./buckets";
import type { TCostBreakdownRow, TLabelCostRow, TTeamCostRow } from "../types";

export type TPreparedCostRow = {
  key: string;
  label: string;
  /** Team slug to link to, when the row is a team. */
  href: string | null;
  special: boolean;
  cost: string;
  change: string;
  /** up: more expensive than before, down: cheaper, flat, or new. */
  trend: "up" | "down" | "flat" | "new";
  efficiency: string;
  share: string;
  /** 0…100 for a share bar. */
  sharePercent: number;
};

function trendOf(change: number | null): TPreparedCostRow["trend"] {
  if (change === null) return "new";
  if (Math.abs(change) < 0.005) return "flat";
  return change > 0 ? "up" : "down";
}

function common(
  r: { cost: number; change: number | null; efficiency: number | null; share: number | null },
  currency: string,
) {
  return {
    cost: formatMoney(r.cost, currency),
    change: formatChange(r.change),
    trend: trendOf(r.change),
    efficiency: formatPercent(r.efficiency),
    share: formatPercent(r.share, 1),
    sharePercent: r.share === null ? 0 : Math.max(0, Math.min(100, r.share * 100)),
  };
}

/** The org overview's team table: teams link to their cost page; unassigned, idle and unallocated are named plainly. */
export function prepareTeamTable(
  rows: readonly TTeamCostRow[],
  currency: string,
  teamHref: (slug: string) => string,
): TPreparedCostRow[] {
  return rows.map((r) => ({
    key: r.key,
    label: r.team ? r.team.name : bucketLabel(r.bucket, r.key),
    href: r.team ? teamHref(r.team.slug) : null,
    special: r.bucket !== "team",
    ...common(r, currency),
  }));
}

/** A team's breakdown table (service, namespace, workload or container). */
export function prepareBreakdownTable(rows: readonly TCostBreakdownRow[], currency: string): TPreparedCostRow[] {
  return rows.map((r) => ({
    key: r.key,
    label: r.cluster && r.namespace && !r.workload ? `${r.namespace} (${r.cluster.name})` : r.label,
    href: null,
    special: false,
    ...common(r, currency),
  }));
}

/** The label-grouped table; "(none)", idle and unallocated keep their own rows. */
export function prepareLabelTable(rows: readonly TLabelCostRow[], currency: string): TPreparedCostRow[] {
  return rows.map((r) => ({
    key: r.value,
    label: r.bucket === "label" ? r.value : bucketLabel(r.bucket, r.value),
    href: null,
    special: r.bucket !== "label",
    ...common(r, currency),
  }));
}
