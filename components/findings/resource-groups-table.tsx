import type { Route } from "next";
import Link from "next/link";
import { SEVERITY_LEVELS, SEVERITY_NAMES } from "@/lib/domain/severity";
import { SeverityBadge, SeverityCount, type TSeverity } from "./severity-badge";

export type TResourceGroupRow = {
  key: string;
  href: string;
  kind: string;
  name: string;
  /** Cluster and namespace. */
  where: string;
  team: string | null;
  severity: TSeverity;
  findings: number;
  bySeverity: Record<TSeverity, number>;
};

/** One row per Kubernetes object (or image) with its problems counted by severity. */
export function ResourceGroupsTable({ rows }: { rows: TResourceGroupRow[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full table-fixed divide-y divide-slate-200 text-sm">
        <colgroup>
          <col className="w-28" />
          <col />
          <col className="w-36" />
          {SEVERITY_LEVELS.map((s) => (
            <col key={s} className="w-[4.5rem]" />
          ))}
        </colgroup>
        <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide whitespace-nowrap text-slate-500 uppercase">
          <tr>
            <th scope="col" className="px-4 py-2.5">
              Worst
            </th>
            <th scope="col" className="px-4 py-2.5">
              Resource
            </th>
            <th scope="col" className="px-4 py-2.5">
              Team
            </th>
            {SEVERITY_LEVELS.map((s) => (
              <th key={s} scope="col" className="px-2 py-2.5 text-right">
                {SEVERITY_NAMES[s]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 bg-white">
          {rows.map((row) => (
            <tr key={row.key} className="align-top hover:bg-slate-50/70">
              <td className="px-4 py-3">
                <SeverityBadge severity={row.severity} />
              </td>
              <td className="min-w-0 px-4 py-3">
                <Link
                  href={row.href as Route}
                  className="font-medium break-words text-slate-900 hover:text-brand-700"
                  data-row-link
                  aria-label={`${row.kind} ${row.name}: ${row.findings} findings`}
                >
                  <span className="font-normal text-slate-500">{row.kind}</span> {row.name}
                </Link>
                <p className="mt-0.5 truncate text-xs text-slate-500">{row.where}</p>
              </td>
              <td className={row.team ? "truncate px-4 py-3 text-slate-700" : "px-4 py-3 text-slate-400 italic"}>
                {row.team ?? "Unassigned"}
              </td>
              {SEVERITY_LEVELS.map((s) => (
                <td key={s} className="px-2 py-3 text-right">
                  <SeverityCount severity={s} count={row.bySeverity[s]} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
