import Link from "next/link";
import type { TWorkloadRef } from "@/lib/vulnerabilities/queries";

const SHOWN = 2;

/** A long image or object name that may wrap after each "/" instead of anywhere. */
export function Breakable({ text }: { text: string }) {
  const parts = text.split("/");
  return (
    <>
      {parts.map((part, i) => (
        <span key={i}>
          {part}
          {i < parts.length - 1 ? (
            <>
              /<wbr />
            </>
          ) : null}
        </span>
      ))}
    </>
  );
}

/**
 * "2 workloads in 2 clusters" with the first few by namespace/name. The same workload in two
 * clusters (staging and production) is one line; the clusters are in the tooltip.
 */
export function WorkloadSummary({ workloads }: { workloads: TWorkloadRef[] }) {
  if (workloads.length === 0) return <span className="text-xs text-slate-400">No running workload</span>;
  const label = (w: TWorkloadRef) => `${w.namespace ? `${w.namespace}/` : ""}${w.name}`;
  const distinct = new Map<string, TWorkloadRef[]>();
  for (const w of workloads) {
    const key = `${w.kind}/${label(w)}`;
    distinct.set(key, [...(distinct.get(key) ?? []), w]);
  }
  const clusters = new Set(workloads.map((w) => w.cluster.slug)).size;
  const entries = [...distinct.entries()];
  return (
    <div
      className="min-w-0 text-xs"
      title={workloads.map((w) => `${w.cluster.name}: ${w.kind} ${label(w)}`).join("\n")}
    >
      <p className="font-medium text-slate-700">
        {entries.length} {entries.length === 1 ? "workload" : "workloads"}
        {clusters > 1 ? ` in ${clusters} clusters` : ""}
      </p>
      <ul className="mt-0.5 space-y-0.5 text-slate-500">
        {entries.slice(0, SHOWN).map(([key, list]) => (
          <li key={key} className="truncate">
            {label(list[0])}
          </li>
        ))}
        {entries.length > SHOWN ? <li>and {entries.length - SHOWN} more</li> : null}
      </ul>
    </div>
  );
}

export function TeamLinks({
  orgSlug,
  teams,
  unassigned,
}: {
  orgSlug: string;
  teams: { slug: string; name: string }[];
  unassigned: boolean;
}) {
  if (teams.length === 0 && !unassigned) return <span className="text-xs text-slate-400">–</span>;
  return (
    <ul className="flex flex-wrap gap-1">
      {teams.map((t) => (
        <li key={t.slug}>
          <Link
            href={`/o/${orgSlug}/teams/${t.slug}`}
            className="inline-flex rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700 hover:bg-brand-50 hover:text-brand-700"
          >
            {t.name}
          </Link>
        </li>
      ))}
      {unassigned ? (
        <li className="inline-flex rounded-full px-2 py-0.5 text-xs text-slate-500 ring-1 ring-inset ring-slate-200">
          Unassigned
        </li>
      ) : null}
    </ul>
  );
}
