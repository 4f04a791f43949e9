import type { TFindingFilters } from "@/lib/domain/finding-filters";
import type { TFilterProblem } from "@/lib/findings/filters";
import {
  clearedFilters,
  filterChips,
  findingsListHref,
  findingsListPath,
  type TFilterNames,
} from "@/lib/findings/ui-list";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { FilterChips } from "./filter-chips";
import { FindingsFilterBar, type TFilterBarChoices } from "./findings-filter-bar";
import { SavedViews, type TSavedViewLink } from "./saved-views";

/** The list's header: its title, the saved views and the CSV export of the view. */
export function FindingsListHeader({
  orgSlug,
  viewQuery,
  views,
  exportHref,
}: {
  orgSlug: string;
  /** The view's query string, which "Save view" keeps. */
  viewQuery: string;
  views: TSavedViewLink[];
  exportHref: string;
}) {
  return (
    <PageHeader
      title="Findings"
      description="What is wrong in your team's workloads, where, and how to fix it."
      actions={
        <>
          <SavedViews orgSlug={orgSlug} query={viewQuery} views={views} />
          <a href={exportHref} className={buttonClass("secondary")} download>
            Export CSV
          </a>
        </>
      }
    />
  );
}

/** The filter bar, what the link asked for that was not understood, and the chips of the filters set. */
export function FindingsFilters({
  orgSlug,
  filters,
  names,
  choices,
  problems,
}: {
  orgSlug: string;
  filters: TFindingFilters;
  names: TFilterNames;
  choices: TFilterBarChoices;
  problems: TFilterProblem[];
}) {
  return (
    <>
      <FindingsFilterBar action={findingsListPath(orgSlug)} filters={filters} names={names} choices={choices} />
      {problems.length ? (
        <Alert tone="warning">
          Some of this link&apos;s filters were not understood and are ignored:{" "}
          {problems.map((p) => p.message).join(" ")}
        </Alert>
      ) : null}
      <FilterChips
        chips={filterChips(orgSlug, filters, names)}
        clearHref={findingsListHref(orgSlug, clearedFilters(filters))}
      />
    </>
  );
}
