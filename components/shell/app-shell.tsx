import type { ReactNode } from "react";
import Link from "next/link";
import { Logo } from "./logo";
import { SidebarNav } from "./sidebar-nav";
import { OrgSwitcher } from "./org-switcher";
import { UserMenu } from "./user-menu";
import { ORG_ROLE_LABELS, type TOrgRole } from "@/lib/auth/permissions";

type TOrgRef = { slug: string; name: string };

export function AppShell({
  org,
  orgs,
  teams,
  user,
  roleLabel,
  canSeeSettings,
  children,
}: {
  org: TOrgRef;
  orgs: TOrgRef[];
  teams: { slug: string; name: string }[];
  user: { name: string; email: string };
  roleLabel: TOrgRole;
  canSeeSettings: boolean;
  children: ReactNode;
}) {
  return (
    <div className="flex min-h-screen">
      {/* The dark column spans the whole page height; the sidebar inside it stays in view on scroll. */}
      <div className="w-60 shrink-0 bg-slate-900">
        <aside className="sticky top-0 flex h-screen flex-col text-slate-300" aria-label="Main">
          <div className="px-4 pt-4 pb-3">
            <Link href={`/o/${org.slug}`} aria-label="Bumpers home">
              <Logo inverted />
            </Link>
          </div>
          <div className="px-3 pb-3">
            <OrgSwitcher current={org.slug} orgs={orgs} />
          </div>
          <nav className="flex-1 overflow-y-auto px-3 pb-4">
            <SidebarNav orgSlug={org.slug} teams={teams} canSeeSettings={canSeeSettings} />
          </nav>
          <div className="border-t border-slate-800 px-3 py-3">
            <UserMenu
              name={user.name}
              email={user.email}
              role={ORG_ROLE_LABELS[roleLabel]}
              notificationsHref={`/o/${org.slug}/notifications`}
            />
          </div>
        </aside>
      </div>
      <main className="min-w-0 flex-1">
        <div className="mx-auto max-w-7xl px-6 py-8 lg:px-8">{children}</div>
      </main>
    </div>
  );
}
