import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { TClusterRef, TOutdatedImage } from "@/lib/upgrades/queries";
import { Breakable } from "@/components/vulnerabilities/workload-summary";
import { ClusterBar } from "./cluster-bar";
import { VersionStep } from "./version-step";

const SHOWN = 3;

/** Container images with newer releases, per cluster, with the safest step (the newest patch) and the workloads. */
export function OutdatedImages({
  orgSlug,
  clusters,
}: {
  orgSlug: string;
  clusters: { cluster: TClusterRef; items: TOutdatedImage[] }[];
}) {
  return (
    <div>
      {clusters.map(({ cluster, items }) => (
        <section key={cluster.id} aria-label={`Outdated images in ${cluster.name}`}>
          <ClusterBar name={cluster.name}>
            <span className="text-xs text-slate-500">
              {items.length} {items.length === 1 ? "image" : "images"}
            </span>
          </ClusterBar>
          <Table className="table-fixed">
            <colgroup>
              <col className="w-[32%]" />
              <col className="w-[20%]" />
              <col className="w-[14%]" />
              <col className="w-[34%]" />
            </colgroup>
            <thead>
              <tr>
                <Th>Image</Th>
                <Th>Installed → latest</Th>
                <Th>Newest patch</Th>
                <Th>Running in</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {items.map((image) => (
                <tr key={`${image.image}/${image.current}`}>
                  <Td className="align-top">
                    <p className="break-words font-mono text-xs font-medium text-slate-900">
                      <Breakable text={image.image} />
                    </p>
                    {image.majorBehind ? (
                      <Badge tone="amber" className="mt-1">
                        Major version
                      </Badge>
                    ) : null}
                  </Td>
                  <Td className="align-top">
                    <VersionStep from={image.current} to={image.latest} />
                  </Td>
                  <Td className="align-top font-mono text-xs text-slate-700">
                    {image.latestPatch && image.latestPatch !== image.current ? image.latestPatch : "–"}
                  </Td>
                  <Td className="align-top text-xs">
                    {image.workloads.length ? (
                      <ul className="space-y-0.5">
                        {image.workloads.slice(0, SHOWN).map((w) => (
                          <li key={w.findingId} className="truncate" title={`${w.kind} ${w.namespace}/${w.name}`}>
                            <Link
                              href={`/o/${orgSlug}/findings/${w.findingId}`}
                              className="text-slate-800 hover:text-brand-700"
                            >
                              {w.namespace ? `${w.namespace}/` : ""}
                              {w.name}
                            </Link>
                            {w.container && w.container !== w.name ? (
                              <span className="text-slate-500"> ({w.container})</span>
                            ) : null}
                            {w.team ? <span className="text-slate-500"> · {w.team.name}</span> : null}
                          </li>
                        ))}
                        {image.workloads.length > SHOWN ? (
                          <li className="text-slate-500">and {image.workloads.length - SHOWN} more</li>
                        ) : null}
                      </ul>
                    ) : (
                      <span className="text-slate-400">Not reported</span>
                    )}
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
