import { requireOrgPage } from "@/lib/auth/page-guards";
import { PageHeader } from "@/components/ui/page-header";
import { AlertingTabs } from "@/components/alerting/alerting-tabs";

export default async function AlertingLayout({ children, params }: LayoutProps<"/o/[org]/alerting">) {
  const { org: orgSlug } = await params;
  const access = await requireOrgPage(orgSlug);
  return (
    <>
      <PageHeader
        title="Alerting"
        description="PagerDuty routing: a baseline for every team, each team's rules on top, one incident per problem, resolved when it is fixed."
      />
      <AlertingTabs orgSlug={access.org.slug} />
      {children}
    </>
  );
}
