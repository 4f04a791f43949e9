import { SectionTabs } from "@/components/ui/section-tabs";

const TABS = [
  { path: "", label: "Overview" },
  { path: "notifications", label: "Notifications" },
  { path: "tickets", label: "Tickets" },
  { path: "automation", label: "Automation" },
  { path: "sla", label: "SLA" },
];

/** A team's pages: what it owns and fixes, where its news goes, and its Jira or GitHub tickets. */
export function TeamTabs({ orgSlug, teamSlug }: { orgSlug: string; teamSlug: string }) {
  return <SectionTabs label="Team" base={`/o/${orgSlug}/teams/${teamSlug}`} tabs={TABS} className="mb-6" />;
}
