import Link from "next/link";
import type { TOpenIncident } from "@/lib/alerting/queries";
import { Card, CardHeader } from "@/components/ui/card";
import { formatLastUsed } from "@/components/ui/format";
import { Table, Td, Th } from "@/components/ui/table";

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
        <Table>
          <thead>
            <tr>
              <Th>Alert group</Th>
              <Th>Destination</Th>
              <Th className="text-right">Affected</Th>
              <Th>Opened</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {shown.map((i) => (
              <tr key={`${i.groupId}:${i.destinationId}`}>
                <Td>
                  <Link
                    href={`/o/${orgSlug}/alerting/log?group=${i.groupId}`}
                    className="line-clamp-2 font-medium text-slate-900 hover:text-brand-700 hover:underline"
                  >
                    {i.title}
                  </Link>
                  <code className="block font-mono text-xs text-slate-500">{i.dedupKey}</code>
                </Td>
                <Td className="whitespace-nowrap">{i.destinationName ?? "Deleted destination"}</Td>
                <Td className="text-right tabular-nums">{i.affectedCount}</Td>
                <Td className="whitespace-nowrap text-xs text-slate-500">{formatLastUsed(i.openedAt, now)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
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
