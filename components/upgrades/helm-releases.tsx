import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { THelmRelease } from "@/lib/upgrades/queries";
import { ClusterGroups, ItemCount, type TClusterItems } from "./cluster-bar";
import { VersionStep } from "./version-step";

/** Outdated or deprecated Helm releases, per cluster. */
export function HelmReleases({ orgSlug, clusters }: { orgSlug: string; clusters: TClusterItems<THelmRelease>[] }) {
  return (
    <ClusterGroups
      groups={clusters}
      label={(name) => `Helm releases in ${name}`}
      summary={({ items }) => <ItemCount count={items.length} one="release" many="releases" />}
      rowKey={(r: THelmRelease) => r.findingId}
      columns={[
        {
          key: "release",
          header: "Release",
          width: "w-[30%]",
          cell: (r) => (
            <>
              <Link
                href={`/o/${orgSlug}/findings/${r.findingId}`}
                className="break-words font-medium text-slate-900 hover:text-brand-700"
              >
                {r.release}
              </Link>
              <p className="text-xs text-slate-500">
                namespace {r.namespace || "–"}
                {r.team ? ` · ${r.team.name}` : ""}
                {r.state !== "open" ? ` · ${r.state}` : ""}
              </p>
            </>
          ),
        },
        {
          key: "chart",
          header: "Chart",
          width: "w-[20%]",
          className: "break-words font-mono text-xs",
          cell: (r) => r.chart,
        },
        {
          key: "versions",
          header: "Installed → latest",
          width: "w-[30%]",
          cell: (r) => (
            <>
              <VersionStep from={r.installed.version} to={r.latest.version} />
              {r.installed.appVersion || r.latest.appVersion ? (
                <p className="mt-0.5 text-xs text-slate-500">
                  app {r.installed.appVersion || "?"} → {r.latest.appVersion || "?"}
                </p>
              ) : null}
            </>
          ),
        },
        {
          key: "notes",
          header: <span className="sr-only">Notes</span>,
          width: "w-[20%]",
          cell: (r) => (
            <div className="flex flex-wrap gap-1">
              {r.deprecated ? <Badge tone="red">Chart deprecated</Badge> : null}
              {r.majorBehind ? <Badge tone="amber">Major version</Badge> : null}
            </div>
          ),
        },
      ]}
    />
  );
}
