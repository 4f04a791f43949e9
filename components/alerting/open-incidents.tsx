import Link from "next/link";
import type { TOpenIncident } from "@/lib/alerting/queries";
import { Card, CardHeader } from "@/components/ui/card";
import { formatLastUsed } from "@/components/ui/format";
import { DataTable } from "@/components/ui/data-table";

/** Incidents open in PagerDuty now, one row per alert group and destination. */
export function OpenIncidentsCard({
  incidents,
  orgSlug,
  now,
  description,
  limit = 20,
}: {
  incidents: TOpenIncident[];
  orgSlug: string;
  now: Date;
  description?: string;
  /** Rows shown; the rest are counted. */
  limit?: number;
}) {
  const shown = incidents.slice(0, limit);
  return (
    <Card>
      <CardHeader
        title={`Open incidents (${incidents.length})`}
        description={description ?? "Each resolves by itself when every finding of its group is fixed."}
      />
      {incidents.length ? (
        <DataTable
          rows={shown}
          rowKey={(i) => `${i.groupId}:${i.destinationId}`}
          columns={[
            {
              key: "group",
              header: "Alert group",
              cell: (i) => (
                <>
                  <Link
                    href={`/o/${orgSlug}/alerting/log?group=${i.groupId}`}
                    className="line-clamp-2 font-medium text-slate-900 hover:text-brand-700 hover:underline"
                  >
                    {i.title}
                  </Link>
                  <code className="block font-mono text-xs text-slate-500">{i.dedupKey}</code>
                </>
              ),
            },
            {
              key: "destination",
              header: "Destination",
              className: "whitespace-nowrap",
              cell: (i) => i.destinationName ?? "Deleted destination",
            },
            { key: "affected", header: "Affected", align: "right", cell: (i) => i.affectedCount },
            {
              key: "opened",
              header: "Opened",
              className: "whitespace-nowrap text-xs text-slate-500",
              cell: (i) => formatLastUsed(i.openedAt, now),
            },
          ]}
        />
      ) : (
        <p className="px-5 py-4 text-sm text-slate-500">No incident is open in PagerDuty for this view.</p>
      )}
      {incidents.length > shown.length ? (
        <p className="border-t border-slate-100 px-5 py-3 text-xs text-slate-500">
          …and {incidents.length - shown.length} more{incidents.length >= 500 ? " (at most 500 are counted)" : ""}.
        </p>
      ) : null}
    </Card>
  );
}
