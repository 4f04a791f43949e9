import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import type { TOrgOverview } from "@/lib/orgs/overview";

export function ClustersCard({ orgSlug, clusters }: { orgSlug: string; clusters: TOrgOverview["clusters"] }) {
  return (
    <Card>
      <CardHeader
        title="Clusters"
        actions={
          <Link href={`/o/${orgSlug}/clusters`} className="text-sm font-medium text-brand-600 hover:text-brand-700">
            All clusters
          </Link>
        }
      />
      {clusters.length === 0 ? (
        <p className="px-5 py-4 text-sm text-slate-500">
          No cluster connected yet.{" "}
          <Link href={`/o/${orgSlug}/clusters`} className="font-medium text-brand-600 hover:text-brand-700">
            Connect a cluster
          </Link>
        </p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {clusters.map((c) => (
            <li key={c.slug} className="flex items-center justify-between gap-3 px-5 py-3 text-sm">
              <div className="min-w-0">
                <p className="truncate font-medium text-slate-900">{c.name}</p>
                <p className="truncate font-mono text-xs text-slate-500">{c.slug}</p>
              </div>
              <div className="flex shrink-0 items-center gap-3">
                <span className="tabular-nums text-slate-500">{c.workloads} workloads</span>
                {c.kubernetesVersion ? (
                  <Badge tone="blue">v{c.kubernetesVersion}</Badge>
                ) : (
                  <Badge>awaiting report</Badge>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
