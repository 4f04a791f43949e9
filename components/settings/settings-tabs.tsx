import { canOrg, type TOrgRole } from "@/lib/auth/permissions";
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
  { path: "sso", label: "Single sign-on" },
  { path: "audit", label: "Audit log" },
];

/** Settings' tabs; a tab whose page needs more than the section's permission shows to those who have it. */
export function SettingsTabs({ orgSlug, role }: { orgSlug: string; role: TOrgRole }) {
  const tabs = TABS.filter((tab) => tab.path !== "sso" || canOrg(role, "org:sso:manage"));
  return <SectionTabs label="Settings" base={`/o/${orgSlug}/settings`} tabs={tabs} />;
}
