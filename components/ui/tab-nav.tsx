import type { Route } from "next";
import Link from "next/link";
import { cn } from "./cn";

export type TTab = { href: string; label: string; active: boolean };

/**
 * A section's sub-navigation as underlined tabs: the current one is marked with aria-current.
 * The section's own component decides which tab is active (from the path) and what the links carry.
 */
export function TabNav({ label, tabs, className }: { label: string; tabs: readonly TTab[]; className?: string }) {
  return (
    <nav className={cn("border-b border-slate-200", className)} aria-label={label}>
      <ul className="-mb-px flex gap-6">
        {tabs.map((tab) => (
          <li key={tab.href}>
            <Link
              href={tab.href as Route}
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
