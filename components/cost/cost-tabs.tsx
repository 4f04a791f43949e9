"use client";

import { usePathname } from "next/navigation";
import { TabNav } from "@/components/ui/tab-nav";

const AREAS = [
  { path: "rightsizing", label: "Rightsizing" },
  { path: "budgets", label: "Budgets" },
] as const;

/**
 * The cost area's sub-navigation. The range (`query`, without "?") travels from one tab to the
 * next; team and service pages belong to "Overview".
 */
export function CostTabs({ orgSlug, query = "" }: { orgSlug: string; query?: string }) {
  const pathname = usePathname();
  const base = `/o/${orgSlug}/cost`;
  const inArea = (href: string) => pathname === href || pathname.startsWith(href + "/");
  const tabs = [
    { href: base, label: "Overview", active: inArea(base) && !AREAS.some((a) => inArea(`${base}/${a.path}`)) },
    ...AREAS.map((a) => ({ href: `${base}/${a.path}`, label: a.label, active: inArea(`${base}/${a.path}`) })),
  ];
  const withRange = tabs.map((tab) => ({ ...tab, href: query ? `${tab.href}?${query}` : tab.href }));
  return <TabNav label="Cost" tabs={withRange} className="mb-6" />;
}
