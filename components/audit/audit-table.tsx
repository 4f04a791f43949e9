import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
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
};

export function AuditTable({ rows }: { rows: TAuditRow[] }) {
  return (
    <Table className="table-fixed">
      <colgroup>
        <col className="w-44" />
        <col className="w-56" />
        <col className="w-48" />
        <col className="w-52" />
        <col />
      </colgroup>
      <thead>
        <tr>
          <Th>When</Th>
          <Th>Who</Th>
          <Th>Action</Th>
          <Th>Target</Th>
          <Th>Change</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((row) => (
          <tr key={row.id}>
            <Td className="align-top! text-xs whitespace-nowrap text-slate-600">
              <time dateTime={row.createdAt.toISOString()}>{formatDateTime(row.createdAt)}</time>
            </Td>
            <Td className="align-top!">
              <div className="truncate" title={row.actorLabel}>
                {row.actorLabel}
              </div>
              {row.actorTokenId ? (
                <Badge tone="neutral" className="mt-0.5">
                  API token
                </Badge>
              ) : null}
            </Td>
            <Td className="align-top!">
              <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700">{row.action}</code>
            </Td>
            <Td className="align-top!">
              <div className="text-xs text-slate-500">{TARGET_LABELS[row.targetType] ?? row.targetType}</div>
              <div className="truncate" title={row.targetLabel}>
                {row.targetLabel || "—"}
              </div>
            </Td>
            <Td className="align-top!">
              <ChangeSummary before={row.before} after={row.after} />
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
