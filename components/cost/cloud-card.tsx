import { Card, CardHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { formatMoney } from "@/lib/cost/format/numbers";
import type { TCloudComparison } from "@/lib/cost/queries/cloud";
import { ExportLink } from "./export-link";

/**
 * The cloud bill beside what the clusters report (org admins). "In cluster" is OpenCost's or our
 * estimate before reconciliation; "shown" is what the pages count, which equals the bill on
 * reconciled days.
 */
export function CloudCard({
  cloud,
  currency,
  exportHref,
}: {
  cloud: TCloudComparison;
  currency: string;
  exportHref: string;
}) {
  const services = cloud.byService.slice(0, 6);
  return (
    <Card>
      <CardHeader
        title="Cloud bill vs in-cluster"
        description="Days the bill covers completely are reconciled: their rows are scaled to add up to the bill."
        actions={<ExportLink href={exportHref} />}
      />
      <div className="grid gap-0 lg:grid-cols-3">
        <div className="lg:col-span-2 lg:border-r lg:border-slate-100">
          <Table>
            <caption className="sr-only">Cloud bill and in-cluster cost per cluster</caption>
            <thead>
              <tr>
                <Th>Cluster</Th>
                <Th className="text-right whitespace-nowrap">In cluster</Th>
                <Th className="text-right whitespace-nowrap">Shown</Th>
                <Th className="text-right whitespace-nowrap">Billed</Th>
                <Th className="text-right whitespace-nowrap">Reconciled</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {cloud.clusters.map((c) => (
                <tr key={c.slug}>
                  <Td className="whitespace-nowrap font-medium text-slate-900">{c.name}</Td>
                  <Td className="text-right tabular-nums">{formatMoney(c.inCluster, currency)}</Td>
                  <Td className="text-right tabular-nums">{formatMoney(c.allocated, currency)}</Td>
                  <Td className="text-right tabular-nums">
                    {c.billed === null ? "no bill" : formatMoney(c.billed, currency)}
                  </Td>
                  <Td className="text-right tabular-nums">
                    {c.reconciledDays} day{c.reconciledDays === 1 ? "" : "s"}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
        <div className="px-5 py-4">
          <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Billed by service</h3>
          {services.length ? (
            <ul className="mt-2 space-y-1.5 text-sm">
              {services.map((s) => (
                <li key={`${s.provider}/${s.service}`} className="flex items-center gap-2">
                  <span className="truncate text-slate-700" title={`${s.provider} · ${s.service}`}>
                    {s.service}
                  </span>
                  <span className="text-xs uppercase text-slate-400">{s.provider}</span>
                  <span className="ml-auto font-medium tabular-nums text-slate-900">
                    {formatMoney(s.cost, currency)}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-2 text-sm text-slate-500">No bill rows in this range.</p>
          )}
        </div>
      </div>
    </Card>
  );
}
