import { Badge } from "@/components/ui/badge";
import { DataTable, type TColumn } from "@/components/ui/data-table";
import { Missing } from "@/components/ui/data-table-cells";
import { formatDateTime } from "@/components/ui/format";

export type TSyncLogRow = {
  id: string;
  direction: "in" | "out";
  action: string;
  ok: boolean;
  status: number | null;
  summary: string;
  createdAt: Date;
};

/** Every call Bumpers made to the provider for a ticket, and every webhook it got back. */
export function SyncLogTable({ rows }: { rows: TSyncLogRow[] }) {
  const columns: TColumn<TSyncLogRow>[] = [
    {
      key: "time",
      header: "Time",
      className: "whitespace-nowrap text-xs text-slate-500",
      cell: (r) => formatDateTime(r.createdAt),
    },
    {
      key: "direction",
      header: "Direction",
      className: "whitespace-nowrap text-sm",
      cell: (r) => (r.direction === "out" ? "Bumpers → provider" : "Provider → Bumpers"),
    },
    { key: "action", header: "Action", className: "font-mono text-xs", cell: (r) => r.action },
    {
      key: "result",
      header: "Result",
      cell: (r) => <Badge tone={r.ok ? "green" : "red"}>{r.ok ? "OK" : "Failed"}</Badge>,
    },
    {
      key: "status",
      header: "Status",
      align: "right",
      className: "font-mono text-xs",
      cell: (r) => r.status ?? <Missing />,
    },
    { key: "summary", header: "Summary", className: "max-w-md text-sm break-words", cell: (r) => r.summary },
  ];
  return <DataTable caption="Sync log" rows={rows} rowKey={(r) => r.id} columns={columns} testId="ticket-sync-log" />;
}
