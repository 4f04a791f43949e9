import Link from "next/link";
import { Badge, type TBadgeTone } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { ClusterBar } from "./cluster-bar";
import type { TClusterDeprecations } from "@/lib/upgrades/queries";

const TONE: Record<string, TBadgeTone> = { removed: "red", blocks: "amber", deprecated: "neutral" };

function ClusterSummary({ group }: { group: TClusterDeprecations }) {
  const version = group.cluster.kubernetesVersion;
  return (
    <ClusterBar name={group.cluster.name}>
      <span className="text-xs text-slate-500">
        {version ? `Kubernetes ${version.replace(/\+$/, "")}` : "Kubernetes version not reported yet"}
      </span>
      {group.alreadyRemoved ? (
        <Badge tone="red">
          {group.alreadyRemoved} {group.alreadyRemoved === 1 ? "object uses" : "objects use"} a removed API
        </Badge>
      ) : null}
      {group.blockedUpgrade ? (
        <Badge tone="amber">
          Upgrade to {group.blockedUpgrade.version} blocked by {group.blockedUpgrade.objects}{" "}
          {group.blockedUpgrade.objects === 1 ? "object" : "objects"}
        </Badge>
      ) : null}
    </ClusterBar>
  );
}

/** Objects on deprecated API versions, per cluster, compared with the cluster's Kubernetes version. */
export function DeprecatedApis({ orgSlug, clusters }: { orgSlug: string; clusters: TClusterDeprecations[] }) {
  return (
    <div>
      {clusters.map((group) => (
        <section key={group.cluster.id} aria-label={`Deprecated APIs in ${group.cluster.name}`}>
          <ClusterSummary group={group} />
          <Table className="table-fixed">
            <colgroup>
              <col className="w-[32%]" />
              <col className="w-[22%]" />
              <col className="w-[20%]" />
              <col className="w-[26%]" />
            </colgroup>
            <thead className="sr-only">
              <tr>
                <Th>Object</Th>
                <Th>API version</Th>
                <Th>Replace with</Th>
                <Th>Status</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {group.items.map((item) => (
                <tr key={item.findingId}>
                  <Td className="align-top">
                    <p className="text-xs text-slate-500">{item.kind}</p>
                    <Link
                      href={`/o/${orgSlug}/findings/${item.findingId}`}
                      className="break-all font-medium text-slate-900 hover:text-brand-700"
                    >
                      {item.name}
                    </Link>
                    <p className="text-xs text-slate-500">
                      {item.namespace ? `namespace ${item.namespace}` : "cluster-wide"}
                      {item.team ? ` · ${item.team.name}` : ""}
                      {item.state !== "open" ? ` · ${item.state}` : ""}
                    </p>
                  </Td>
                  <Td className="align-top">
                    <p className="text-xs text-slate-500">Uses</p>
                    <p className="break-all font-mono text-xs text-slate-800">{item.apiVersion}</p>
                  </Td>
                  <Td className="align-top">
                    <p className="text-xs text-slate-500">Replace with</p>
                    {item.replacementApi ? (
                      <p className="break-all font-mono text-xs text-emerald-700">{item.replacementApi}</p>
                    ) : (
                      <p className="text-xs text-slate-700">No direct replacement: remove or migrate it</p>
                    )}
                  </Td>
                  <Td className="align-top">
                    <Badge tone={TONE[item.status.kind]} className="whitespace-normal rounded-md">
                      {item.status.label}
                    </Badge>
                    {item.status.detail ? <p className="mt-1 text-xs text-slate-500">{item.status.detail}</p> : null}
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
