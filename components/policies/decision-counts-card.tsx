import { Card, CardHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { OutcomesChart } from "./outcomes-chart";
import { OUTCOME_FILL, OUTCOME_KEYS, OUTCOME_LABELS, type TOutcomeChart } from "./prepare-outcomes";

function Count({ n }: { n: number }) {
  return n ? (
    <span className="tabular-nums">{n}</span>
  ) : (
    <span className="text-slate-300" aria-label="none">
      –
    </span>
  );
}

/** Decisions per team and outcome over the range: the chart and, beside it, the same numbers as a table. */
export function DecisionCountsCard({ chart, rangeLabel }: { chart: TOutcomeChart; rangeLabel: string }) {
  return (
    <Card>
      <CardHeader
        title="Decisions per team"
        description={`${rangeLabel}: ${chart.totals.total} review${chart.totals.total === 1 ? "" : "s"} recorded, ${chart.totals.denied} denied${chart.totals.wouldDeny ? `, ${chart.totals.wouldDeny} that enforcing would have denied` : ""}.`}
      />
      <div className="grid gap-6 px-5 py-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <div>
          <ul className="mb-3 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600" aria-hidden>
            {OUTCOME_KEYS.map((k) => (
              <li key={k} className="flex items-center gap-1.5">
                <span className="size-2.5 rounded-sm" style={{ background: OUTCOME_FILL[k] }} />
                {OUTCOME_LABELS[k]}
              </li>
            ))}
          </ul>
          <OutcomesChart rows={chart.rows} />
        </div>
        <Table>
          <caption className="sr-only">Admission decisions per team and outcome</caption>
          <thead>
            <tr>
              <Th>Team</Th>
              <Th className="text-right">Allowed</Th>
              <Th className="text-right">Warned</Th>
              <Th className="text-right">Would deny</Th>
              <Th className="text-right">Denied</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {chart.rows.map((r) => (
              <tr key={r.key}>
                <Td className="font-medium text-slate-900">{r.label}</Td>
                {OUTCOME_KEYS.map((k) => (
                  <Td key={k} className={k === "denied" ? "text-right font-semibold text-red-700" : "text-right"}>
                    <Count n={r[k]} />
                  </Td>
                ))}
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
    </Card>
  );
}
