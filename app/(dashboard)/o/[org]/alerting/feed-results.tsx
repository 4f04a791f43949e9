import type { Route } from "next";
import type { TFindingScope } from "@/lib/auth/visibility-scope";
import { listAlertFeed } from "@/lib/alerting/queries";
import type { TFeedFilters } from "@/lib/alerting/ui-filters";
import { LinkButton } from "@/components/ui/button";
import { AlertFeedTable } from "@/components/alerting/alert-feed-table";
import { PagedList } from "@/components/alerting/paged-list";

/** The feed's list, streamed under a skeleton once the page has checked the filters. */
export async function FeedResults({
  orgSlug,
  scope,
  teamId,
  filters,
}: {
  orgSlug: string;
  scope: TFindingScope;
  teamId: string | null | undefined;
  filters: TFeedFilters;
}) {
  const page = await listAlertFeed(scope, {
    ...(teamId !== undefined ? { teamId } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.kind ? { kind: filters.kind } : {}),
    ...(filters.paged ? { paged: filters.paged === "yes" } : {}),
    limit: 50,
    cursor: filters.cursor ?? null,
  });
  const base = `/o/${orgSlug}/alerting`;
  return (
    <PagedList
      base={base}
      filters={filters}
      count={page.data.length}
      noun="alert"
      nextCursor={page.nextCursor}
      empty={{
        filteredTitle: "No alert matches these filters",
        filteredText: "Alerts open when a rule matches an open finding, a silent cluster or a budget threshold.",
        title: "No alerts yet",
        text: "An alert opens here when a rule matches open findings, a cluster stops reporting or a budget is crossed — paged through PagerDuty, or shown here only for “no page” rules.",
        next: <LinkButton href={`${base}/rules` as Route}>Set up your team&apos;s rules</LinkButton>,
      }}
    >
      <AlertFeedTable items={page.data} now={new Date()} orgSlug={orgSlug} />
    </PagedList>
  );
}
