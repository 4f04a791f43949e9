import Link from "next/link";
import { Badge, type TBadgeTone } from "@/components/ui/badge";
import type { TClusterDeprecations, TDeprecatedApi } from "@/lib/upgrades/queries";
import { ClusterGroups } from "./cluster-bar";

const TONE: Record<string, TBadgeTone> = { removed: "red", blocks: "amber", deprecated: "neutral" };

/** What stands out about a cluster: its Kubernetes version, what is removed, what blocks an upgrade. */
function ClusterSummary({ group }: { group: TClusterDeprecations }) {
  const version = group.cluster.kubernetesVersion;
  return (
    <>
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
    </>
  );
}

/** Objects on deprecated API versions, per cluster, compared with the cluster's Kubernetes version. */
export function DeprecatedApis({ orgSlug, clusters }: { orgSlug: string; clusters: TClusterDeprecations[] }) {
  return (
    <ClusterGroups
      groups={clusters}
      label={(name) => `Deprecated APIs in ${name}`}
      summary={(group) => <ClusterSummary group={group} />}
      rowKey={(item: TDeprecatedApi) => item.findingId}
      // Each cell says what it holds ("Uses", "Replace with"), so the header is for screen readers.
      headClassName="sr-only"
      columns={[
        {
          key: "object",
          header: "Object",
          width: "w-[32%]",
          cell: (item) => (
            <>
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
            </>
          ),
        },
        {
          key: "api",
          header: "API version",
          width: "w-[22%]",
          cell: (item) => (
            <>
              <p className="text-xs text-slate-500">Uses</p>
              <p className="break-all font-mono text-xs text-slate-800">{item.apiVersion}</p>
            </>
          ),
        },
        {
          key: "replacement",
          header: "Replace with",
          width: "w-[20%]",
          cell: (item) => (
            <>
              <p className="text-xs text-slate-500">Replace with</p>
              {item.replacementApi ? (
                <p className="break-all font-mono text-xs text-emerald-700">{item.replacementApi}</p>
              ) : (
                <p className="text-xs text-slate-700">No direct replacement: remove or migrate it</p>
              )}
            </>
          ),
        },
        {
          key: "status",
          header: "Status",
          width: "w-[26%]",
          cell: (item) => (
            <>
              <Badge tone={TONE[item.status.kind]} className="whitespace-normal rounded-md">
                {item.status.label}
              </Badge>
              {item.status.detail ? <p className="mt-1 text-xs text-slate-500">{item.status.detail}</p> : null}
            </>
          ),
        },
      ]}
    />
  );
}
