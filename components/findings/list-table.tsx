import type { Route } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { DataTable, type TColumn } from "@/components/ui/data-table";
import { SeverityBadge, type TSeverity } from "./severity-badge";

/** How the findings lists look: rows aligned to the top and lit under the pointer. */
export const LIST_TABLE = {
  valign: "top",
  className: "w-full",
  headClassName: "whitespace-nowrap",
  bodyClassName: "bg-white",
} as const;

/**
 * What a row of a findings list is called: the link that opens it (j / k move between these) and
 * a line of detail under it.
 */
export function RowTitle({
  href,
  label,
  clamp = true,
  children,
  detail,
  detailTitle,
}: {
  href: string;
  label?: string;
  /** Two lines at most. */
  clamp?: boolean;
  children: ReactNode;
  detail: ReactNode;
  detailTitle?: string;
}) {
  return (
    <>
      <Link
        href={href as Route}
        data-row-link
        aria-label={label}
        className={cn(
          "font-medium break-words text-slate-900 hover:text-brand-700 focus-visible:rounded focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none",
          clamp && "line-clamp-2",
        )}
      >
        {children}
      </Link>
      <p className="mt-0.5 truncate text-xs text-slate-500" title={detailTitle}>
        {detail}
      </p>
    </>
  );
}

/** "3 days ago", with the exact time on hover. */
export function firstSeenColumn<T extends { firstSeen: { age: string; exact: string } }>(): TColumn<T> {
  return {
    key: "first-seen",
    header: "First seen",
    width: "w-28",
    className: "whitespace-nowrap text-slate-600",
    cell: (row) => <time title={row.firstSeen.exact}>{row.firstSeen.age}</time>,
  };
}

/** A grouped findings list (by check, by resource): the group's worst severity first, then `columns`. */
export function GroupsTable<T extends { key: string; severity: TSeverity }>({
  rows,
  severityHeader,
  columns,
}: {
  rows: readonly T[];
  severityHeader: string;
  columns: readonly TColumn<T>[];
}) {
  return (
    <DataTable
      {...LIST_TABLE}
      rows={rows}
      rowKey={(row) => row.key}
      rowProps={() => ({ className: "hover:bg-slate-50/70" })}
      columns={[
        {
          key: "severity",
          header: severityHeader,
          width: "w-28",
          cell: (row) => <SeverityBadge severity={row.severity} />,
        },
        ...columns,
      ]}
    />
  );
}
