"use client";

import { usePathname } from "next/navigation";
import { TabNav } from "@/components/ui/tab-nav";

const TABS = [
  { path: "", label: "Alert feed" },
  { path: "/rules", label: "Team rules" },
  { path: "/baseline", label: "Baseline policy" },
  { path: "/destinations", label: "Destinations" },
  { path: "/log", label: "Delivery log" },
] as const;

/** The Alerting section's sub-navigation; a destination's own page is under "Destinations". */
export function AlertingTabs({ orgSlug }: { orgSlug: string }) {
  const pathname = usePathname();
  const base = `/o/${orgSlug}/alerting`;
  const isActive = (path: string) =>
    path === "" ? pathname === base : pathname === base + path || pathname.startsWith(`${base}${path}/`);
  const tabs = TABS.map((tab) => ({ href: base + tab.path, label: tab.label, active: isActive(tab.path) }));
  return <TabNav label="Alerting" tabs={tabs} className="mb-6" />;
}
