import type { Route } from "next";
import Link from "next/link";
import { SeverityCount } from "@/components/findings/severity-badge";
import { Table, Td, Th } from "@/components/ui/table";
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
  return (
    <Table className="table-fixed">
      <colgroup>
        <col className="w-[34%]" />
        <col className="w-[7%]" />
        <col className="w-[7%]" />
        <col className="w-[7%]" />
        <col className="w-[7%]" />
        <col className="w-[8%]" />
        <col className="w-[18%]" />
        <col className="w-[12%]" />
      </colgroup>
      <thead>
        <tr>
          <Th>Image</Th>
          <Th className="px-2 text-right">Critical</Th>
          <Th className="px-2 text-right">High</Th>
          <Th className="px-2 text-right">Medium</Th>
          <Th className="px-2 text-right">Low</Th>
          <Th className="px-2 text-right" title="Vulnerabilities with a fixed version of their package">
            Fixable
          </Th>
          <Th>Running in</Th>
          <Th>Teams</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {images.map((image) => (
          <tr key={image.id} className="align-top">
            <Td className="align-top">
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
            </Td>
            <Td className="px-2 text-right align-top">
              <SeverityCount severity="critical" count={image.counts.critical} />
            </Td>
            <Td className="px-2 text-right align-top">
              <SeverityCount severity="high" count={image.counts.high} />
            </Td>
            <Td className="px-2 text-right align-top">
              <SeverityCount severity="medium" count={image.counts.medium} />
            </Td>
            <Td className="px-2 text-right align-top">
              <SeverityCount severity="low" count={image.counts.low} />
            </Td>
            <Td className="px-2 text-right align-top tabular-nums">
              {image.fixable ? (
                <span className="font-medium text-emerald-700">{image.fixable}</span>
              ) : (
                <span className="text-slate-300">–</span>
              )}
              <span className="sr-only"> of {image.total}</span>
            </Td>
            <Td className="align-top">
              <WorkloadSummary workloads={image.workloads} />
            </Td>
            <Td className="align-top">
              <TeamLinks orgSlug={orgSlug} teams={image.teams} unassigned={image.unassigned} />
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
