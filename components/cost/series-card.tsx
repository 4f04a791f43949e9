import type { Route } from "next";
import Link from "next/link";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { buttonClass } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { formatMoney } from "@/lib/cost/format/numbers";
import { seriesLegend, type TPreparedSeries } from "@/lib/cost/format/series";
import type { TCostSeriesGroup } from "@/lib/cost/types";
import { costHref, formatDay, GROUP_LABELS } from "@/lib/cost/format/page-state";
import { CostAreaChart } from "./cost-area-chart";
import { seriesFill } from "./palette";

const CHART_HEIGHT = 260;

/**
 * Daily cost over the range as stacked areas, grouped by team, cluster, namespace or a label key
 * (links and a GET form, so the grouping is in the URL), with a legend that gives each series'
 * total and a table for screen readers.
 */
export function SeriesCard({
  prepared,
  currency,
  path,
  rangeQueryString,
  groupBy,
  labelKey,
  labelKeys,
}: {
  prepared: TPreparedSeries;
  currency: string;
  path: string;
  rangeQueryString: string;
  groupBy: TCostSeriesGroup;
  labelKey: string | null;
  labelKeys: readonly string[];
}) {
  const legend = seriesLegend(prepared);
  const series = legend.map((s) => ({ key: s.key, label: s.label, fill: seriesFill(s.key, s.kind, s.index) }));
  const groups: TCostSeriesGroup[] = ["team", "cluster", "namespace", ...(labelKeys.length ? ["label" as const] : [])];
  return (
    <Card>
      <CardHeader
        title="Cost per day"
        description={`Stacked by ${groupBy === "label" && labelKey ? `label ${labelKey}` : GROUP_LABELS[groupBy].toLowerCase()}; unassigned, idle and unallocated keep their own colour.`}
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <nav aria-label="Group by" className="inline-flex rounded-md border border-slate-300 bg-white p-0.5">
              {groups.map((g) => (
                <Link
                  key={g}
                  href={
                    costHref(path, rangeQueryString, {
                      groupBy: g === "team" ? null : g,
                      labelKey: g === "label" ? labelKey : null,
                    }) as Route
                  }
                  aria-current={g === groupBy ? "page" : undefined}
                  className={cn(
                    "rounded px-2 py-0.5 text-xs font-medium",
                    g === groupBy ? "bg-slate-800 text-white" : "text-slate-600 hover:bg-slate-100",
                  )}
                >
                  {GROUP_LABELS[g]}
                </Link>
              ))}
            </nav>
            {groupBy === "label" ? (
              <form action={path} method="get" className="flex items-center gap-1.5">
                {[...new URLSearchParams(rangeQueryString)].map(([k, v]) => (
                  <input key={k} type="hidden" name={k} value={v} />
                ))}
                <input type="hidden" name="groupBy" value="label" />
                <label htmlFor="label-key" className="sr-only">
                  Label key
                </label>
                <Select id="label-key" name="labelKey" defaultValue={labelKey ?? ""} className="h-8 w-56 py-0 text-xs">
                  {labelKeys.map((k) => (
                    <option key={k} value={k}>
                      {k}
                    </option>
                  ))}
                </Select>
                <button type="submit" className={buttonClass("secondary", "sm")}>
                  Show
                </button>
              </form>
            ) : null}
          </div>
        }
      />
      <CardBody>
        {prepared.empty ? (
          <div
            className="flex items-center justify-center rounded-md border border-dashed border-slate-200 px-6 text-center text-sm text-slate-500"
            style={{ height: CHART_HEIGHT }}
          >
            No cost in this range.
          </div>
        ) : (
          <>
            <CostAreaChart data={prepared.data} series={series} currency={currency} height={CHART_HEIGHT} />
            <ul
              className="mt-4 grid grid-cols-2 gap-x-6 gap-y-1.5 text-sm md:grid-cols-3 xl:grid-cols-4"
              data-testid="series-legend"
            >
              {legend.map((s, i) => (
                <li key={s.key} className="flex min-w-0 items-center gap-2">
                  <span className="size-2.5 shrink-0 rounded-sm" style={{ background: series[i].fill }} aria-hidden />
                  <span
                    className={cn("truncate", s.kind === "special" ? "italic text-slate-600" : "text-slate-700")}
                    title={s.label}
                  >
                    {s.label}
                  </span>
                  <span className="ml-auto shrink-0 font-medium tabular-nums text-slate-900">
                    {formatMoney(s.total, currency)}
                  </span>
                </li>
              ))}
            </ul>
            <div className="sr-only">
              <table>
                <caption>Cost per day and group</caption>
                <thead>
                  <tr>
                    <th scope="col">Day</th>
                    {series.map((s) => (
                      <th key={s.key} scope="col">
                        {s.label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {prepared.data.map((row) => (
                    <tr key={row.day}>
                      <th scope="row">{formatDay(row.day)}</th>
                      {series.map((s) => {
                        const v = row[s.key];
                        return <td key={s.key}>{typeof v === "number" ? formatMoney(v, currency) : "no data"}</td>;
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </CardBody>
    </Card>
  );
}
