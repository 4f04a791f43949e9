import { SEVERITY_NAMES } from "@/lib/domain/severity";
import type { TDigestEmailProps } from "../email/digest-model";
import { SEVERITY_COLORS } from "../severity-colors";
import { costAreaSvg } from "./cost-area";
import { svgToPng } from "./render-png";
import { severityBarsSvg } from "./severity-bars";

// The digest's two chart images: open findings by severity against the last period, and cost per
// day. Each is a PNG sent inline with the mail (Content-ID), since mail clients show neither SVG
// nor scripts; `alt` says the same in words for clients that hide images.

export type TChartImage = { cid: string; alt: string; width: number; height: number; png: Buffer };

const WIDTH = 560;

/** An axis value: "$12.3K", "$450", "$0.45". */
export function compactMoney(value: number, currency: string): string {
  const digits = value >= 1000 ? 1 : value >= 10 || value === 0 ? 0 : 2;
  return new Intl.NumberFormat("en-US", {
    style: "currency",
    currency,
    notation: value >= 1000 ? "compact" : "standard",
    minimumFractionDigits: value >= 1000 ? 0 : digits,
    maximumFractionDigits: digits,
  }).format(value);
}

function findingsChart(digest: TDigestEmailProps): TChartImage | null {
  const rows = digest.severities;
  if (rows.every((r) => r.current.open === 0 && r.previous.open === 0)) return null;
  const previousLabel = digest.cadence === "daily" ? "Yesterday" : "Last week";
  const currentLabel = digest.cadence === "daily" ? "Today" : "This week";
  const height = 220;
  const svg = severityBarsSvg({
    title: "Open findings by severity",
    groups: rows.map((r) => ({
      label: SEVERITY_NAMES[r.severity],
      current: r.current.open,
      previous: r.previous.open,
      color: SEVERITY_COLORS[r.severity].bar,
    })),
    currentLabel,
    previousLabel,
    width: WIDTH,
    height,
  });
  const words = rows.map((r) => `${SEVERITY_NAMES[r.severity]} ${r.current.open} (was ${r.previous.open})`).join(", ");
  return {
    cid: "findings-chart@bumpers",
    alt: `Open findings by severity: ${words}`,
    width: WIDTH,
    height,
    png: svgToPng(svg),
  };
}

function costChart(digest: TDigestEmailProps): TChartImage | null {
  const cost = digest.cost;
  if (!cost || cost.daily.length < 2) return null;
  const height = 200;
  const svg = costAreaSvg({
    title: "Cost per day",
    points: cost.daily.map((d) => ({ label: d.day.slice(5), value: d.amount })),
    formatValue: (value) => compactMoney(value, cost.currency),
    width: WIDTH,
    height,
  });
  const first = cost.daily[0];
  const last = cost.daily[cost.daily.length - 1];
  const alt = `Cost per day from ${first.day} (${compactMoney(first.amount, cost.currency)}) to ${last.day} (${compactMoney(last.amount, cost.currency)})`;
  return { cid: "cost-chart@bumpers", alt, width: WIDTH, height, png: svgToPng(svg) };
}

export function digestCharts(digest: TDigestEmailProps): { findings: TChartImage | null; cost: TChartImage | null } {
  return { findings: findingsChart(digest), cost: costChart(digest) };
}
