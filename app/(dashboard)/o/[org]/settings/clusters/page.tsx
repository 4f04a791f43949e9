import type { Metadata } from "next";
import Link from "next/link";
import { requireOrgPage } from "@/lib/auth/page-guards";
import { staleClusterHours } from "@/lib/clusters/stale";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { StaleSettingForm } from "@/components/clusters/stale-setting-form";
import { StorageUsage } from "@/components/clusters/storage-usage";
import { orgQuotaOverview } from "@/lib/quotas/quotas";

export const metadata: Metadata = { title: "Cluster settings" };

export default async function ClusterSettingsPage({ params }: PageProps<"/o/[org]/settings/clusters">) {
  const { org: orgSlug } = await params;
  const access = await requireOrgPage(orgSlug, "org:settings:manage");
  const [hours, storage] = await Promise.all([staleClusterHours(access.org.id), orgQuotaOverview(access.org.id)]);
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader
          title="Cluster health"
          description={
            <>
              When the{" "}
              <Link href={`/o/${access.org.slug}/clusters`} className="font-medium text-brand-600 hover:text-brand-700">
                Clusters page
              </Link>{" "}
              flags a cluster whose agent stopped reporting.
            </>
          }
        />
        <CardBody>
          <StaleSettingForm orgSlug={access.org.slug} hours={hours} />
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Storage" description="What this organization uses of its limits." />
        <CardBody>
          <StorageUsage quotas={storage.quotas} usage={storage.usage} />
        </CardBody>
      </Card>
    </div>
  );
}
