import type { Metadata } from "next";
import Link from "next/link";
import { requireOrgPage } from "@/lib/auth/page-guards";
import { appBaseUrl } from "@/lib/server/app-url";
import { listClusterTokens, listOrgTokens } from "@/lib/tokens/queries";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CreateTokenForm } from "@/components/tokens/create-token-form";
import { OrgTokenTable } from "@/components/tokens/org-token-table";
import { ClusterTokenTable } from "@/components/tokens/cluster-token-table";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage({ params }: PageProps<"/o/[org]/settings/tokens">) {
  const { org: orgSlug } = await params;
  const access = await requireOrgPage(orgSlug, "org:tokens:manage");
  const [orgTokens, clusterTokens, host] = await Promise.all([
    listOrgTokens(access.org.id),
    listClusterTokens(access.org.id),
    appBaseUrl(),
  ]);
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader
          title="API tokens"
          description={
            <>
              For scripts, CI and fleet installs: send{" "}
              <code className="font-mono text-xs">Authorization: Bearer …</code> to{" "}
              <code className="font-mono text-xs">/api/v1</code>. Read tokens can only read.
            </>
          }
        />
        <CardBody className="border-b border-slate-100">
          <CreateTokenForm orgSlug={access.org.slug} host={host} />
        </CardBody>
        <div className={orgTokens.length ? undefined : "pt-5"}>
          <OrgTokenTable tokens={orgTokens} orgSlug={access.org.slug} />
        </div>
      </Card>
      <Card>
        <CardHeader
          title="Cluster agent tokens"
          description={
            <>
              Each cluster&apos;s agent uploads with its own token. Rotate or delete them on the{" "}
              <Link href={`/o/${access.org.slug}/clusters`} className="font-medium text-brand-600 hover:text-brand-700">
                Clusters page
              </Link>
              .
            </>
          }
        />
        <div className={clusterTokens.length ? undefined : "pt-5"}>
          <ClusterTokenTable tokens={clusterTokens} orgSlug={access.org.slug} />
        </div>
      </Card>
    </div>
  );
}
