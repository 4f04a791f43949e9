import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { formatRatio, type TSlaMet } from "./prepare-sla-met";
import { SlaMetChart } from "./sla-met-chart";

const CHART_HEIGHT = 208;

/** "SLA met" over the last weeks: the ratio line, totals beside it, a table for screen readers. */
export function SlaMetCard({ chart }: { chart: TSlaMet }) {
  const weeks = chart.points.filter((p) => p.ratio !== null);
  return (
    <Card className="flex h-full flex-col">
      <CardHeader
        title="SLA met"
        description="Per week: of the findings fixed or due that week, the share fixed by their due date."
      />
      <CardBody className="flex-1">
        {chart.hasData ? (
          <>
            <dl className="mb-3 flex flex-wrap gap-x-6 gap-y-1 text-sm">
              <div className="flex items-center gap-2">
                <dt className="text-slate-500">Last {chart.points.length} weeks</dt>
                <dd className="font-semibold tabular-nums text-slate-900">{formatRatio(chart.ratio)}</dd>
              </div>
              <div className="flex items-center gap-2">
                <dt className="text-slate-500">Met</dt>
                <dd className="font-semibold tabular-nums text-slate-900">
                  {chart.totals.met.toLocaleString("en-US")}
                </dd>
              </div>
              <div className="flex items-center gap-2">
                <dt className="text-slate-500">Missed</dt>
                <dd className="font-semibold tabular-nums text-slate-900">
                  {chart.totals.missed.toLocaleString("en-US")}
                </dd>
              </div>
            </dl>
            <SlaMetChart chart={chart} height={CHART_HEIGHT} />
            <table className="sr-only">
              <caption>SLA met per week (weeks with no finding due or fixed left out)</caption>
              <thead>
                <tr>
                  <th scope="col">Week of</th>
                  <th scope="col">SLA met</th>
                  <th scope="col">Met</th>
                  <th scope="col">Missed</th>
                </tr>
              </thead>
              <tbody>
                {weeks.map((p) => (
                  <tr key={p.week}>
                    <th scope="row">{p.label}</th>
                    <td>{formatRatio(p.ratio)}</td>
                    <td>{p.met}</td>
                    <td>{p.missed}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : (
          <div
            className="flex items-center justify-center rounded-md border border-dashed border-slate-200 px-6 text-center text-sm text-slate-500"
            style={{ height: CHART_HEIGHT }}
          >
            No finding has reached its due date or been fixed under an SLA in the last {chart.points.length} weeks.
          </div>
        )}
      </CardBody>
    </Card>
  );
}
