import type { Route } from "next";
import Link from "next/link";
import type { TCiBranch } from "@/lib/ci/queries";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { formatDateTime, formatLastUsed } from "@/components/ui/format";
import { DataTable } from "@/components/ui/data-table";
import { Missing } from "@/components/ui/data-table-cells";
import { shortCommit } from "./ci-href";

/** Each branch's latest scan; a row's repository and branch open that branch's findings. */
export function CiBranchesTable({
  rows,
  hrefOf,
  selected,
  now,
}: {
  rows: TCiBranch[];
  hrefOf: (row: TCiBranch) => string;
  selected: { repository: string | null; branch: string | null };
  now: Date;
}) {
  const isSelected = (row: TCiBranch) => row.repository === selected.repository && row.branch === selected.branch;
  return (
    <DataTable
      rows={rows}
      rowKey={(row) => `${row.repository}\u0000${row.branch}`}
      rowProps={(row) => ({ className: cn(isSelected(row) && "bg-brand-50/60") })}
      columns={[
        {
          key: "branch",
          header: "Repository and branch",
          cell: (row) => (
            <Link
              href={hrefOf(row) as Route}
              aria-current={isSelected(row) ? "true" : undefined}
              className="group block min-w-0"
            >
              <span className="block font-medium text-slate-900 group-hover:text-brand-700">{row.repository}</span>
              <span className="mt-0.5 block font-mono text-xs text-slate-500">{row.branch}</span>
            </Link>
          ),
        },
        { key: "team", header: "Team", cell: (row) => (row.team ? row.team.name : <Missing>Unassigned</Missing>) },
        { key: "commit", header: "Commit", className: "font-mono text-xs", cell: (row) => shortCommit(row.commit) },
        {
          key: "scanned",
          header: "Scanned",
          className: "whitespace-nowrap",
          cellProps: (row) => ({ title: formatDateTime(row.scannedAt) }),
          cell: (row) => formatLastUsed(row.scannedAt, now),
        },
        {
          key: "open",
          header: "Open",
          align: "right",
          cell: (row) =>
            row.open ? (
              <span className="font-semibold text-slate-900">{row.open}</span>
            ) : (
              <Badge tone="green">Clean</Badge>
            ),
        },
        {
          key: "blocking",
          header: "Blocking",
          align: "right",
          cell: (row) =>
            row.blocking ? (
              <Badge tone="red">{row.blocking} blocking</Badge>
            ) : (
              <span className="text-slate-300">–</span>
            ),
        },
        {
          key: "last-scan",
          header: "Last scan",
          align: "right",
          className: "text-xs whitespace-nowrap text-slate-500",
          cell: (row) =>
            row.opened || row.fixed ? (
              <>
                {row.opened ? <span className="text-red-700">+{row.opened} new</span> : null}
                {row.opened && row.fixed ? " · " : null}
                {row.fixed ? <span className="text-emerald-700">{row.fixed} fixed</span> : null}
              </>
            ) : (
              "no change"
            ),
        },
      ]}
    />
  );
}
