import { requireOrgPage } from "@/lib/auth/page-guards";
import { PageHeader } from "@/components/ui/page-header";
import { SettingsTabs } from "@/components/settings/settings-tabs";

export default async function SettingsLayout({ children, params }: LayoutProps<"/o/[org]/settings">) {
  const { org: orgSlug } = await params;
  const access = await requireOrgPage(orgSlug, "org:settings:manage");
  return (
    <>
      <PageHeader
        title="Settings"
        description={`Members, teams, clusters, tokens and the audit log of ${access.org.name}.`}
      />
      <SettingsTabs orgSlug={access.org.slug} />
      <div className="mt-6">{children}</div>
    </>
  );
}
