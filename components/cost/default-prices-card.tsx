import { defaultPriceRows, formatUnitPrice } from "@/lib/cost/format/price-specs";
import type { TUnitPrices } from "@/lib/cost/prices";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";

/** OpenCost's list prices, which apply where neither the org nor a cluster sets its own, and how they are used. */
export function DefaultPricesCard({ defaults, className }: { defaults: TUnitPrices; className?: string }) {
  return (
    <Card className={className}>
      <CardHeader title="Defaults" description="OpenCost's list prices (its default.json), as Fairwinds uses them." />
      <Table>
        <caption className="sr-only">Default unit prices</caption>
        <thead>
          <tr>
            <Th>Resource</Th>
            <Th className="text-right">On demand</Th>
            <Th className="text-right">Spot</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {defaultPriceRows(defaults).map((row) => (
            <tr key={row.resource}>
              <Td>{row.resource}</Td>
              <Td className="text-right tabular-nums">{formatUnitPrice(row.onDemand, "USD")}</Td>
              <Td className="text-right tabular-nums text-slate-500">
                {row.spot === null ? "—" : formatUnitPrice(row.spot, "USD")}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <CardBody className="space-y-2 text-xs text-slate-500">
        <p>
          Estimate per container and day: max(request, usage when known) × price × replicas × hours. Example: 3 replicas
          of 500m CPU / 1 GiB for a day ≈ $1.443.
        </p>
        <p>
          A price left empty takes the next level: cluster → organization → default. Spot prices are for reference and
          are not applied by themselves.
        </p>
      </CardBody>
    </Card>
  );
}
