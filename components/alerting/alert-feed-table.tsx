import type { Route } from "next";
import Link from "next/link";
import type { TAlertFeedItem } from "@/lib/alerting/queries";
import { GROUPING_LABELS, RULE_KIND_LABELS } from "@/lib/alerting/schemas";
import { formatLastUsed } from "@/components/ui/format";
import { Table, Td, Th } from "@/components/ui/table";
import { AlertStatusBadge, PageBadge } from "./badges";
import { inAppHref, sampleText } from "./links";

/** Alert groups: one row per problem (not per finding), with where it paged. */
export function AlertFeedTable({ items, now, orgSlug }: { items: TAlertFeedItem[]; now: Date; orgSlug: string }) {
  return (
    <Table>
      <thead>
        <tr>
          <Th>Alert</Th>
          <Th>Status</Th>
          <Th>Page</Th>
          <Th>Team</Th>
          <Th className="text-right">Affected</Th>
          <Th>Updated</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {items.map((item) => {
          const href = inAppHref(item.link);
          return (
            <tr key={item.id} className="align-top">
              <Td className="max-w-xl">
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
                {item.summary.startsWith(item.title) ? null : (
                  <p className="mt-1 text-sm text-slate-600">{item.summary}</p>
                )}
                {item.sample.length ? (
                  <p className="mt-1 break-all font-mono text-xs text-slate-500">
                    {sampleText(item.sample, item.affectedCount)}
                  </p>
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
              </Td>
              <Td>
                <AlertStatusBadge status={item.status} />
              </Td>
              <Td>
                <PageBadge paged={item.paged} severity={item.pdSeverity} />
                {item.openIncidents.length ? (
                  <div className="mt-1 text-xs text-slate-500">
                    Open on {item.openIncidents.map((i) => i.destinationName ?? "a deleted destination").join(", ")}
                  </div>
                ) : null}
              </Td>
              <Td className="whitespace-nowrap">{item.teamName ?? <span className="text-slate-400">Org-wide</span>}</Td>
              <Td className="text-right tabular-nums">{item.affectedCount}</Td>
              <Td className="whitespace-nowrap text-xs text-slate-500">
                {formatLastUsed(item.updatedAt, now)}
                {item.resolvedAt ? <div>resolved {formatLastUsed(item.resolvedAt, now)}</div> : null}
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
