import { formatBytes } from "@/lib/server/byte-size";
import type { TOrgQuotas, TOrgUsage } from "@/lib/quotas/quotas";

type TRow = { label: string; used: number; limit: number | null; format: (n: number) => string; note?: string };

/** One quota: what is used of it, as text and as a bar (no bar without a limit). */
function UsageRow({ label, used, limit, format, note }: TRow) {
  const share = limit === null ? 0 : Math.min(1, used / limit);
  const tone = share >= 1 ? "bg-red-500" : share >= 0.8 ? "bg-amber-500" : "bg-brand-600";
  return (
    <div>
      <div className="flex items-baseline justify-between gap-4 text-sm">
        <span className="font-medium text-gray-900">{label}</span>
        <span className="text-gray-600 tabular-nums">
          {format(used)} {limit === null ? "(no limit)" : `of ${format(limit)}`}
        </span>
      </div>
      {limit !== null && (
        <div
          className="mt-1 h-1.5 rounded-full bg-gray-100"
          role="meter"
          aria-label={label}
          aria-valuemin={0}
          aria-valuemax={limit}
          aria-valuenow={Math.min(used, limit)}
        >
          <div className={`h-1.5 rounded-full ${tone}`} style={{ width: `${Math.round(share * 100)}%` }} />
        </div>
      )}
      {note && <p className="mt-1 text-xs text-red-700">{note}</p>}
    </div>
  );
}

/** The organization's usage against the quotas the install's operator set (org admins read only). */
export function StorageUsage({ quotas, usage }: { quotas: TOrgQuotas; usage: TOrgUsage }) {
  return (
    <div className="space-y-4">
      <UsageRow label="Clusters" used={usage.clusters} limit={quotas.clusters} format={String} />
      <UsageRow
        label="Reports stored today (UTC)"
        used={usage.reportBytesToday}
        limit={quotas.reportBytesPerDay}
        format={formatBytes}
        note={
          usage.refusedToday > 0
            ? `${usage.refusedToday} ${usage.refusedToday === 1 ? "upload was" : "uploads were"} refused today over a limit; agents try again on their next run.`
            : undefined
        }
      />
      <UsageRow
        label="Reports kept"
        used={usage.reportBytesStored}
        limit={quotas.reportBytesTotal}
        format={formatBytes}
      />
      <p className="text-xs text-gray-500">
        Raw agent reports, uncompressed. The daily amount starts over at 00:00 UTC; older reports are removed by
        retention. The operator of this Bumpers install sets these limits.
      </p>
    </div>
  );
}
