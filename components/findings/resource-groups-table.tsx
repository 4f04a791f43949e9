import { SEVERITY_LEVELS } from "@/lib/domain/severity";
import { GroupsTable, RowTitle } from "./list-table";
import { severityCountColumns, type TSeverity } from "./severity-badge";

export type TResourceGroupRow = {
  key: string;
  href: string;
  kind: string;
  name: string;
  /** Cluster and namespace. */
  where: string;
  team: string | null;
  severity: TSeverity;
  findings: number;
  bySeverity: Record<TSeverity, number>;
};

/** One row per Kubernetes object (or image) with its problems counted by severity. */
export function ResourceGroupsTable({ rows }: { rows: TResourceGroupRow[] }) {
  return (
    <GroupsTable
      rows={rows}
      severityHeader="Worst"
      columns={[
        {
          key: "resource",
          header: "Resource",
          className: "min-w-0",
          cell: (row) => (
            <RowTitle
              href={row.href}
              clamp={false}
              label={`${row.kind} ${row.name}: ${row.findings} findings`}
              detail={row.where}
            >
              <span className="font-normal text-slate-500">{row.kind}</span> {row.name}
            </RowTitle>
          ),
        },
        {
          key: "team",
          header: "Team",
          width: "w-36",
          cellProps: (row) => ({ className: row.team ? "truncate text-slate-700" : "text-slate-400 italic" }),
          cell: (row) => row.team ?? "Unassigned",
        },
        ...severityCountColumns(SEVERITY_LEVELS, (row: TResourceGroupRow, s) => row.bySeverity[s], "w-[4.5rem]"),
      ]}
    />
  );
}
