import { formatUnitPrice, priceFieldSpecs, priceTexts } from "@/lib/cost/format/price-specs";
import type { TClusterPrices } from "@/lib/cost/queries/settings";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ActionsTh, Table, Td, Th } from "@/components/ui/table";
import { ClusterPricesDialog } from "./cluster-prices-dialog";

/** A price that applies to a cluster: dark when it is the cluster's own, grey when inherited. */
function AppliedPrice({ own, applied, currency }: { own: number | null; applied: number; currency: string }) {
  return (
    <Td className="text-right tabular-nums">
      <span className={own === null ? "text-slate-400" : "font-medium text-slate-900"}>
        {formatUnitPrice(applied, currency)}
      </span>
    </Td>
  );
}

/** Each cluster's prices as they apply, with a dialog to set its own. */
export function ClusterPricesCard({
  orgSlug,
  clusters,
  currency,
}: {
  orgSlug: string;
  clusters: readonly TClusterPrices[];
  currency: string;
}) {
  return (
    <Card>
      <CardHeader
        title="Per-cluster prices"
        description="A cluster can have its own prices, or a node hourly cost: half of it pays for the CPU and half for the memory of an average node."
      />
      {clusters.length ? (
        <Table>
          <caption className="sr-only">Prices per cluster</caption>
          <thead>
            <tr>
              <Th>Cluster</Th>
              <Th className="text-right">vCPU-hour</Th>
              <Th className="text-right">GiB-hour</Th>
              <Th className="text-right">GPU-hour</Th>
              <Th className="text-right">Node-hour</Th>
              <ActionsTh />
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {clusters.map(({ cluster, overrides, effective }) => (
              <tr key={cluster.id}>
                <Td className="font-medium text-slate-900">{cluster.name}</Td>
                <AppliedPrice own={overrides.cpuHourPrice} applied={effective.cpuHour} currency={currency} />
                <AppliedPrice
                  own={overrides.memoryGibHourPrice}
                  applied={effective.memoryGibHour}
                  currency={currency}
                />
                <AppliedPrice own={overrides.gpuHourPrice} applied={effective.gpuHour} currency={currency} />
                <Td className="text-right tabular-nums">
                  {overrides.nodeHourPrice === null ? (
                    <span className="text-slate-400">—</span>
                  ) : (
                    <span className="font-medium text-slate-900">
                      {formatUnitPrice(overrides.nodeHourPrice, currency)}
                    </span>
                  )}
                </Td>
                <Td className="text-right">
                  <ClusterPricesDialog
                    orgSlug={orgSlug}
                    cluster={{ id: cluster.id, name: cluster.name }}
                    prices={priceTexts(overrides)}
                    fields={priceFieldSpecs(effective, { node: true })}
                  />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : (
        <CardBody>
          <p className="text-sm text-slate-500">
            No cluster yet. Connect one under Clusters; its prices can be set here.
          </p>
        </CardBody>
      )}
      <CardBody className="border-t border-slate-100 text-xs text-slate-500">
        Grey figures are inherited from the organization or the defaults; dark ones are the cluster&apos;s own. New
        prices apply from the next inventory on; past days keep the prices they were computed with.
      </CardBody>
    </Card>
  );
}
