import Link from "next/link";
import { Badge, type TBadgeTone } from "@/components/ui/badge";
import { formatDate } from "@/components/ui/format";
import type { TVulnerabilityDetail } from "@/lib/vulnerabilities/queries";
import { PackageVersions } from "./package-versions";
import { Breakable } from "./workload-summary";

const STATE_TONE: Record<string, TBadgeTone> = { open: "red", snoozed: "amber", resolved: "neutral" };

/** Each affected image, then per cluster: the packages to upgrade and the workloads running it. */
export function AffectedImages({ orgSlug, images }: { orgSlug: string; images: TVulnerabilityDetail["affected"] }) {
  return (
    <ul className="divide-y divide-slate-100">
      {images.map((image) => (
        <li key={image.id} className="px-5 py-4">
          <h3 className="break-words font-mono text-sm font-semibold text-slate-900">
            <Breakable text={image.repository} />
            {image.tag ? <span className="text-slate-500">:{image.tag}</span> : null}
          </h3>
          {image.digest ? <p className="mt-0.5 font-mono text-xs text-slate-400">{image.digest}</p> : null}
          <ul className="mt-3 space-y-3">
            {image.findings.map((f) => (
              <li key={f.id} className="rounded-md border border-slate-200 p-3">
                <div className="flex flex-wrap items-center gap-2 text-sm">
                  <span className="font-medium text-slate-900">{f.cluster.name}</span>
                  <Badge tone={STATE_TONE[f.state]}>{f.state}</Badge>
                  <span className="text-xs text-slate-500">since {formatDate(f.firstSeenAt)}</span>
                  <Link
                    href={`/o/${orgSlug}/findings/${f.id}`}
                    className="ml-auto text-xs font-medium text-brand-600 hover:text-brand-700"
                  >
                    Open finding<span className="sr-only"> in {f.cluster.name}</span>
                  </Link>
                </div>
                <div className="mt-2 grid gap-3 md:grid-cols-2">
                  <div>
                    <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">Packages</p>
                    <div className="mt-1">
                      <PackageVersions packages={f.packages} max={10} />
                    </div>
                  </div>
                  <div>
                    <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">Running in</p>
                    {f.workloads.length ? (
                      <ul className="mt-1 space-y-0.5 text-xs text-slate-700">
                        {f.workloads.map((w) => (
                          <li key={`${w.kind}/${w.namespace}/${w.name}`} className="break-words">
                            <span className="text-slate-500">{w.kind}</span> {w.namespace ? `${w.namespace}/` : ""}
                            {w.name}
                            {w.containers.length ? (
                              <span className="text-slate-500"> ({w.containers.join(", ")})</span>
                            ) : null}
                            {" · "}
                            {w.team ? (
                              <Link
                                href={`/o/${orgSlug}/teams/${w.team.slug}`}
                                className="font-medium text-brand-600 hover:text-brand-700"
                              >
                                {w.team.name}
                              </Link>
                            ) : (
                              <span className="text-slate-500">Unassigned</span>
                            )}
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <p className="mt-1 text-xs text-slate-400">No workload you can see runs it any more.</p>
                    )}
                  </div>
                </div>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
