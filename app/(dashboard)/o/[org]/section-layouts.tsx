import type { ComponentType, ReactNode } from "react";
import { requireOrgPage, requireTeamPage } from "@/lib/auth/page-guards";
import type { TOrgRole, TPermission } from "@/lib/auth/permissions";
import { PageHeader } from "@/components/ui/page-header";

// Layouts that several sections of the org share: written once, each section's layout.tsx says
// only what differs.

/**
 * A section with tabs (Alerting, Policies, Settings): the org guard (with the section's
 * permission), the heading, the tabs, then the page.
 */
export function sectionLayout({
  title,
  description,
  Tabs,
  permission,
  bodyClassName,
}: {
  title: string;
  /** A sentence, or one that names the org. */
  description: string | ((orgName: string) => string);
  /** Gets the caller's org role, for tabs only some roles see. */
  Tabs: ComponentType<{ orgSlug: string; role: TOrgRole }>;
  permission?: TPermission;
  /** Wraps the page in a div of this class. */
  bodyClassName?: string;
}) {
  return async function SectionLayout({ children, params }: { children: ReactNode; params: Promise<{ org: string }> }) {
    const { org: orgSlug } = await params;
    const access = await requireOrgPage(orgSlug, permission);
    return (
      <>
        <PageHeader
          title={title}
          description={typeof description === "function" ? description(access.org.name) : description}
        />
        <Tabs orgSlug={access.org.slug} role={access.role} />
        {bodyClassName ? <div className={bodyClassName}>{children}</div> : children}
      </>
    );
  };
}

/**
 * A team's pages (team home, team rules, team policy): the guard runs in the layout, outside the
 * page's loading boundary. Once the skeleton has streamed the status is already 200, so a team
 * the caller is not on (or another org's) must fail here to be a real 404.
 */
export async function TeamGuardLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ org: string; team: string }>;
}) {
  const { org, team } = await params;
  await requireTeamPage(org, team);
  return children;
}
