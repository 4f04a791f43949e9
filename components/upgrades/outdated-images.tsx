import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { TOutdatedImage } from "@/lib/upgrades/queries";
import { Breakable } from "@/components/vulnerabilities/workload-summary";
import { ClusterGroups, ItemCount, type TClusterItems } from "./cluster-bar";
import { VersionStep } from "./version-step";

const SHOWN = 3;

function Workloads({ orgSlug, workloads }: { orgSlug: string; workloads: TOutdatedImage["workloads"] }) {
  if (!workloads.length) return <span className="text-slate-400">Not reported</span>;
  return (
    <ul className="space-y-0.5">
      {workloads.slice(0, SHOWN).map((w) => (
        <li key={w.findingId} className="truncate" title={`${w.kind} ${w.namespace}/${w.name}`}>
          <Link href={`/o/${orgSlug}/findings/${w.findingId}`} className="text-slate-800 hover:text-brand-700">
            {w.namespace ? `${w.namespace}/` : ""}
            {w.name}
          </Link>
          {w.container && w.container !== w.name ? <span className="text-slate-500"> ({w.container})</span> : null}
          {w.team ? <span className="text-slate-500"> · {w.team.name}</span> : null}
        </li>
      ))}
      {workloads.length > SHOWN ? <li className="text-slate-500">and {workloads.length - SHOWN} more</li> : null}
    </ul>
  );
}

/** Container images with newer releases, per cluster, with the safest step (the newest patch) and the workloads. */
export function OutdatedImages({ orgSlug, clusters }: { orgSlug: string; clusters: TClusterItems<TOutdatedImage>[] }) {
  return (
    <ClusterGroups
      groups={clusters}
      label={(name) => `Outdated images in ${name}`}
      summary={({ items }) => <ItemCount count={items.length} one="image" many="images" />}
      rowKey={(image: TOutdatedImage) => `${image.image}/${image.current}`}
      columns={[
        {
          key: "image",
          header: "Image",
          width: "w-[32%]",
          cell: (image) => (
            <>
              <p className="break-words font-mono text-xs font-medium text-slate-900">
                <Breakable text={image.image} />
              </p>
              {image.majorBehind ? (
                <Badge tone="amber" className="mt-1">
                  Major version
                </Badge>
              ) : null}
            </>
          ),
        },
        {
          key: "versions",
          header: "Installed → latest",
          width: "w-[20%]",
          cell: (image) => <VersionStep from={image.current} to={image.latest} />,
        },
        {
          key: "patch",
          header: "Newest patch",
          width: "w-[14%]",
          className: "font-mono text-xs text-slate-700",
          cell: (image) => (image.latestPatch && image.latestPatch !== image.current ? image.latestPatch : "–"),
        },
        {
          key: "workloads",
          header: "Running in",
          width: "w-[34%]",
          className: "text-xs",
          cell: (image) => <Workloads orgSlug={orgSlug} workloads={image.workloads} />,
        },
      ]}
    />
  );
}
