import { SectionTabs } from "@/components/ui/section-tabs";

const TABS = [
  { path: "", label: "Overview" },
  { path: "notifications", label: "Notifications" },
];

/** A team's pages: what it owns and fixes, and where its news goes. */
export function TeamTabs({ orgSlug, teamSlug }: { orgSlug: string; teamSlug: string }) {
  return <SectionTabs label="Team" base={`/o/${orgSlug}/teams/${teamSlug}`} tabs={TABS} className="mb-6" />;
}
