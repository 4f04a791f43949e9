import Link from "next/link";
import type { TDestinationView } from "@/lib/alerting/destinations/queries";
import { Badge } from "@/components/ui/badge";
import { formatDateTime, formatLastUsed } from "@/components/ui/format";
import { Table, Td, Th } from "@/components/ui/table";
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
  return (
    <Table>
      <thead>
        <tr>
          <Th>Destination</Th>
          <Th>Owning team</Th>
          <Th>Key</Th>
          <Th>Last delivery</Th>
          <Th>Last error</Th>
          <Th className="text-right">Open incidents</Th>
          {canManage ? <Th className="text-right">Actions</Th> : null}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {destinations.map((d) => (
          <tr key={d.id} className="align-top">
            <Td>
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
            </Td>
            <Td className="whitespace-nowrap">{d.teamName ?? <span className="text-slate-400">Org-wide</span>}</Td>
            <Td>
              <code className="font-mono text-xs text-slate-600">{d.maskedKey}</code>
            </Td>
            <Td className="whitespace-nowrap text-xs text-slate-600">
              {d.lastDeliveredAt ? (
                <span title={formatDateTime(d.lastDeliveredAt)}>{formatLastUsed(d.lastDeliveredAt, now)}</span>
              ) : (
                <span className="text-slate-400">never</span>
              )}
            </Td>
            <Td className="max-w-xs">
              <LastError destination={d} now={now} />
            </Td>
            <Td className="text-right tabular-nums">
              {d.openIncidents ? (
                <Badge tone="red">{d.openIncidents}</Badge>
              ) : (
                <span className="text-slate-400">0</span>
              )}
            </Td>
            {canManage ? (
              <Td className="text-right">
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
              </Td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
