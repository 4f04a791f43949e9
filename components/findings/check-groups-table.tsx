import type { Route } from "next";
import Link from "next/link";
import { CATEGORY_LABELS, SOURCE_LABELS } from "@/lib/findings/ui-labels";
import { SeverityBadge, type TSeverity } from "./severity-badge";

export type TCheckGroupRow = {
  key: string;
  href: string;
  title: string;
  checkId: string;
  source: string;
  category: string;
  severity: TSeverity;
  findings: number;
  resources: number;
  clusters: number;
  firstSeen: { age: string; exact: string };
};

const n = (count: number, one: string, many: string) => `${count.toLocaleString("en-US")} ${count === 1 ? one : many}`;

/** One row per check: the same problem across many resources is one thing to fix. */
export function CheckGroupsTable({ rows }: { rows: TCheckGroupRow[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full table-fixed divide-y divide-slate-200 text-sm">
        <colgroup>
          <col className="w-28" />
          <col />
          <col className="w-56" />
          <col className="w-28" />
        </colgroup>
        <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide whitespace-nowrap text-slate-500 uppercase">
          <tr>
            <th scope="col" className="px-4 py-2.5">
              Severity
            </th>
            <th scope="col" className="px-4 py-2.5">
              Check
            </th>
            <th scope="col" className="px-4 py-2.5">
              Affected
            </th>
            <th scope="col" className="px-4 py-2.5">
              First seen
            </th>
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
                  className="line-clamp-2 font-medium break-words text-slate-900 hover:text-brand-700"
                  data-row-link
                >
                  {row.title}
                </Link>
                <p className="mt-0.5 truncate text-xs text-slate-500">
                  {CATEGORY_LABELS[row.category] ?? row.category} · {SOURCE_LABELS[row.source] ?? row.source} ·{" "}
                  <code className="font-mono">{row.checkId}</code>
                </p>
              </td>
              <td className="px-4 py-3">
                <Link
                  href={row.href as Route}
                  className="font-medium whitespace-nowrap text-brand-700 hover:underline"
                  data-testid="check-affected"
                  aria-label={`${n(row.resources, "resource", "resources")} in ${n(row.clusters, "cluster", "clusters")}: show the findings of ${row.title}`}
                >
                  {n(row.resources, "resource", "resources")} · {n(row.clusters, "cluster", "clusters")}
                </Link>
                {row.findings !== row.resources ? (
                  <div className="mt-0.5 text-xs text-slate-500">{n(row.findings, "finding", "findings")}</div>
                ) : null}
              </td>
              <td className="px-4 py-3 whitespace-nowrap text-slate-600">
                <time title={row.firstSeen.exact}>{row.firstSeen.age}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
