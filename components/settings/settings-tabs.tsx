"use client";

import { usePathname } from "next/navigation";
import { TabNav } from "@/components/ui/tab-nav";

const TABS = [
  { path: "members", label: "Members" },
  { path: "teams", label: "Teams" },
  { path: "clusters", label: "Clusters" },
  { path: "tokens", label: "API tokens" },
  { path: "cost", label: "Cost" },
  { path: "audit", label: "Audit log" },
] as const;

export function SettingsTabs({ orgSlug }: { orgSlug: string }) {
  const pathname = usePathname();
  const tabs = TABS.map((tab) => {
    const href = `/o/${orgSlug}/settings/${tab.path}`;
    return { href, label: tab.label, active: pathname === href || pathname.startsWith(href + "/") };
  });
  return <TabNav label="Settings" tabs={tabs} />;
}
