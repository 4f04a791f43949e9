import type { Route } from "next";
import Link from "next/link";
import { StatTile } from "@/components/overview/stat-tile";
import type { TSlaMet } from "./prepare-sla-met";
import { SlaMetCard } from "./sla-met-card";

/**
 * The overviews' SLA row: the overdue count (linking to the overdue findings) and the "SLA met"
 * chart. `overdueHref` is the findings list of the same scope with ?overdue=true.
 */
export function SlaOverview({
  overdue,
  overdueHref,
  chart,
  policyHref,
}: {
  overdue: number;
  overdueHref: string;
  chart: TSlaMet;
  /** Where the due days are set (or read); null: nowhere the caller can open. */
  policyHref: string | null;
}) {
  return (
    <div className="mt-6 grid gap-6 lg:grid-cols-5">
      <div className="space-y-3 lg:col-span-1">
        <StatTile label="Overdue" value={overdue} href={overdueHref} hint="past their due date" tone="critical" />
        {policyHref ? (
          <Link href={policyHref as Route} className="block text-xs text-slate-500 hover:text-brand-700">
            Due days per severity →
          </Link>
        ) : null}
      </div>
      <div className="lg:col-span-4">
        <SlaMetCard chart={chart} />
      </div>
    </div>
  );
}
