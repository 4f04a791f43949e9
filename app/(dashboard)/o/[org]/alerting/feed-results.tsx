import type { Route } from "next";
import type { TFindingScope } from "@/lib/auth/visibility-scope";
import { listAlertFeed } from "@/lib/alerting/queries";
import { filterHref, type TFeedFilters } from "@/lib/alerting/ui-filters";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { EmptyIcon } from "@/components/ui/icons";
import { LinkButton } from "@/components/ui/button";
import { Pager } from "@/components/ui/pager";
import { AlertFeedTable } from "@/components/alerting/alert-feed-table";

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
  const { cursor, ...view } = filters;
  const filtered = Object.values(view).some(Boolean) || Boolean(cursor);
  if (!page.data.length) {
    return (
      <EmptyState
        icon={<EmptyIcon name="bell" />}
        title={filtered ? "No alert matches these filters" : "No alerts yet"}
        action={
          filtered ? (
            <LinkButton href={base as Route} variant="secondary">
              Clear the filters
            </LinkButton>
          ) : (
            <LinkButton href={`${base}/rules` as Route}>Set up your team&apos;s rules</LinkButton>
          )
        }
      >
        {filtered
          ? "Alerts open when a rule matches an open finding, a silent cluster or a budget threshold."
          : "An alert opens here when a rule matches open findings, a cluster stops reporting or a budget is crossed — paged through PagerDuty, or shown here only for “no page” rules."}
      </EmptyState>
    );
  }
  return (
    <Card>
      <AlertFeedTable items={page.data} now={new Date()} orgSlug={orgSlug} />
      <Pager
        firstHref={cursor ? filterHref(base, view) : null}
        prevHref={null}
        nextHref={page.nextCursor ? filterHref(base, view, { cursor: page.nextCursor }) : null}
        shown={`${page.data.length} alert${page.data.length === 1 ? "" : "s"} on this page`}
      />
    </Card>
  );
}
