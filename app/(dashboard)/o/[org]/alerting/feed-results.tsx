import type { Route } from "next";
import { scopeIncludesTeam, type TFindingScope } from "@/lib/auth/visibility-scope";
import { listClusters } from "@/lib/clusters/queries";
import { ticketOfSubject } from "@/lib/tickets/queries";
import type { TTicketChip } from "@/lib/tickets/views";
import type { TAlertGroupTicket } from "@/components/tickets/alert-group-ticket";
import { alertGroupSubject } from "@/components/tickets/ticket-subjects";
import { listAlertFeed } from "@/lib/alerting/queries";
import type { TFeedFilters } from "@/lib/alerting/ui-filters";
import { LinkButton } from "@/components/ui/button";
import { AlertFeedTable } from "@/components/alerting/alert-feed-table";
import { PagedList } from "@/components/alerting/paged-list";

/** The feed's list, streamed under a skeleton once the page has checked the filters. */
export async function FeedResults({
  orgSlug,
  scope,
  triageScope,
  teams,
  teamId,
  filters,
}: {
  orgSlug: string;
  scope: TFindingScope;
  /** Where the viewer may triage: the teams whose groups offer "Open a ticket". */
  triageScope: TFindingScope;
  teams: { id: string; slug: string; name: string }[];
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
  const tickets = await groupTickets(page.data, scope.orgId, triageScope, teams);
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
      <AlertFeedTable items={page.data} now={new Date()} orgSlug={orgSlug} tickets={tickets} />
    </PagedList>
  );
}

/** Each findings group's ticket (by its check subject) and whether the viewer may open one. */
async function groupTickets(
  items: Awaited<ReturnType<typeof listAlertFeed>>["data"],
  orgId: string,
  triageScope: TFindingScope,
  teams: { id: string; slug: string; name: string }[],
): Promise<Map<string, TAlertGroupTicket>> {
  const needsClusters = items.some((i) => i.kind === "findings" && i.grouping === "check_cluster");
  const clusterIds = needsClusters
    ? new Map((await listClusters(orgId)).clusters.map((c) => [c.slug, c.id]))
    : new Map<string, string>();
  const entries = await Promise.all(
    items.map(async (item): Promise<[string, TAlertGroupTicket] | null> => {
      const subject = alertGroupSubject(item, clusterIds);
      if (!subject || !item.teamId) return null;
      const chip: TTicketChip | null = await ticketOfSubject(orgId, item.teamId, subject);
      const team = teams.find((t) => t.id === item.teamId);
      const open =
        team && scopeIncludesTeam(triageScope, team.id) ? { teamSlug: team.slug, teamName: team.name, subject } : null;
      return [item.id, { chip, open }];
    }),
  );
  return new Map(entries.filter((e): e is [string, TAlertGroupTicket] => e !== null));
}
