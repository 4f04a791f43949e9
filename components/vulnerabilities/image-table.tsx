import type { Route } from "next";
import Link from "next/link";
import { severityCountColumns } from "@/components/findings/severity-badge";
import { DataTable, type TColumn } from "@/components/ui/data-table";
import type { TVulnerableImage } from "@/lib/vulnerabilities/queries";
import { Breakable, TeamLinks, WorkloadSummary } from "./workload-summary";

/** Images worst first; an image's name opens its CVEs. */
export function ImageTable({
  orgSlug,
  images,
  cveHref,
}: {
  orgSlug: string;
  images: TVulnerableImage[];
  cveHref: (imageId: string) => string;
}) {
  const columns: TColumn<TVulnerableImage>[] = [
    {
      key: "image",
      header: "Image",
      width: "w-[34%]",
      cell: (image) => (
        <>
          <Link
            href={cveHref(image.id) as Route}
            className="break-words font-medium text-slate-900 hover:text-brand-700"
            title={`${image.total} vulnerabilities in ${image.name}: show them`}
          >
            <Breakable text={image.repository} />
          </Link>
          <div className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-500">
            {image.tag ? (
              <span className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-slate-700">{image.tag}</span>
            ) : null}
            {image.digestShort ? (
              <span className="font-mono" title={image.digest}>
                {image.digestShort}
              </span>
            ) : null}
            <span>{image.clusters.map((c) => c.name).join(", ")}</span>
          </div>
        </>
      ),
    },
    ...severityCountColumns(
      ["critical", "high", "medium", "low"] as const,
      (image: TVulnerableImage, s) => image.counts[s],
      "w-[7%]",
    ),
    {
      key: "fixable",
      header: "Fixable",
      headerTitle: "Vulnerabilities with a fixed version of their package",
      align: "right",
      width: "w-[8%]",
      headerClassName: "px-2",
      className: "px-2",
      cell: (image) => (
        <>
          {image.fixable ? (
            <span className="font-medium text-emerald-700">{image.fixable}</span>
          ) : (
            <span className="text-slate-300">–</span>
          )}
          <span className="sr-only"> of {image.total}</span>
        </>
      ),
    },
    {
      key: "workloads",
      header: "Running in",
      width: "w-[18%]",
      cell: (image) => <WorkloadSummary workloads={image.workloads} />,
    },
    {
      key: "teams",
      header: "Teams",
      width: "w-[12%]",
      cell: (image) => <TeamLinks orgSlug={orgSlug} teams={image.teams} unassigned={image.unassigned} />,
    },
  ];
  return <DataTable valign="top" rows={images} rowKey={(image) => image.id} columns={columns} />;
}
