import type { Metadata } from "next";
import { requireOrgPage } from "@/lib/auth/page-guards";
import { priceFieldSpecs, priceTexts } from "@/lib/cost/format/price-specs";
import { getCostSettings } from "@/lib/cost/queries/settings";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ClusterPricesCard } from "@/components/cost/cluster-prices-card";
import { CostSettingsForm } from "@/components/cost/cost-settings-form";
import { DefaultPricesCard } from "@/components/cost/default-prices-card";

export const metadata: Metadata = { title: "Cost settings" };

export default async function CostSettingsPage({ params }: PageProps<"/o/[org]/settings/cost">) {
  const { org } = await params;
  const access = await requireOrgPage(org, "org:settings:manage");
  const settings = await getCostSettings(access.org.id);

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
              currency={settings.currency}
              prices={priceTexts(settings.overrides)}
              fields={priceFieldSpecs(settings.defaults)}
            />
          </CardBody>
        </Card>
        <DefaultPricesCard defaults={settings.defaults} className="lg:col-span-2" />
      </div>
      <ClusterPricesCard orgSlug={access.org.slug} clusters={settings.clusters} currency={settings.currency} />
    </div>
  );
}
