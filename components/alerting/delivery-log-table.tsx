import Link from "next/link";
import type { TDeliveryLogItem } from "@/lib/alerting/queries";
import { formatDateTime, formatLastUsed } from "@/components/ui/format";
import { DataTable, type TColumn } from "@/components/ui/data-table";
import { DeliveryStatusBadge } from "./badges";
import { RetryDeliveryButton } from "./retry-delivery-button";
import { CHANNEL_LABELS, messageLabel } from "./channel-labels";
import { PagerDutyAnswer } from "./pagerduty-answer";

const messageTitle = (payload: Record<string, unknown>) =>
  typeof payload.title === "string" ? payload.title : "Digest";

/** Every outbox event (PagerDuty events and messages), newest first, with the provider's answer. */
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
  /** Whether the viewer may open a destination's page and retry failed deliveries (org:integrations:manage). */
  linkDestinations?: boolean;
}) {
  const columns: (TColumn<TDeliveryLogItem> | false)[] = [
    {
      key: "event",
      header: "Event",
      className: "max-w-lg",
      cell: (e) => (
        <>
          <div className="flex items-center gap-2">
            {e.action === "notify" ? (
              <span className="font-medium text-slate-900">
                {CHANNEL_LABELS[e.channel]} · {messageLabel(e.payload)}
              </span>
            ) : (
              <span className="font-medium capitalize text-slate-900">{e.action}</span>
            )}
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
              <span className="text-slate-500">{e.action === "notify" ? messageTitle(e.payload) : "Test event"}</span>
            )}
          </div>
          <code className="mt-0.5 block break-all font-mono text-xs text-slate-500">{e.dedupKey}</code>
        </>
      ),
    },
    showDestination && {
      key: "destination",
      header: "Destination",
      className: "whitespace-nowrap",
      cell: (e) =>
        linkDestinations && e.channel === "pagerduty" ? (
          <Link
            href={`/o/${orgSlug}/alerting/destinations/${e.destinationId}`}
            className="text-slate-700 hover:text-brand-700 hover:underline"
          >
            {e.destinationName}
          </Link>
        ) : (
          <span className="text-slate-700">{e.destinationName}</span>
        ),
    },
    {
      key: "status",
      header: "Status",
      className: "whitespace-nowrap",
      cell: (e) => (
        <>
          <DeliveryStatusBadge status={e.status} />
          {e.status === "failed" && linkDestinations ? <RetryDeliveryButton orgSlug={orgSlug} eventId={e.id} /> : null}
          <div className="mt-1 text-xs text-slate-500">
            {e.status === "delivered" && e.deliveredAt
              ? formatLastUsed(e.deliveredAt, now)
              : e.status === "pending"
                ? `next try ${formatDateTime(e.nextAttemptAt)}`
                : null}
          </div>
        </>
      ),
    },
    { key: "attempts", header: "Attempts", align: "right", cell: (e) => e.attempts },
    {
      key: "answer",
      header: "Provider's answer",
      className: "max-w-sm",
      cell: (e) => <PagerDutyAnswer status={e.responseStatus} response={e.response} error={e.error} />,
    },
  ];
  return <DataTable valign="top" rows={items} rowKey={(e) => e.id} columns={columns} />;
}
