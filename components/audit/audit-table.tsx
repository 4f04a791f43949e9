import { Badge } from "@/components/ui/badge";
import { DataTable, type TColumn } from "@/components/ui/data-table";
import { formatDateTime } from "@/components/ui/format";
import type { TAuditRow } from "@/lib/audit/queries";
import { ChangeSummary } from "./change-summary";

const TARGET_LABELS: Record<string, string> = {
  api_token: "Token",
  cluster: "Cluster",
  membership: "Member",
  invitation: "Invitation",
  team: "Team",
  team_membership: "Team member",
  organization: "Organization",
  sso_connection: "Single sign-on",
  sso_domain: "SSO domain",
  sso_group_mapping: "Group mapping",
};

function Actor({ row }: { row: TAuditRow }) {
  return (
    <>
      <div className="truncate" title={row.actorLabel}>
        {row.actorLabel}
      </div>
      {row.actorTokenId ? (
        <Badge tone="neutral" className="mt-0.5">
          API token
        </Badge>
      ) : null}
    </>
  );
}

function Target({ row }: { row: TAuditRow }) {
  return (
    <>
      <div className="text-xs text-slate-500">{TARGET_LABELS[row.targetType] ?? row.targetType}</div>
      <div className="truncate" title={row.targetLabel}>
        {row.targetLabel || "—"}
      </div>
    </>
  );
}

export function AuditTable({ rows }: { rows: TAuditRow[] }) {
  const columns: TColumn<TAuditRow>[] = [
    {
      key: "when",
      header: "When",
      width: "w-44",
      className: "text-xs whitespace-nowrap text-slate-600",
      cell: (row) => <time dateTime={row.createdAt.toISOString()}>{formatDateTime(row.createdAt)}</time>,
    },
    { key: "who", header: "Who", width: "w-56", cell: (row) => <Actor row={row} /> },
    {
      key: "action",
      header: "Action",
      width: "w-48",
      cell: (row) => (
        <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700">{row.action}</code>
      ),
    },
    { key: "target", header: "Target", width: "w-52", cell: (row) => <Target row={row} /> },
    { key: "change", header: "Change", cell: (row) => <ChangeSummary before={row.before} after={row.after} /> },
  ];
  return <DataTable valign="top" rows={rows} rowKey={(row) => row.id} columns={columns} />;
}
