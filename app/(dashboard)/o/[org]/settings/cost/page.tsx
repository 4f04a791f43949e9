import type { Metadata } from "next";
import { requireOrgPage } from "@/lib/auth/page-guards";
import { DEFAULT_SPOT_PRICES } from "@/lib/cost/prices";
import { getCostSettings } from "@/lib/cost/queries/settings";
import { priceText } from "@/lib/cost/forms/price-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { ClusterPricesDialog } from "@/components/cost/cluster-prices-dialog";
import { CostSettingsForm } from "@/components/cost/cost-settings-form";
import type { TPriceFieldSpec } from "@/components/cost/price-fields";

export const metadata: Metadata = { title: "Cost settings" };

const price = (v: number, currency: string) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency, maximumSignificantDigits: 6 }).format(v);

export default async function CostSettingsPage({ params }: PageProps<"/o/[org]/settings/cost">) {
  const { org } = await params;
  const access = await requireOrgPage(org, "org:settings:manage");
  const settings = await getCostSettings(access.org.id);
  const { currency, defaults, overrides } = settings;
  const orgFields: TPriceFieldSpec[] = [
    { name: "cpuHourPrice", label: "CPU", unit: "per vCPU-hour", placeholder: String(defaults.cpuHour) },
    { name: "memoryGibHourPrice", label: "Memory", unit: "per GiB-hour", placeholder: String(defaults.memoryGibHour) },
    { name: "gpuHourPrice", label: "GPU", unit: "per GPU-hour", placeholder: String(defaults.gpuHour) },
    {
      name: "storageGibHourPrice",
      label: "Storage",
      unit: "per GiB-hour",
      placeholder: String(defaults.storageGibHour),
    },
  ];
  const clusterFields = (e: typeof settings.effective): TPriceFieldSpec[] => [
    { name: "cpuHourPrice", label: "CPU", unit: "per vCPU-hour", placeholder: String(e.cpuHour) },
    { name: "memoryGibHourPrice", label: "Memory", unit: "per GiB-hour", placeholder: String(e.memoryGibHour) },
    { name: "gpuHourPrice", label: "GPU", unit: "per GPU-hour", placeholder: String(e.gpuHour) },
    { name: "storageGibHourPrice", label: "Storage", unit: "per GiB-hour", placeholder: String(e.storageGibHour) },
    { name: "nodeHourPrice", label: "Node", unit: "per node-hour", placeholder: "e.g. 0.192" },
  ];
  const defaultsRows = [
    ["vCPU-hour", defaults.cpuHour, DEFAULT_SPOT_PRICES.cpuHour],
    ["GiB-hour of memory", defaults.memoryGibHour, DEFAULT_SPOT_PRICES.memoryGibHour],
    ["GPU-hour", defaults.gpuHour, null],
    ["GiB-hour of storage", defaults.storageGibHour, null],
  ] as const;

  return (
    <div className="space-y-6">
      <div className="grid gap-6 lg:grid-cols-5">
        <Card className="lg:col-span-3">
          <CardHeader
            title="Currency and unit prices"
            description="Used to estimate cost from the workloads inventory when a cluster sends no OpenCost report, and to price rightsizing."
          />
          <CardBody>
            <CostSettingsForm
              orgSlug={access.org.slug}
              currency={currency}
              prices={{
                cpuHourPrice: priceText(overrides.cpuHourPrice),
                memoryGibHourPrice: priceText(overrides.memoryGibHourPrice),
                gpuHourPrice: priceText(overrides.gpuHourPrice),
                storageGibHourPrice: priceText(overrides.storageGibHourPrice),
              }}
              fields={orgFields}
            />
          </CardBody>
        </Card>
        <Card className="lg:col-span-2">
          <CardHeader
            title="Defaults"
            description="OpenCost's list prices (its default.json), as Fairwinds uses them."
          />
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
              {defaultsRows.map(([label, onDemand, spot]) => (
                <tr key={label}>
                  <Td>{label}</Td>
                  <Td className="text-right tabular-nums">{price(onDemand, "USD")}</Td>
                  <Td className="text-right tabular-nums text-slate-500">{spot === null ? "—" : price(spot, "USD")}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <CardBody className="space-y-2 text-xs text-slate-500">
            <p>
              Estimate per container and day: max(request, usage when known) × price × replicas × hours. Example: 3
              replicas of 500m CPU / 1 GiB for a day ≈ $1.443.
            </p>
            <p>
              A price left empty takes the next level: cluster → organization → default. Spot prices are for reference
              and are not applied by themselves.
            </p>
          </CardBody>
        </Card>
      </div>
      <Card>
        <CardHeader
          title="Per-cluster prices"
          description="A cluster can have its own prices, or a node hourly cost: half of it pays for the CPU and half for the memory of an average node."
        />
        {settings.clusters.length ? (
          <Table>
            <caption className="sr-only">Prices per cluster</caption>
            <thead>
              <tr>
                <Th>Cluster</Th>
                <Th className="text-right">vCPU-hour</Th>
                <Th className="text-right">GiB-hour</Th>
                <Th className="text-right">GPU-hour</Th>
                <Th className="text-right">Node-hour</Th>
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {settings.clusters.map((c) => {
                const own = (v: number | null, applied: number) => (
                  <span className={v === null ? "text-slate-400" : "font-medium text-slate-900"}>
                    {price(applied, currency)}
                  </span>
                );
                return (
                  <tr key={c.cluster.id}>
                    <Td className="font-medium text-slate-900">{c.cluster.name}</Td>
                    <Td className="text-right tabular-nums">{own(c.overrides.cpuHourPrice, c.effective.cpuHour)}</Td>
                    <Td className="text-right tabular-nums">
                      {own(c.overrides.memoryGibHourPrice, c.effective.memoryGibHour)}
                    </Td>
                    <Td className="text-right tabular-nums">{own(c.overrides.gpuHourPrice, c.effective.gpuHour)}</Td>
                    <Td className="text-right tabular-nums">
                      {c.overrides.nodeHourPrice === null ? (
                        <span className="text-slate-400">—</span>
                      ) : (
                        <span className="font-medium text-slate-900">{price(c.overrides.nodeHourPrice, currency)}</span>
                      )}
                    </Td>
                    <Td className="text-right">
                      <ClusterPricesDialog
                        orgSlug={access.org.slug}
                        cluster={{ id: c.cluster.id, name: c.cluster.name }}
                        prices={{
                          cpuHourPrice: priceText(c.overrides.cpuHourPrice),
                          memoryGibHourPrice: priceText(c.overrides.memoryGibHourPrice),
                          gpuHourPrice: priceText(c.overrides.gpuHourPrice),
                          storageGibHourPrice: priceText(c.overrides.storageGibHourPrice),
                          nodeHourPrice: priceText(c.overrides.nodeHourPrice),
                        }}
                        fields={clusterFields(c.effective)}
                      />
                    </Td>
                  </tr>
                );
              })}
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
    </div>
  );
}
