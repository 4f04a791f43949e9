import type { Route } from "next";
import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { TPreparedMover } from "@/lib/cost/format/team";
import { ExportLink } from "./export-link";

const TONE = { up: "text-amber-700", down: "text-emerald-700", flat: "text-slate-500" } as const;

/** The services whose cost moved most against the period before, each a link to its drill-down. */
export function MoversCard({
  movers,
  hrefOf,
  exportHref,
}: {
  movers: readonly TPreparedMover[];
  hrefOf: (service: string) => string;
  exportHref: string;
}) {
  return (
    <Card>
      <CardHeader
        title="Top movers"
        description="Services whose cost changed most against the period before."
        actions={<ExportLink href={exportHref} />}
      />
      {movers.length ? (
        <ul className="grid grid-cols-2 divide-slate-100 md:grid-cols-3 xl:grid-cols-5" data-testid="top-movers">
          {movers.map((m) => (
            <li
              key={m.service}
              className="min-w-0 border-b border-slate-100 px-5 py-3 xl:border-b-0 xl:border-r xl:last:border-r-0"
            >
              <Link
                href={hrefOf(m.service) as Route}
                className="block truncate text-sm font-medium text-brand-700 hover:underline"
                title={m.service}
              >
                {m.service}
              </Link>
              <p className={cn("mt-1 text-lg font-semibold tabular-nums", TONE[m.direction])}>{m.delta}</p>
              <p className="text-xs text-slate-500">
                <span className="tabular-nums">{m.change}</span> · now {m.cost}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="px-5 py-4 text-sm text-slate-500">No service has cost in this range or the one before.</p>
      )}
    </Card>
  );
}
