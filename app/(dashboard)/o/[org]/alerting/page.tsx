import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireOrgPage } from "@/lib/auth/page-guards";
import { listAlertFeed } from "@/lib/alerting/queries";
import { RULE_KIND_LABELS, RULE_KINDS } from "@/lib/alerting/schemas";
import { filterHref, firstValues, UNASSIGNED_TEAM, ZFeedFilters } from "@/lib/alerting/ui-filters";
import { resolveTeamFilter } from "@/lib/alerting/ui-scope";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { EmptyIcon } from "@/components/ui/icons";
import { LinkButton } from "@/components/ui/button";
import { FindingsPager } from "@/components/findings/findings-pager";
import { AlertFeedTable } from "@/components/alerting/alert-feed-table";
import { FilterForm, FilterSelect } from "@/components/alerting/filter-form";

export const metadata: Metadata = { title: "Alert feed" };

export default async function AlertFeedPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { org: orgSlug } = await params;
  const access = await requireOrgPage(orgSlug);
  const filters = ZFeedFilters.parse(firstValues(await searchParams));
  const team = await resolveTeamFilter(access, filters.team);
  if (!team) notFound();
  const page = await listAlertFeed(team.scope, {
    ...(team.teamId !== undefined ? { teamId: team.teamId } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.kind ? { kind: filters.kind } : {}),
    ...(filters.paged ? { paged: filters.paged === "yes" } : {}),
    limit: 50,
    cursor: filters.cursor ?? null,
  });
  const base = `/o/${access.org.slug}/alerting`;
  const { cursor, ...view } = filters;
  const active = Object.values(view).some(Boolean);
  const teamChoices = [
    ...team.teams.map((t) => ({ value: t.slug, label: t.name })),
    ...(team.scope.unassigned ? [{ value: UNASSIGNED_TEAM, label: "Org-wide and unassigned" }] : []),
  ];

  return (
    <>
      <FilterForm label="Filter alerts" clearHref={base} active={active}>
        <FilterSelect
          id="feed-team"
          name="team"
          label="Team"
          anyLabel={team.scope.unassigned ? "All teams" : "All my teams"}
          choices={teamChoices}
          value={filters.team}
          className="w-48"
        />
        <FilterSelect
          id="feed-status"
          name="status"
          label="Status"
          anyLabel="Any status"
          choices={[
            { value: "open", label: "Open" },
            { value: "resolved", label: "Resolved" },
          ]}
          value={filters.status}
        />
        <FilterSelect
          id="feed-paged"
          name="paged"
          label="Paged"
          anyLabel="Paged or not"
          choices={[
            { value: "yes", label: "Paged" },
            { value: "no", label: "No page" },
          ]}
          value={filters.paged}
        />
        <FilterSelect
          id="feed-kind"
          name="kind"
          label="Kind"
          anyLabel="Every kind"
          choices={RULE_KINDS.map((k) => ({ value: k, label: RULE_KIND_LABELS[k] }))}
          value={filters.kind}
        />
      </FilterForm>
      {page.data.length ? (
        <Card>
          <AlertFeedTable items={page.data} now={new Date()} orgSlug={access.org.slug} />
          <FindingsPager
            firstHref={cursor ? filterHref(base, view) : null}
            prevHref={null}
            nextHref={page.nextCursor ? filterHref(base, view, { cursor: page.nextCursor }) : null}
            shown={`${page.data.length} alert${page.data.length === 1 ? "" : "s"} on this page`}
          />
        </Card>
      ) : (
        <EmptyState
          icon={<EmptyIcon name="bell" />}
          title={active || cursor ? "No alert matches these filters" : "No alerts yet"}
          action={
            active || cursor ? (
              <LinkButton href={base} variant="secondary">
                Clear the filters
              </LinkButton>
            ) : (
              <LinkButton href={`${base}/rules`}>Set up your team&apos;s rules</LinkButton>
            )
          }
        >
          {active || cursor
            ? "Alerts open when a rule matches an open finding, a silent cluster or a budget threshold."
            : "An alert opens here when a rule matches open findings, a cluster stops reporting or a budget is crossed — paged through PagerDuty, or shown here only for “no page” rules."}
        </EmptyState>
      )}
    </>
  );
}
