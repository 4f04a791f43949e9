import { SectionTabs } from "@/components/ui/section-tabs";

const TABS = [
  { path: "members", label: "Members" },
  { path: "teams", label: "Teams" },
  { path: "clusters", label: "Clusters" },
  { path: "tokens", label: "API tokens" },
  { path: "integrations", label: "Integrations" },
  { path: "tickets", label: "Tickets" },
  { path: "automation", label: "Automation" },
  { path: "cost", label: "Cost" },
  { path: "sla", label: "SLAs" },
  { path: "audit", label: "Audit log" },
];

export function SettingsTabs({ orgSlug }: { orgSlug: string }) {
  return <SectionTabs label="Settings" base={`/o/${orgSlug}/settings`} tabs={TABS} />;
}
