import type { Route } from "next";
import Link from "next/link";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { SEVERITY_NAMES, type TSeverityLevel } from "@/lib/domain/severity";
import type { TFindingsLinker } from "./links";
import { SEVERITY_BG, SEVERITY_FILL } from "./palette";
import { prepareSeverities } from "./prepare-breakdown";
import { SeverityDonut } from "./severity-donut";

export function SeverityCard({
  bySeverity,
  link,
}: {
  bySeverity: Record<TSeverityLevel, number>;
  link: TFindingsLinker;
}) {
  const { total, rows } = prepareSeverities(bySeverity);
  return (
    <Card className="flex h-full flex-col">
      <CardHeader title="Open by severity" />
      <CardBody className="flex flex-1 items-center">
        {total === 0 ? (
          <p className="w-full py-6 text-center text-sm text-slate-500">No open findings. Nicely done.</p>
        ) : (
          <div className="flex w-full items-center gap-5">
            <SeverityDonut
              total={total}
              slices={rows.map((r) => ({
                key: r.key,
                label: SEVERITY_NAMES[r.key],
                count: r.count,
                fill: SEVERITY_FILL[r.key],
                href: link({ severity: [r.key] }),
              }))}
            />
            <ul className="min-w-0 flex-1 space-y-1" aria-label="Open findings by severity">
              {rows.map((r) => (
                <li key={r.key}>
                  <Link
                    href={link({ severity: [r.key] }) as Route}
                    aria-label={`${SEVERITY_NAMES[r.key]}: ${r.count.toLocaleString("en-US")} open (${r.percent})`}
                    className="-mx-2 flex items-center gap-2 rounded px-2 py-1 text-sm hover:bg-slate-50"
                  >
                    <span className={cn("size-2.5 shrink-0 rounded-full", SEVERITY_BG[r.key])} aria-hidden />
                    <span className="text-slate-700">{SEVERITY_NAMES[r.key]}</span>
                    <span className="ml-auto font-medium tabular-nums text-slate-900">
                      {r.count.toLocaleString("en-US")}
                    </span>
                    <span className="w-9 text-right text-xs tabular-nums text-slate-400">{r.percent}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        )}
      </CardBody>
    </Card>
  );
}
