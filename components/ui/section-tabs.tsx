"use client";

import { usePathname } from "next/navigation";
import { TabNav } from "./tab-nav";

/**
 * A section's tabs, each a path under `base`; the one the current page is in is marked. A tab
 * with the path "" is the section's root: current on any page of the section that no other tab
 * claims (a team's cost page is under "Overview"). `query` (without "?") is carried by every tab.
 */
export function SectionTabs({
  label,
  base,
  tabs,
  query = "",
  className,
}: {
  label: string;
  base: string;
  tabs: readonly { path: string; label: string }[];
  query?: string;
  className?: string;
}) {
  const pathname = usePathname();
  const within = (href: string) => pathname === href || pathname.startsWith(`${href}/`);
  const claimed = tabs.some((tab) => tab.path && within(`${base}/${tab.path}`));
  return (
    <TabNav
      label={label}
      className={className}
      tabs={tabs.map((tab) => {
        const href = tab.path ? `${base}/${tab.path}` : base;
        return {
          href: query ? `${href}?${query}` : href,
          label: tab.label,
          active: tab.path ? within(href) : within(base) && !claimed,
        };
      })}
    />
  );
}
