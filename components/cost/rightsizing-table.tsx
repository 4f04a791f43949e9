import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { Table, Td, Th } from "@/components/ui/table";
import type { TPreparedRightsizing } from "@/lib/cost/format/rightsizing";

/** Recommended requests per container, largest monthly saving first, with the Goldilocks findings behind them. */
export function RightsizingTable({
  rows,
  orgSlug,
  showTeam,
}: {
  rows: readonly TPreparedRightsizing[];
  orgSlug: string;
  showTeam: boolean;
}) {
  return (
    <Table>
      <caption className="sr-only">Rightsizing recommendations</caption>
      <thead>
        <tr>
          <Th>Container</Th>
          {showTeam ? <Th>Team</Th> : null}
          <Th className="whitespace-nowrap">CPU request</Th>
          <Th className="whitespace-nowrap">Memory request</Th>
          <Th className="text-right whitespace-nowrap">Saving / month</Th>
          <Th className="whitespace-nowrap">Findings</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100" data-testid="rightsizing-rows">
        {rows.map((r) => (
          <tr key={r.key}>
            <Td className="max-w-64">
              <p
                className="truncate font-medium text-slate-900"
                title={`${r.kind} ${r.workload}, container ${r.container}`}
              >
                {r.workload} <span className="text-slate-400">/</span> {r.container}
              </p>
              <p className="truncate text-xs text-slate-500" title={r.where}>
                {r.where}
              </p>
            </Td>
            {showTeam ? (
              <Td className="whitespace-nowrap">
                {r.team ? r.team.name : <span className="italic text-slate-500">Unassigned</span>}
              </Td>
            ) : null}
            <Td className="whitespace-nowrap">
              <Change {...r.cpu} />
            </Td>
            <Td className="whitespace-nowrap">
              <Change {...r.memory} />
            </Td>
            <Td
              className={cn(
                "text-right font-medium tabular-nums whitespace-nowrap",
                r.direction === "save"
                  ? "text-emerald-700"
                  : r.direction === "more"
                    ? "text-amber-700"
                    : "text-slate-500",
              )}
              title={
                r.direction === "more" ? "Needs more than it requests: a reliability fix that costs more" : undefined
              }
            >
              {r.saving}
            </Td>
            <Td>
              <ul className="flex gap-2">
                {r.findings.map((f) => (
                  <li key={f.id}>
                    <Link
                      href={`/o/${orgSlug}/findings/${f.id}`}
                      className="text-xs text-brand-700 hover:underline whitespace-nowrap"
                      title={`The Goldilocks finding: ${f.checkId}`}
                    >
                      {f.label}
                      <span className="sr-only"> finding of {r.workload}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

function Change({ current, recommended, changed }: { current: string; recommended: string; changed: boolean }) {
  if (!changed) return <span className="tabular-nums text-slate-500">{current}</span>;
  return (
    <span className="tabular-nums">
      <span className="text-slate-500 line-through decoration-slate-300">{current}</span>{" "}
      <span aria-label="recommended" className="text-slate-400">
        →
      </span>{" "}
      <span className="font-medium text-slate-900">{recommended}</span>
    </span>
  );
}
