import { requireOrgPage } from "@/lib/auth/page-guards";
import { visibleTeams } from "@/lib/auth/access";
import { listUserOrganizations } from "@/lib/orgs/queries";
import { AppShell } from "@/components/shell/app-shell";
import { canOrg } from "@/lib/auth/permissions";
import { BreakGlassBanner } from "@/components/sso/break-glass-banner";

export default async function OrgLayout({ children, params }: LayoutProps<"/o/[org]">) {
  const { org: orgSlug } = await params;
  const access = await requireOrgPage(orgSlug);
  const [orgs, teams] = await Promise.all([listUserOrganizations(access.user.id), visibleTeams(access)]);
  return (
    <AppShell
      org={access.org}
      orgs={orgs}
      teams={teams}
      user={access.user}
      roleLabel={access.role}
      canSeeSettings={canOrg(access.role, "org:settings:manage")}
    >
      {access.breakGlass ? <BreakGlassBanner orgName={access.org.name} /> : null}
      {children}
    </AppShell>
  );
}
