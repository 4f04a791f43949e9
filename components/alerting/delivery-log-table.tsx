import Link from "next/link";
import type { TDeliveryLogItem } from "@/lib/alerting/queries";
import { formatDateTime, formatLastUsed } from "@/components/ui/format";
import { Table, Td, Th } from "@/components/ui/table";
import { DeliveryStatusBadge } from "./badges";
import { PagerDutyAnswer } from "./pagerduty-answer";

/** Every outbox event, newest first, with PagerDuty's answer. */
export function DeliveryLogTable({
  items,
  now,
  orgSlug,
  showDestination = true,
  linkDestinations = false,
}: {
  items: TDeliveryLogItem[];
  now: Date;
  orgSlug: string;
  /** Off on a destination's own page. */
  showDestination?: boolean;
  /** Whether the viewer may open a destination's page (org:integrations:manage). */
  linkDestinations?: boolean;
}) {
  return (
    <Table>
      <thead>
        <tr>
          <Th>Event</Th>
          {showDestination ? <Th>Destination</Th> : null}
          <Th>Status</Th>
          <Th className="text-right">Attempts</Th>
          <Th>PagerDuty&apos;s answer</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {items.map((e) => (
          <tr key={e.id} className="align-top">
            <Td className="max-w-lg">
              <div className="flex items-center gap-2">
                <span className="font-medium capitalize text-slate-900">{e.action}</span>
                <span className="text-xs text-slate-500" title={formatDateTime(e.createdAt)}>
                  {formatLastUsed(e.createdAt, now)}
                </span>
              </div>
              <div className="mt-0.5 text-sm text-slate-600">
                {e.groupId ? (
                  <Link
                    href={`/o/${orgSlug}/alerting/log?group=${e.groupId}`}
                    className="line-clamp-2 hover:text-brand-700 hover:underline"
                    title={e.groupTitle ?? undefined}
                  >
                    {e.groupTitle ?? "Alert group"}
                  </Link>
                ) : (
                  <span className="text-slate-500">Test event</span>
                )}
              </div>
              <code className="mt-0.5 block break-all font-mono text-xs text-slate-500">{e.dedupKey}</code>
            </Td>
            {showDestination ? (
              <Td className="whitespace-nowrap">
                {linkDestinations ? (
                  <Link
                    href={`/o/${orgSlug}/alerting/destinations/${e.destinationId}`}
                    className="text-slate-700 hover:text-brand-700 hover:underline"
                  >
                    {e.destinationName}
                  </Link>
                ) : (
                  <span className="text-slate-700">{e.destinationName}</span>
                )}
              </Td>
            ) : null}
            <Td className="whitespace-nowrap">
              <DeliveryStatusBadge status={e.status} />
              <div className="mt-1 text-xs text-slate-500">
                {e.status === "delivered" && e.deliveredAt
                  ? formatLastUsed(e.deliveredAt, now)
                  : e.status === "pending"
                    ? `next try ${formatDateTime(e.nextAttemptAt)}`
                    : null}
              </div>
            </Td>
            <Td className="text-right tabular-nums">{e.attempts}</Td>
            <Td className="max-w-sm">
              <PagerDutyAnswer status={e.responseStatus} response={e.response} error={e.error} />
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
