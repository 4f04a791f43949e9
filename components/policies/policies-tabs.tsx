import { SectionTabs } from "@/components/ui/section-tabs";

const TABS = [
  { path: "", label: "Checks" },
  { path: "teams", label: "Team overrides" },
  { path: "exemptions", label: "Exemptions" },
  { path: "decisions", label: "Admission log" },
];

/** The Policies section's sub-navigation; a team's own page is under "Team overrides". */
export function PoliciesTabs({ orgSlug }: { orgSlug: string }) {
  return <SectionTabs label="Policies" base={`/o/${orgSlug}/policies`} tabs={TABS} className="mb-6" />;
}
