import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { TREND_BG } from "./palette";
import { formatTrendDay, prepareTrend, type TTrendDay } from "./prepare-trend";
import { TrendChart } from "./trend-chart";

const CHART_HEIGHT = 208;

/** The 30-day trend: totals as text beside the chart, and a table of active days for screen readers. */
export function TrendCard({ days }: { days: readonly TTrendDay[] }) {
  const trend = prepareTrend(days);
  const { totals } = trend;
  const legend = [
    { key: "introduced", label: "New", value: totals.introduced },
    { key: "fixed", label: "Fixed", value: totals.fixed },
    { key: "resolved", label: "Resolved", value: totals.resolved },
  ] as const;
  const quiet = trend.activeDays.length === 0;
  return (
    <Card className="flex h-full flex-col">
      <CardHeader
        title="Last 30 days"
        description="New findings per day above the line; fixed and resolved below it."
      />
      <CardBody className="flex-1">
        <dl className="mb-3 flex flex-wrap gap-x-6 gap-y-1 text-sm">
          {legend.map((item) => (
            <div key={item.key} className="flex items-center gap-2">
              <span className={cn("size-2.5 rounded-sm", TREND_BG[item.key])} aria-hidden />
              <dt className="text-slate-500">{item.label}</dt>
              <dd className="font-semibold tabular-nums text-slate-900">{item.value.toLocaleString("en-US")}</dd>
            </div>
          ))}
        </dl>
        {quiet ? (
          <div
            className="flex items-center justify-center rounded-md border border-dashed border-slate-200 text-sm text-slate-500"
            style={{ height: CHART_HEIGHT }}
          >
            No finding was opened, fixed or resolved in the last 30 days.
          </div>
        ) : (
          <>
            <TrendChart trend={trend} height={CHART_HEIGHT} />
            <table className="sr-only">
              <caption>Findings per day, last 30 days (days with no change left out)</caption>
              <thead>
                <tr>
                  <th scope="col">Day</th>
                  <th scope="col">New</th>
                  <th scope="col">Fixed</th>
                  <th scope="col">Resolved</th>
                </tr>
              </thead>
              <tbody>
                {trend.activeDays.map((d) => (
                  <tr key={d.day}>
                    <th scope="row">{formatTrendDay(d.day)}</th>
                    <td>{d.introduced}</td>
                    <td>{d.fixed}</td>
                    <td>{d.resolved}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </CardBody>
    </Card>
  );
}
