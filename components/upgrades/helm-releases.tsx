import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { TClusterRef, THelmRelease } from "@/lib/upgrades/queries";
import { ClusterBar } from "./cluster-bar";
import { VersionStep } from "./version-step";

/** Outdated or deprecated Helm releases, per cluster. */
export function HelmReleases({
  orgSlug,
  clusters,
}: {
  orgSlug: string;
  clusters: { cluster: TClusterRef; items: THelmRelease[] }[];
}) {
  return (
    <div>
      {clusters.map(({ cluster, items }) => (
        <section key={cluster.id} aria-label={`Helm releases in ${cluster.name}`}>
          <ClusterBar name={cluster.name}>
            <span className="text-xs text-slate-500">
              {items.length} {items.length === 1 ? "release" : "releases"}
            </span>
          </ClusterBar>
          <Table className="table-fixed">
            <colgroup>
              <col className="w-[30%]" />
              <col className="w-[20%]" />
              <col className="w-[30%]" />
              <col className="w-[20%]" />
            </colgroup>
            <thead>
              <tr>
                <Th>Release</Th>
                <Th>Chart</Th>
                <Th>Installed → latest</Th>
                <Th>
                  <span className="sr-only">Notes</span>
                </Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {items.map((r) => (
                <tr key={r.findingId}>
                  <Td className="align-top">
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
                  </Td>
                  <Td className="align-top break-words font-mono text-xs">{r.chart}</Td>
                  <Td className="align-top">
                    <VersionStep from={r.installed.version} to={r.latest.version} />
                    {r.installed.appVersion || r.latest.appVersion ? (
                      <p className="mt-0.5 text-xs text-slate-500">
                        app {r.installed.appVersion || "?"} → {r.latest.appVersion || "?"}
                      </p>
                    ) : null}
                  </Td>
                  <Td className="align-top">
                    <div className="flex flex-wrap gap-1">
                      {r.deprecated ? <Badge tone="red">Chart deprecated</Badge> : null}
                      {r.majorBehind ? <Badge tone="amber">Major version</Badge> : null}
                    </div>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </section>
      ))}
    </div>
  );
}
