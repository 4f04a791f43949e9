import type { Route } from "next";
import Link from "next/link";
import type { TAlertFeedItem } from "@/lib/alerting/queries";
import { GROUPING_LABELS, RULE_KIND_LABELS } from "@/lib/alerting/schemas";
import { formatLastUsed } from "@/components/ui/format";
import { DataTable, type TColumn } from "@/components/ui/data-table";
import { Missing } from "@/components/ui/data-table-cells";
import { AlertGroupTicket, type TAlertGroupTicket } from "@/components/tickets/alert-group-ticket";
import { AlertStatusBadge, PageBadge } from "./badges";
import { inAppHref, sampleText } from "./links";

function AlertCell({
  item,
  orgSlug,
  ticket,
}: {
  item: TAlertFeedItem;
  orgSlug: string;
  ticket: TAlertGroupTicket | undefined;
}) {
  const href = inAppHref(item.link);
  return (
    <>
      <div className="line-clamp-2 font-medium text-slate-900" title={item.title}>
        {item.title}
      </div>
      <div className="mt-0.5 text-xs text-slate-500">
        {RULE_KIND_LABELS[item.kind]} · {GROUPING_LABELS[item.grouping]}
        {Object.keys(item.scope).length
          ? ` · ${Object.entries(item.scope)
              .map(([k, v]) => `${k} ${v}`)
              .join(", ")}`
          : ""}
      </div>
      {/* Findings' summaries repeat the title, count and team shown beside them; others say more. */}
      {item.summary.startsWith(item.title) ? null : <p className="mt-1 text-sm text-slate-600">{item.summary}</p>}
      {item.sample.length ? (
        <p className="mt-1 break-all font-mono text-xs text-slate-500">{sampleText(item.sample, item.affectedCount)}</p>
      ) : null}
      <div className="mt-1.5 flex flex-wrap gap-x-4 gap-y-1 text-xs">
        {href ? (
          <Link href={href as Route} className="font-medium text-brand-600 hover:text-brand-700">
            {item.kind === "stale_cluster" ? "Open the clusters" : "Open the findings"}
          </Link>
        ) : null}
        <Link
          href={`/o/${orgSlug}/alerting/log?group=${item.id}`}
          className="font-medium text-brand-600 hover:text-brand-700"
        >
          Deliveries
        </Link>
      </div>
      {ticket ? <AlertGroupTicket orgSlug={orgSlug} title={item.title} ticket={ticket} /> : null}
    </>
  );
}

/** Alert groups: one row per problem (not per finding), with where it paged. */
export function AlertFeedTable({
  items,
  now,
  orgSlug,
  tickets,
}: {
  items: TAlertFeedItem[];
  now: Date;
  orgSlug: string;
  /** Per group id: its ticket chip and, for its team's triagers, "Open a ticket". */
  tickets?: ReadonlyMap<string, TAlertGroupTicket>;
}) {
  const columns: TColumn<TAlertFeedItem>[] = [
    {
      key: "alert",
      header: "Alert",
      className: "max-w-xl",
      cell: (item) => <AlertCell item={item} orgSlug={orgSlug} ticket={tickets?.get(item.id)} />,
    },
    { key: "status", header: "Status", cell: (item) => <AlertStatusBadge status={item.status} /> },
    {
      key: "page",
      header: "Page",
      cell: (item) => (
        <>
          <PageBadge paged={item.paged} severity={item.pdSeverity} />
          {item.openIncidents.length ? (
            <div className="mt-1 text-xs text-slate-500">
              Open on {item.openIncidents.map((i) => i.destinationName ?? "a deleted destination").join(", ")}
            </div>
          ) : null}
        </>
      ),
    },
    {
      key: "team",
      header: "Team",
      className: "whitespace-nowrap",
      cell: (item) => item.teamName ?? <Missing>Org-wide</Missing>,
    },
    { key: "affected", header: "Affected", align: "right", cell: (item) => item.affectedCount },
    {
      key: "updated",
      header: "Updated",
      className: "whitespace-nowrap text-xs text-slate-500",
      cell: (item) => (
        <>
          {formatLastUsed(item.updatedAt, now)}
          {item.resolvedAt ? <div>resolved {formatLastUsed(item.resolvedAt, now)}</div> : null}
        </>
      ),
    },
  ];
  return <DataTable valign="top" rows={items} rowKey={(item) => item.id} columns={columns} />;
}
