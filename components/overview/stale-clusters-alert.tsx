import Link from "next/link";
import { formatLastUsed } from "@/components/ui/format";
import type { TStaleCluster } from "@/lib/clusters/stale";

/** Clusters that stopped reporting: their findings may be out of date, so the overview says so first. */
export function StaleClustersAlert({
  orgSlug,
  clusters,
  now = new Date(),
}: {
  orgSlug: string;
  clusters: TStaleCluster[];
  now?: Date;
}) {
  if (clusters.length === 0) return null;
  const one = clusters.length === 1;
  return (
    <div
      role="status"
      className="mb-6 flex flex-wrap items-center justify-between gap-3 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900"
    >
      <p className="min-w-0">
        <span className="font-medium">
          {one ? "1 cluster has" : `${clusters.length} clusters have`} stopped reporting.
        </span>{" "}
        {clusters.slice(0, 3).map((c, i) => (
          <span key={c.id}>
            {i > 0 ? ", " : ""}
            {c.name} <span className="text-amber-700">(last report {formatLastUsed(c.lastReportAt, now)})</span>
          </span>
        ))}
        {clusters.length > 3 ? ` and ${clusters.length - 3} more` : ""}. Findings from {one ? "it" : "them"} may be out
        of date.
      </p>
      <Link href={`/o/${orgSlug}/clusters`} className="shrink-0 font-medium text-amber-900 underline">
        Check clusters
      </Link>
    </div>
  );
}
