"use client";

import { usePathname } from "next/navigation";
import { TabNav } from "@/components/ui/tab-nav";

const TABS = [
  { path: "", label: "Checks" },
  { path: "/teams", label: "Team overrides" },
  { path: "/exemptions", label: "Exemptions" },
  { path: "/decisions", label: "Admission log" },
] as const;

/** The Policies section's sub-navigation; a team's own page is under "Team overrides". */
export function PoliciesTabs({ orgSlug }: { orgSlug: string }) {
  const pathname = usePathname();
  const base = `/o/${orgSlug}/policies`;
  const isActive = (path: string) =>
    path === "" ? pathname === base : pathname === base + path || pathname.startsWith(`${base}${path}/`);
  const tabs = TABS.map((tab) => ({ href: base + tab.path, label: tab.label, active: isActive(tab.path) }));
  return <TabNav label="Policies" tabs={tabs} className="mb-6" />;
}
