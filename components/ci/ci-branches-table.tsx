import type { Route } from "next";
import Link from "next/link";
import type { TCiBranch } from "@/lib/ci/queries";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { formatDateTime, formatLastUsed } from "@/components/ui/format";
import { Table, Td, Th } from "@/components/ui/table";
import { shortCommit } from "./ci-href";

/** Each branch's latest scan; a row's repository and branch open that branch's findings. */
export function CiBranchesTable({
  rows,
  hrefOf,
  selected,
  now,
}: {
  rows: TCiBranch[];
  hrefOf: (row: TCiBranch) => string;
  selected: { repository: string | null; branch: string | null };
  now: Date;
}) {
  return (
    <Table>
      <thead>
        <tr>
          <Th>Repository and branch</Th>
          <Th>Team</Th>
          <Th>Commit</Th>
          <Th>Scanned</Th>
          <Th className="text-right">Open</Th>
          <Th className="text-right">Blocking</Th>
          <Th className="text-right">Last scan</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((row) => {
          const current = row.repository === selected.repository && row.branch === selected.branch;
          return (
            <tr key={`${row.repository}\u0000${row.branch}`} className={cn(current && "bg-brand-50/60")}>
              <Td>
                <Link
                  href={hrefOf(row) as Route}
                  aria-current={current ? "true" : undefined}
                  className="group block min-w-0"
                >
                  <span className="block font-medium text-slate-900 group-hover:text-brand-700">{row.repository}</span>
                  <span className="mt-0.5 block font-mono text-xs text-slate-500">{row.branch}</span>
                </Link>
              </Td>
              <Td>{row.team ? row.team.name : <span className="text-slate-400">Unassigned</span>}</Td>
              <Td className="font-mono text-xs">{shortCommit(row.commit)}</Td>
              <Td className="whitespace-nowrap" title={formatDateTime(row.scannedAt)}>
                {formatLastUsed(row.scannedAt, now)}
              </Td>
              <Td className="text-right tabular-nums">
                {row.open ? (
                  <span className="font-semibold text-slate-900">{row.open}</span>
                ) : (
                  <Badge tone="green">Clean</Badge>
                )}
              </Td>
              <Td className="text-right tabular-nums">
                {row.blocking ? (
                  <Badge tone="red">{row.blocking} blocking</Badge>
                ) : (
                  <span className="text-slate-300">–</span>
                )}
              </Td>
              <Td className="text-right text-xs whitespace-nowrap text-slate-500">
                {row.opened || row.fixed ? (
                  <>
                    {row.opened ? <span className="text-red-700">+{row.opened} new</span> : null}
                    {row.opened && row.fixed ? " · " : null}
                    {row.fixed ? <span className="text-emerald-700">{row.fixed} fixed</span> : null}
                  </>
                ) : (
                  "no change"
                )}
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
