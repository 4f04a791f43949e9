import { SectionTabs } from "@/components/ui/section-tabs";

const TABS = [
  { path: "", label: "Overview" },
  { path: "rightsizing", label: "Rightsizing" },
  { path: "budgets", label: "Budgets" },
];

/**
 * The cost area's sub-navigation. The range (`query`, without "?") travels from one tab to the
 * next; team and service pages belong to "Overview".
 */
export function CostTabs({ orgSlug, query = "" }: { orgSlug: string; query?: string }) {
  return <SectionTabs label="Cost" base={`/o/${orgSlug}/cost`} tabs={TABS} query={query} className="mb-6" />;
}
