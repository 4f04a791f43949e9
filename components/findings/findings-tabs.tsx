"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

const AREAS = [
  { path: "vulnerabilities", label: "Vulnerabilities" },
  { path: "upgrades", label: "Upgrades" },
  { path: "compliance", label: "Compliance" },
] as const;

/**
 * The findings area's sub-navigation. `team` (a team slug) is carried from one tab to the next, so a
 * developer looking at one team stays on it.
 */
export function FindingsTabs({ orgSlug, team }: { orgSlug: string; team?: string | null }) {
  const pathname = usePathname();
  const base = `/o/${orgSlug}/findings`;
  const query = team ? `?team=${encodeURIComponent(team)}` : "";
  const inArea = (href: string) => pathname === href || pathname.startsWith(href + "/");
  const tabs = [
    // The list and a finding's own page (/findings/<id>) are "Findings"; the areas are their own tabs.
    { href: base, label: "Findings", active: inArea(base) && !AREAS.some((a) => inArea(`${base}/${a.path}`)) },
    ...AREAS.map((a) => ({ href: `${base}/${a.path}`, label: a.label, active: inArea(`${base}/${a.path}`) })),
  ];
  return (
    <nav className="mb-6 border-b border-slate-200" aria-label="Findings">
      <ul className="-mb-px flex gap-6">
        {tabs.map((tab) => (
          <li key={tab.href}>
            <Link
              href={tab.href + query}
              aria-current={tab.active ? "page" : undefined}
              className={cn(
                "inline-block border-b-2 px-1 pb-2.5 text-sm font-medium",
                tab.active
                  ? "border-brand-600 text-brand-700"
                  : "border-transparent text-slate-500 hover:border-slate-300 hover:text-slate-700",
              )}
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
