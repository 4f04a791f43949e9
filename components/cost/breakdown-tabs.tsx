import { BREAKDOWN_LABELS, costHref } from "@/lib/cost/format/page-state";
import type { TCostBreakdownBy } from "@/lib/cost/types";
import { TabNav } from "@/components/ui/tab-nav";

const TABS: TCostBreakdownBy[] = ["service", "namespace", "workload", "container"];

/** What a team's breakdown table groups by, as links in the URL (services are the default). */
export function BreakdownTabs({ path, query, by }: { path: string; query: string; by: TCostBreakdownBy }) {
  return (
    <TabNav
      label="Break down by"
      variant="card"
      tabs={TABS.map((tab) => ({
        href: costHref(path, query, { by: tab === "service" ? null : tab }),
        label: BREAKDOWN_LABELS[tab],
        active: tab === by,
      }))}
    />
  );
}
