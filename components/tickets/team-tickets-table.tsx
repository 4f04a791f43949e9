import type { Route } from "next";
import Link from "next/link";
import type { TTicketChip } from "@/lib/tickets/views";
import { DataTable, type TColumn } from "@/components/ui/data-table";
import { formatDateTime, formatLastUsed } from "@/components/ui/format";
import { TicketChip } from "./ticket-chip";
import { ticketStatusOf } from "./ticket-chip-label";

export type TTeamTicketRow = TTicketChip & { title: string; openCount: number; affectedCount: number; updatedAt: Date };

/** A team's tickets: the chip (out to Jira or GitHub), the title (to the ticket's page), counts. */
export function TeamTicketsTable({ orgSlug, rows, now }: { orgSlug: string; rows: TTeamTicketRow[]; now: Date }) {
  const columns: TColumn<TTeamTicketRow>[] = [
    { key: "ticket", header: "Ticket", className: "whitespace-nowrap", cell: (t) => <TicketChip ticket={t} /> },
    {
      key: "title",
      header: "Title",
      className: "max-w-md",
      cell: (t) => (
        <Link
          href={`/o/${orgSlug}/tickets/${t.id}` as Route}
          className="line-clamp-2 font-medium text-slate-900 hover:text-brand-700"
        >
          {t.title}
        </Link>
      ),
    },
    { key: "state", header: "State", className: "whitespace-nowrap text-sm", cell: (t) => ticketStatusOf(t) },
    {
      key: "open",
      header: "Open findings",
      align: "right",
      cell: (t) => t.openCount.toLocaleString("en-US"),
    },
    {
      key: "affected",
      header: "Covered",
      headerTitle: "Every finding the ticket covers, fixed ones included",
      align: "right",
      cell: (t) => t.affectedCount.toLocaleString("en-US"),
    },
    {
      key: "updated",
      header: "Updated",
      className: "whitespace-nowrap text-xs text-slate-500",
      cellProps: (t) => ({ title: formatDateTime(t.updatedAt) }),
      cell: (t) => formatLastUsed(t.updatedAt, now),
    },
  ];
  return <DataTable caption="Tickets" rows={rows} rowKey={(t) => t.id} columns={columns} testId="team-tickets" />;
}
