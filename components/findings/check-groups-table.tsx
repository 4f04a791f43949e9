import type { Route } from "next";
import Link from "next/link";
import { CATEGORY_LABELS, SOURCE_LABELS } from "@/lib/findings/ui-labels";
import { firstSeenColumn, GroupsTable, RowTitle } from "./list-table";
import type { TSeverity } from "./severity-badge";

export type TCheckGroupRow = {
  key: string;
  href: string;
  title: string;
  checkId: string;
  source: string;
  category: string;
  severity: TSeverity;
  findings: number;
  resources: number;
  clusters: number;
  firstSeen: { age: string; exact: string };
};

const n = (count: number, one: string, many: string) => `${count.toLocaleString("en-US")} ${count === 1 ? one : many}`;

function CheckTitle({ row }: { row: TCheckGroupRow }) {
  return (
    <RowTitle
      href={row.href}
      detail={
        <>
          {CATEGORY_LABELS[row.category] ?? row.category} · {SOURCE_LABELS[row.source] ?? row.source} ·{" "}
          <code className="font-mono">{row.checkId}</code>
        </>
      }
    >
      {row.title}
    </RowTitle>
  );
}

function Affected({ row }: { row: TCheckGroupRow }) {
  const count = `${n(row.resources, "resource", "resources")} · ${n(row.clusters, "cluster", "clusters")}`;
  return (
    <>
      <Link
        href={row.href as Route}
        className="font-medium whitespace-nowrap text-brand-700 hover:underline"
        data-testid="check-affected"
        aria-label={`${n(row.resources, "resource", "resources")} in ${n(row.clusters, "cluster", "clusters")}: show the findings of ${row.title}`}
      >
        {count}
      </Link>
      {row.findings !== row.resources ? (
        <div className="mt-0.5 text-xs text-slate-500">{n(row.findings, "finding", "findings")}</div>
      ) : null}
    </>
  );
}

/** One row per check: the same problem across many resources is one thing to fix. */
export function CheckGroupsTable({ rows }: { rows: TCheckGroupRow[] }) {
  return (
    <GroupsTable
      rows={rows}
      severityHeader="Severity"
      columns={[
        { key: "check", header: "Check", className: "min-w-0", cell: (row) => <CheckTitle row={row} /> },
        { key: "affected", header: "Affected", width: "w-56", cell: (row) => <Affected row={row} /> },
        firstSeenColumn(),
      ]}
    />
  );
}
