import type { Metadata } from "next";
import { Suspense } from "react";
import { notFound } from "next/navigation";
import { requireOrgPage } from "@/lib/auth/page-guards";
import { findingScopeOf } from "@/lib/auth/visibility-scope";
import { RULE_KIND_LABELS, RULE_KINDS } from "@/lib/alerting/schemas";
import { firstValues, ZFeedFilters } from "@/lib/alerting/ui-filters";
import { resolveTeamFilter } from "@/lib/alerting/ui-scope";
import { AlertingSkeleton } from "@/components/alerting/alerting-skeleton";
import { AlertingTeamSelect, FilterForm, FilterSelect } from "@/components/alerting/filter-form";
import { capitalized, choicesOf } from "@/components/ui/filter-form";
import { FeedResults } from "./feed-results";

export const metadata: Metadata = { title: "Alert feed" };

export default async function AlertFeedPage({ params, searchParams }: PageProps<"/o/[org]/alerting">) {
  const { org: orgSlug } = await params;
  const access = await requireOrgPage(orgSlug);
  const filters = ZFeedFilters.parse(firstValues(await searchParams));
  const team = await resolveTeamFilter(access, filters.team);
  if (!team) notFound();
  const base = `/o/${access.org.slug}/alerting`;
  const { cursor: _cursor, ...view } = filters;
  const active = Object.values(view).some(Boolean);

  return (
    <>
      <FilterForm label="Filter alerts" clearHref={base} active={active}>
        <AlertingTeamSelect
          id="feed-team"
          filter={team}
          unassignedLabel="Org-wide and unassigned"
          value={filters.team}
          className="w-48"
        />
        <FilterSelect
          id="feed-status"
          name="status"
          label="Status"
          anyLabel="Any status"
          choices={choicesOf(["open", "resolved"], capitalized)}
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
      {/* Keyed by the filters, so a new view shows the skeleton instead of the previous list. */}
      <Suspense key={JSON.stringify(filters)} fallback={<AlertingSkeleton />}>
        <FeedResults
          orgSlug={access.org.slug}
          scope={team.scope}
          triageScope={findingScopeOf(access, "team:triage")}
          teams={team.teams}
          teamId={team.teamId}
          filters={filters}
        />
      </Suspense>
    </>
  );
}
