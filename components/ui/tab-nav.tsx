import type { Route } from "next";
import Link from "next/link";
import { cn } from "./cn";

export type TTab = { href: string; label: string; active: boolean };

const VARIANTS = {
  /** Under a page's header. */
  page: { nav: "border-slate-200", list: "gap-x-5", link: "pb-2.5" },
  /** Across the top of a card's body. */
  card: { nav: "border-slate-100 px-5", list: "gap-x-5", link: "py-2.5" },
};

/**
 * A section's sub-navigation as underlined tabs: the current one is marked with aria-current.
 * The section's own component decides which tab is active (from the path) and what the links carry.
 */
export function TabNav({
  label,
  tabs,
  variant = "page",
  className,
}: {
  label: string;
  tabs: readonly TTab[];
  variant?: keyof typeof VARIANTS;
  className?: string;
}) {
  const v = VARIANTS[variant];
  return (
    <nav className={cn("border-b", v.nav, className)} aria-label={label}>
      {/* A label never breaks inside; when the tabs outgrow the width, whole tabs go to a second row. */}
      <ul className={cn("-mb-px flex flex-wrap", v.list)}>
        {tabs.map((tab) => (
          <li key={tab.href}>
            <Link
              href={tab.href as Route}
              aria-current={tab.active ? "page" : undefined}
              className={cn(
                "inline-block whitespace-nowrap border-b-2 px-1 text-sm font-medium",
                v.link,
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
