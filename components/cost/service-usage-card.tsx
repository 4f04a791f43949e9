import type { ReactNode } from "react";
import { formatMoney, formatUnitHours } from "@/lib/cost/format/numbers";
import type { prepareServiceUsage } from "@/lib/cost/format/usage";
import type { TServiceDay } from "@/lib/cost/types";
import { Card, CardHeader } from "@/components/ui/card";
import { RequestUsageChart } from "./service-charts";

/** An empty chart's frame, the chart's height, with what is missing. */
export function NoChartData({ height, children }: { height: 200 | 220; children: ReactNode }) {
  return (
    <div
      className={`flex ${height === 200 ? "h-[200px]" : "h-[220px]"} items-center justify-center rounded-md border border-dashed border-slate-200 text-sm text-slate-500`}
    >
      {children}
    </div>
  );
}

/**
 * What a service's containers request against what they use, per day, CPU beside memory; the
 * same figures with the cost as a table for screen readers.
 */
export function ServiceUsageCard({
  usage,
  days,
  currency,
}: {
  usage: ReturnType<typeof prepareServiceUsage>;
  days: readonly TServiceDay[];
  currency: string;
}) {
  return (
    <Card>
      <CardHeader
        title="Requested vs used"
        description={
          usage.hasUsage
            ? "Filled: what the containers request (and are billed for). Line: what they use. The gap is the waste."
            : "Usage is not known for this service (no OpenCost or metrics): only the requests are shown."
        }
      />
      <div className="grid gap-0 md:grid-cols-2">
        {(["cpu", "memory"] as const).map((resource) => (
          <div key={resource} className="px-5 py-4 md:first:border-r md:first:border-slate-100">
            <h3 className="mb-2 text-sm font-medium text-slate-700">
              {resource === "cpu" ? "CPU core-hours per day" : "Memory GiB-hours per day"}
            </h3>
            {usage.empty ? (
              <NoChartData height={200}>No data in this range.</NoChartData>
            ) : (
              <RequestUsageChart data={usage.data} resource={resource} />
            )}
          </div>
        ))}
      </div>
      <div className="sr-only">
        <table>
          <caption>Cost, requested and used per day</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Cost</th>
              <th scope="col">CPU requested</th>
              <th scope="col">CPU used</th>
              <th scope="col">Memory requested</th>
              <th scope="col">Memory used</th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.day}>
                <th scope="row">{d.day}</th>
                <td>{formatMoney(d.cost, currency)}</td>
                <td>{formatUnitHours(d.cpuCoreHoursRequested, "core")}</td>
                <td>{formatUnitHours(d.cpuCoreHoursUsed, "core")}</td>
                <td>{formatUnitHours(d.memoryGibHoursRequested, "GiB")}</td>
                <td>{formatUnitHours(d.memoryGibHoursUsed, "GiB")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
