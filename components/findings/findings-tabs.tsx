"use client";

import { usePathname } from "next/navigation";
import { TabNav } from "@/components/ui/tab-nav";

const AREAS = [
  { path: "vulnerabilities", label: "Vulnerabilities" },
  { path: "upgrades", label: "Upgrades" },
  { path: "compliance", label: "Compliance" },
  { path: "ci", label: "CI" },
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
  return <TabNav label="Findings" tabs={tabs.map((tab) => ({ ...tab, href: tab.href + query }))} className="mb-6" />;
}
