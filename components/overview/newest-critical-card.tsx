import type { Route } from "next";
import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import { formatDateTime, formatLastUsed } from "@/components/ui/format";
import type { TFindingRow } from "@/lib/findings/queries";
import { findingHref, type TFindingsLinker } from "./links";

/** What a finding is about: the image for a vulnerability, kind/name for anything else. */
function resourceOf(f: TFindingRow): string {
  if (f.kind === "Image") return f.name;
  const where = f.namespace ? `${f.namespace}/` : "";
  return `${where}${f.kind.toLowerCase()}/${f.name}`;
}

export function NewestCriticalCard({
  orgSlug,
  findings,
  link,
  showTeam,
  now = new Date(),
}: {
  orgSlug: string;
  findings: TFindingRow[];
  link: TFindingsLinker;
  /** On the org overview, which team owns each one; a team page leaves it out. */
  showTeam: boolean;
  now?: Date;
}) {
  return (
    <Card className="h-full">
      <CardHeader
        title="Newest critical findings"
        actions={
          findings.length ? (
            <Link
              href={link({ severity: ["critical"], sort: "first_seen" }) as Route}
              className="text-sm font-medium text-brand-600 hover:text-brand-700"
            >
              All critical
            </Link>
          ) : null
        }
      />
      {findings.length === 0 ? (
        <p className="px-5 py-4 text-sm text-slate-500">No open critical findings.</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {findings.map((f) => {
            const cve = f.vulnerabilityId && !f.title.startsWith(f.vulnerabilityId) ? f.vulnerabilityId : null;
            return (
              <li key={f.id}>
                <Link
                  href={findingHref(orgSlug, f.id) as Route}
                  className="flex items-start gap-3 px-5 py-3 hover:bg-slate-50/60"
                >
                  <span className="mt-1.5 size-2 shrink-0 rounded-full bg-red-500" aria-hidden />
                  <span className="min-w-0 flex-1">
                    <span className="block truncate text-sm font-medium text-slate-900">
                      {cve ? <span className="mr-1.5 font-mono text-xs text-slate-500">{cve}</span> : null}
                      {f.title}
                    </span>
                    <span className="mt-0.5 block truncate text-xs text-slate-500">
                      <span className="font-mono">{resourceOf(f)}</span>
                      <span className="text-slate-300"> · </span>
                      {f.cluster.name}
                      {showTeam ? (
                        <>
                          <span className="text-slate-300"> · </span>
                          {f.team?.name ?? "Unassigned"}
                        </>
                      ) : null}
                    </span>
                  </span>
                  <time
                    dateTime={new Date(f.firstSeenAt).toISOString()}
                    title={`First seen ${formatDateTime(f.firstSeenAt)}`}
                    className="shrink-0 text-xs text-slate-400"
                  >
                    {formatLastUsed(f.firstSeenAt, now)}
                  </time>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
