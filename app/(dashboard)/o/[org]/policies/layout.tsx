import { requireOrgPage } from "@/lib/auth/page-guards";
import { PageHeader } from "@/components/ui/page-header";
import { PoliciesTabs } from "@/components/policies/policies-tabs";

export default async function PoliciesLayout({ children, params }: LayoutProps<"/o/[org]/policies">) {
  const { org: orgSlug } = await params;
  const access = await requireOrgPage(orgSlug);
  return (
    <>
      <PageHeader
        title="Policies"
        description="Which checks run on your workloads, which of them block at admission and in CI, the exceptions, and what the admission webhook decided."
      />
      <PoliciesTabs orgSlug={access.org.slug} />
      {children}
    </>
  );
}
