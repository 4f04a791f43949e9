import type { CSSProperties, ReactNode } from "react";
import { Img, Section, Text } from "@react-email/components";
import { SEVERITY_NAMES } from "@/lib/domain/severity";
import { SEVERITY_COLORS } from "../severity-colors";
import { TOP_FIXES_SHOWN, totalOf, type TDigestEmailProps } from "./digest-model";
import { MaybeLink } from "@/lib/server/email/layout";
import { SeverityBadge } from "./parts";
import { styles } from "@/lib/server/email/styles";

// The sections of the digest mail, each shown only when it has something to say.

export type TChartRef = { cid: string; alt: string; width: number; height: number };

export function money(value: number, currency: string): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency, minimumFractionDigits: 2 }).format(value);
}

/** "▲ 3", "▼ 2" or "no change": how a count moved since the last period. */
export function trend(current: number, previous: number): string {
  const delta = current - previous;
  return delta > 0 ? `▲ ${delta}` : delta < 0 ? `▼ ${-delta}` : "no change";
}

/** "+12%", "−3%", or "new" when there was nothing before. */
export function percentChange(current: number, previous: number): string {
  if (previous === 0) return current === 0 ? "0%" : "new";
  const pct = Math.round(((current - previous) / previous) * 100);
  return pct === 0 ? "0%" : `${pct > 0 ? "+" : "−"}${Math.abs(pct)}%`;
}

function DataTable(props: { head: string[]; rows: ReactNode[][]; numeric: number[] }) {
  const align = (i: number): CSSProperties => (props.numeric.includes(i) ? styles.number : {});
  return (
    <table style={styles.table} cellPadding={0} cellSpacing={0} data-text="table">
      <thead>
        <tr>
          {props.head.map((h, i) => (
            <th key={i} style={{ ...styles.th, ...align(i) }}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row, r) => (
          <tr key={r}>
            {row.map((cell, i) => (
              <td key={i} style={{ ...styles.td, ...align(i) }}>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Chart({ chart }: { chart?: TChartRef | null }) {
  if (!chart) return null;
  return (
    <Img
      src={`cid:${chart.cid}`}
      alt={chart.alt}
      width={chart.width}
      height={chart.height}
      style={{ maxWidth: "100%", height: "auto", margin: "4px 0 12px" }}
    />
  );
}

export function FindingsSection({ digest, chart }: { digest: TDigestEmailProps; chart?: TChartRef | null }) {
  const rows = digest.severities.map((row) => [
    <span key="s" style={{ color: SEVERITY_COLORS[row.severity].text, fontWeight: 600 }}>
      {SEVERITY_NAMES[row.severity]}
    </span>,
    row.current.new,
    row.current.fixed,
    row.current.open,
    trend(row.current.open, row.previous.open),
  ]);
  const rowsTotal = digest.severities;
  rows.push([
    <strong key="t">Total</strong>,
    totalOf(rowsTotal, "new"),
    totalOf(rowsTotal, "fixed"),
    totalOf(rowsTotal, "open"),
    trend(totalOf(rowsTotal, "open"), totalOf(rowsTotal, "open", "previous")),
  ]);
  return (
    <Section>
      <Text style={styles.subheading}>Findings</Text>
      <DataTable
        head={["Severity", "New", "Fixed", "Open", "Open vs last period"]}
        rows={rows}
        numeric={[1, 2, 3, 4]}
      />
      <Chart chart={chart} />
    </Section>
  );
}

export function TopFixesSection({ digest }: { digest: TDigestEmailProps }) {
  const fixes = digest.topFixes.slice(0, TOP_FIXES_SHOWN);
  if (fixes.length === 0) return null;
  return (
    <Section>
      <Text style={styles.subheading}>Top {fixes.length} to fix</Text>
      <ol style={{ margin: "0 0 12px", paddingLeft: 20 }}>
        {fixes.map((fix, i) => (
          <li key={i} style={{ ...styles.text, margin: "0 0 8px" }}>
            <SeverityBadge severity={fix.severity} /> <MaybeLink href={fix.link}>{fix.title}</MaybeLink>
            {fix.where || fix.count ? (
              <span style={{ color: "#64748b" }}>
                {fix.where ? ` · ${fix.where}` : ""}
                {fix.count ? ` · ${fix.count} ${fix.count === 1 ? "finding" : "findings"}` : ""}
              </span>
            ) : null}
          </li>
        ))}
      </ol>
    </Section>
  );
}

export function CostSection({ digest, chart }: { digest: TDigestEmailProps; chart?: TChartRef | null }) {
  const cost = digest.cost;
  if (!cost) return null;
  const rows = cost.movers
    .slice(0, 5)
    .map((m) => [
      m.name,
      money(m.current, cost.currency),
      money(m.previous, cost.currency),
      percentChange(m.current, m.previous),
    ]);
  return (
    <Section>
      <Text style={styles.subheading}>Cost</Text>
      <Text style={styles.text}>
        {money(cost.current, cost.currency)} this period ({percentChange(cost.current, cost.previous)} against{" "}
        {money(cost.previous, cost.currency)} the period before).
      </Text>
      <Chart chart={chart} />
      {rows.length > 0 ? (
        <DataTable head={["Top movers", "This period", "Before", "Change"]} rows={rows} numeric={[1, 2, 3]} />
      ) : null}
    </Section>
  );
}

const BUDGET_STATUS = {
  ok: { label: "On track", color: "#15803d" },
  warning: { label: "Near its limit", color: "#b45309" },
  over: { label: "Over budget", color: "#b91c1c" },
} as const;

export function BudgetsSection({ digest }: { digest: TDigestEmailProps }) {
  const budgets = digest.budgets ?? [];
  if (budgets.length === 0) return null;
  const rows = budgets.map((b) => [
    <MaybeLink key="n" href={b.link}>
      {b.name}
    </MaybeLink>,
    `${money(b.spent, b.currency)} of ${money(b.amount, b.currency)}`,
    b.amount > 0 ? `${Math.round((b.spent / b.amount) * 100)}%` : "—",
    <span key="s" style={{ color: BUDGET_STATUS[b.status].color, fontWeight: 600 }}>
      {BUDGET_STATUS[b.status].label}
    </span>,
  ]);
  return (
    <Section>
      <Text style={styles.subheading}>Budgets</Text>
      <DataTable head={["Budget", "Spent", "Used", "Status"]} rows={rows} numeric={[2]} />
    </Section>
  );
}

export function StaleClustersSection({ digest }: { digest: TDigestEmailProps }) {
  const stale = digest.staleClusters ?? [];
  if (stale.length === 0) return null;
  return (
    <Section>
      <Text style={styles.subheading}>Clusters not reporting</Text>
      <ul style={{ margin: "0 0 12px", paddingLeft: 20 }}>
        {stale.map((c, i) => (
          <li key={i} style={{ ...styles.text, margin: "0 0 4px" }}>
            <MaybeLink href={c.link}>{c.name}</MaybeLink>: last report {c.lastSeen}
          </li>
        ))}
      </ul>
    </Section>
  );
}
