"use client";

import type { Route } from "next";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useServerTrimmed } from "./use-server-trimmed";
import { cn } from "@/components/ui/cn";
import { NavIcon, type TNavIcon } from "./nav-icons";

type TItem = { href: string; label: string; icon: TNavIcon; exact?: boolean };

export function SidebarNav({
  orgSlug,
  teams,
  canSeeSettings,
}: {
  orgSlug: string;
  teams: { slug: string; name: string }[];
  canSeeSettings: boolean;
}) {
  const pathname = usePathname();
  const base = `/o/${orgSlug}`;
  const items: TItem[] = [
    { href: base, label: "Overview", icon: "overview", exact: true },
    { href: `${base}/findings`, label: "Findings", icon: "findings" },
    { href: `${base}/cost`, label: "Cost", icon: "cost" },
    { href: `${base}/alerting`, label: "Alerting", icon: "alerting" },
    { href: `${base}/policies`, label: "Policies", icon: "policies" },
    { href: `${base}/clusters`, label: "Clusters", icon: "clusters" },
    ...(canSeeSettings ? [{ href: `${base}/settings`, label: "Settings", icon: "settings" as const }] : []),
  ];
  const isActive = (href: string, exact?: boolean) =>
    exact ? pathname === href : pathname === href || pathname.startsWith(href + "/");
  // An org admin of a large org sees hundreds of teams: the server's HTML lists the first ones and
  // the current one.
  const shownTeams = useServerTrimmed(teams, (t) => isActive(`${base}/teams/${t.slug}`));

  return (
    <>
      <ul className="space-y-0.5" data-testid="main-nav">
        {items.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href as Route}
              aria-current={isActive(item.href, item.exact) ? "page" : undefined}
              className={cn(
                "flex items-center gap-2.5 rounded-md px-2.5 py-1.5 text-sm font-medium",
                isActive(item.href, item.exact)
                  ? "bg-slate-800 text-white"
                  : "text-slate-300 hover:bg-slate-800/60 hover:text-white",
              )}
            >
              <NavIcon name={item.icon} />
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
      <div className="mt-6">
        <p className="px-2.5 text-xs font-semibold uppercase tracking-wider text-slate-500">Teams</p>
        {teams.length ? (
          <ul className="mt-2 space-y-0.5" data-testid="team-nav">
            {shownTeams.map((team) => {
              const href = `${base}/teams/${team.slug}`;
              return (
                <li key={team.slug}>
                  <Link
                    href={href as Route}
                    aria-current={isActive(href) ? "page" : undefined}
                    className={cn(
                      "flex items-center gap-2.5 rounded-md px-2.5 py-1.5 text-sm",
                      isActive(href)
                        ? "bg-slate-800 text-white"
                        : "text-slate-400 hover:bg-slate-800/60 hover:text-white",
                    )}
                  >
                    <span className="flex size-5 items-center justify-center rounded bg-slate-700 text-[10px] font-semibold uppercase text-slate-200">
                      {team.name.slice(0, 2)}
                    </span>
                    <span className="truncate">{team.name}</span>
                  </Link>
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="mt-2 px-2.5 text-xs text-slate-500">You are not on a team yet. Ask an admin to add you.</p>
        )}
      </div>
    </>
  );
}
