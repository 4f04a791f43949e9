"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

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
  return (
    <nav className="mb-6 border-b border-slate-200" aria-label="Cost">
      <ul className="-mb-px flex gap-6">
        {tabs.map((tab) => (
          <li key={tab.href}>
            <Link
              href={query ? `${tab.href}?${query}` : tab.href}
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
