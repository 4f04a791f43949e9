import Link from "next/link";
import type { TDestinationView } from "@/lib/alerting/destinations/queries";
import { Badge } from "@/components/ui/badge";
import { formatDateTime, formatLastUsed } from "@/components/ui/format";
import { DataTable, type TColumn } from "@/components/ui/data-table";
import { Missing } from "@/components/ui/data-table-cells";
import { LastError } from "./last-error";
import { TestEventButton } from "./test-event-button";

/** The org's PagerDuty services; org admins get a test button and a link to edit each. */
export function DestinationsTable({
  destinations,
  orgSlug,
  canManage,
  now,
}: {
  destinations: TDestinationView[];
  orgSlug: string;
  canManage: boolean;
  now: Date;
}) {
  const columns: (TColumn<TDestinationView> | false)[] = [
    {
      key: "destination",
      header: "Destination",
      cell: (d) => (
        <>
          {/* The destination's page is for those who manage destinations. */}
          {canManage ? (
            <Link
              href={`/o/${orgSlug}/alerting/destinations/${d.id}`}
              className="whitespace-nowrap font-medium text-slate-900 hover:text-brand-700 hover:underline"
            >
              {d.name}
            </Link>
          ) : (
            <span className="whitespace-nowrap font-medium text-slate-900">{d.name}</span>
          )}
          <div className="text-xs text-slate-500">
            {d.ruleCount ? `Named in ${d.ruleCount} rule${d.ruleCount === 1 ? "" : "s"}` : "Named in no rule"}
          </div>
        </>
      ),
    },
    {
      key: "team",
      header: "Owning team",
      className: "whitespace-nowrap",
      cell: (d) => d.teamName ?? <Missing>Org-wide</Missing>,
    },
    {
      key: "key",
      header: "Key",
      cell: (d) => <code className="font-mono text-xs text-slate-600">{d.maskedKey}</code>,
    },
    {
      key: "delivered",
      header: "Last delivery",
      className: "whitespace-nowrap text-xs text-slate-600",
      cell: (d) =>
        d.lastDeliveredAt ? (
          <span title={formatDateTime(d.lastDeliveredAt)}>{formatLastUsed(d.lastDeliveredAt, now)}</span>
        ) : (
          <Missing>never</Missing>
        ),
    },
    {
      key: "error",
      header: "Last error",
      className: "max-w-xs",
      cell: (d) => <LastError destination={d} now={now} />,
    },
    {
      key: "incidents",
      header: "Open incidents",
      align: "right",
      cell: (d) => (d.openIncidents ? <Badge tone="red">{d.openIncidents}</Badge> : <Missing>0</Missing>),
    },
    canManage && {
      key: "actions",
      header: "Actions",
      align: "right",
      cell: (d) => (
        <div className="flex justify-end gap-2">
          <TestEventButton orgSlug={orgSlug} destination={d} />
          <Link
            href={`/o/${orgSlug}/alerting/destinations/${d.id}`}
            className="inline-flex h-8 items-center rounded-md px-2.5 text-sm font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900"
            aria-label={`Edit ${d.name}`}
          >
            Edit
          </Link>
        </div>
      ),
    },
  ];
  return <DataTable valign="top" rows={destinations} rowKey={(d) => d.id} columns={columns} />;
}
