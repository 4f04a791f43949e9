import type { Metadata, Route } from "next";
import { redirect } from "next/navigation";
import { visibleTeams } from "@/lib/auth/access";
import { canOrg } from "@/lib/auth/permissions";
import { requireOrgPage } from "@/lib/auth/page-guards";
import {
  hasActiveFilters,
  parseFindingFilters,
  toFindingSearchParams,
  UNASSIGNED_TEAM,
  type TFindingFilters,
} from "@/lib/findings/filters";
import { listCheckGroups, listFindings, listResourceGroups, type TPage } from "@/lib/findings/queries";
import { listSavedViews } from "@/lib/findings/saved-views";
import { findingScopeOf, scopeIncludesTeam } from "@/lib/auth/visibility-scope";
import { findingFilterOptions } from "@/lib/findings/ui-filter-options";
import {
  canonicalRedirectQuery,
  clearedFilters,
  filterChips,
  findingDetailHref,
  findingsListHref,
  findingsListPath,
  findingsQuery,
  FIRST_PAGE,
  nextPage,
  normalizeFilters,
  parsePageState,
  previousPage,
  type TFilterNames,
} from "@/lib/findings/ui-list";
import { AppError } from "@/lib/server/errors";
import { CheckGroupsTable } from "@/components/findings/check-groups-table";
import { FilterChips } from "@/components/findings/filter-chips";
import { FindingsEmpty, type TEmptyReason } from "@/components/findings/findings-empty";
import { FindingsFilterBar } from "@/components/findings/findings-filter-bar";
import { FindingsPager } from "@/components/findings/findings-pager";
import { FindingsTable } from "@/components/findings/findings-table";
import { toCheckRows, toListRows, toResourceRows } from "@/components/findings/list-rows";
import { FindingsTabs } from "@/components/findings/findings-tabs";
import { MenuCloser } from "@/components/findings/menu-closer";
import { ResourceGroupsTable } from "@/components/findings/resource-groups-table";
import { SavedViews } from "@/components/findings/saved-views";
import { ViewToolbar } from "@/components/findings/view-toolbar";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Findings" };

const PAGE_SIZE = 50;

function toSearchParams(record: Record<string, string | string[] | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(record)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(key, v);
  }
  return params;
}

/** Runs a page query; a cursor the query refuses (tampered, or from another sort) is an empty page. */
async function loadPage<T>(load: () => Promise<TPage<T>>): Promise<TPage<T> | null> {
  try {
    return await load();
  } catch (err) {
    if (err instanceof AppError && err.code === "bad_request") return null;
    throw err;
  }
}

export default async function FindingsPage({ params, searchParams }: PageProps<"/o/[org]/findings">) {
  const { org: orgSlug } = await params;
  const access = await requireOrgPage(orgSlug);
  const org = access.org.slug;
  const search = toSearchParams(await searchParams);
  const canonical = canonicalRedirectQuery(search);
  if (canonical !== null)
    redirect((canonical ? `${findingsListPath(org)}?${canonical}` : findingsListPath(org)) as Route);

  const parsed = parseFindingFilters(search);
  const filters = normalizeFilters(parsed.filters);
  const pageState = parsePageState(search);
  const scope = findingScopeOf(access, "team:read");
  const triageScope = findingScopeOf(access, "team:triage");
  const viewer = { userId: access.user.id };
  const listOptions = { limit: PAGE_SIZE, cursor: pageState.cursor };
  const now = new Date();

  const [teams, options, savedViews, findings, checks, resources] = await Promise.all([
    visibleTeams(access),
    findingFilterOptions(access, scope, filters),
    listSavedViews(access.org.id, access.user.id),
    filters.group === "none" ? loadPage(() => listFindings(scope, filters, viewer, listOptions)) : null,
    filters.group === "check" ? loadPage(() => listCheckGroups(scope, filters, viewer, listOptions)) : null,
    filters.group === "resource" ? loadPage(() => listResourceGroups(scope, filters, viewer, listOptions)) : null,
  ]);

  const teamIdBySlug = new Map(teams.map((t) => [t.slug, t.id]));
  const names: TFilterNames = {
    teams: Object.fromEntries(teams.map((t) => [t.slug, t.name])),
    clusters: Object.fromEntries(options.clusters.map((c) => [c.slug, c.name])),
    people: Object.fromEntries(options.people.map((p) => [p.id, p.name])),
  };
  const hrefOf = (change: Partial<TFindingFilters>) => findingsListHref(org, { ...filters, ...change });
  const currentQuery = findingsQuery(filters, pageState);
  const viewQuery = findingsQuery(filters);
  const page = findings ?? checks ?? resources;

  const rows = toListRows(findings?.data ?? [], {
    now,
    hrefOf: (id) => findingDetailHref(org, id, currentQuery),
    canTriage: (team) => scopeIncludesTeam(triageScope, team === null ? null : (teamIdBySlug.get(team) ?? "?")),
  });
  const checkRows = toCheckRows(checks?.data ?? [], now, (c) => hrefOf({ check: [c.checkId], group: "none" }));
  // No filter names one object; its cluster, namespace and name narrow the list down to it.
  const resourceRows = toResourceRows(resources?.data ?? [], (r) =>
    hrefOf({
      cluster: [r.cluster.slug],
      namespace: r.namespace ? [r.namespace] : filters.namespace,
      q: r.name,
      group: "none",
    }),
  );

  const previous = previousPage(pageState);
  const pageCount = page?.data.length ?? 0;
  const unit = filters.group === "check" ? "checks" : filters.group === "resource" ? "resources" : "findings";
  const triageAny = triageScope.teamIds === null || triageScope.teamIds.length > 0 || triageScope.unassigned;

  let empty: TEmptyReason | null = null;
  if (!page) empty = { kind: "bad-page", firstHref: hrefOf({}) };
  else if (page.data.length === 0) {
    const onlyTeam = !hasActiveFilters({ ...filters, team: [] });
    if (scope.teamIds?.length === 0 && !scope.unassigned) {
      empty = { kind: "no-team" };
    } else if (options.total === 0 && !hasActiveFilters(filters)) {
      empty = {
        kind: "no-findings",
        hasClusters: options.hasClusters,
        canConnect: canOrg(access.role, "org:clusters:manage"),
        clustersHref: `/o/${org}/clusters`,
      };
    } else if (onlyTeam && !pageState.cursor) {
      const team = filters.team.length === 1 ? filters.team[0] : null;
      empty = {
        kind: "all-clear",
        who: team === UNASSIGNED_TEAM ? "unassigned findings" : team ? (names.teams[team] ?? team) : "your teams",
        otherStatesHref: hrefOf({ status: ["snoozed", "resolved"] }),
      };
    } else {
      empty = pageState.cursor
        ? { kind: "bad-page", firstHref: hrefOf({}) }
        : { kind: "filtered", clearHref: findingsListHref(org, clearedFilters(filters)) };
    }
  }

  const exportHref = `/api/v1/findings/export?${new URLSearchParams([["org", org], ...toFindingSearchParams(filters)])}`;

  return (
    <>
      <MenuCloser />
      <PageHeader
        title="Findings"
        description="What is wrong in your team's workloads, where, and how to fix it."
        actions={
          <>
            <SavedViews
              orgSlug={org}
              query={viewQuery}
              views={savedViews.map((v) => ({
                id: v.id,
                name: v.name,
                href: v.query ? `${findingsListPath(org)}?${v.query}` : findingsListPath(org),
                current: v.query === viewQuery,
              }))}
            />
            <a href={exportHref} className={buttonClass("secondary")} download>
              Export CSV
            </a>
          </>
        }
      />
      <FindingsTabs orgSlug={org} team={filters.team.length === 1 ? filters.team[0] : null} />
      <div className="space-y-3">
        <FindingsFilterBar
          action={findingsListPath(org)}
          filters={filters}
          names={names}
          choices={{
            teams: teams.map((t) => ({ slug: t.slug, name: t.name })),
            unassigned: scope.unassigned,
            clusters: options.clusters,
            namespaces: options.namespaces,
            people: options.people,
            viewerId: access.user.id,
          }}
        />
        {parsed.problems.length ? (
          <Alert tone="warning">
            Some of this link&apos;s filters were not understood and are ignored:{" "}
            {parsed.problems.map((p) => p.message).join(" ")}
          </Alert>
        ) : null}
        <FilterChips
          chips={filterChips(org, filters, names)}
          clearHref={findingsListHref(org, clearedFilters(filters))}
        />
        <Card className="overflow-visible">
          <div className="border-b border-slate-100 px-4 py-3">
            <ViewToolbar filters={filters} hrefOf={hrefOf}>
              <span className="text-xs text-slate-500">
                {options.open.toLocaleString("en-US")} open in{" "}
                {scope.teamIds === null ? "the organization" : "your teams"}
              </span>
            </ViewToolbar>
          </div>
          {empty ? (
            <div className="p-4">
              <FindingsEmpty reason={empty} />
            </div>
          ) : null}
          {rows.length ? (
            <FindingsTable
              orgSlug={org}
              rows={rows}
              viewerId={access.user.id}
              people={triageAny ? options.people : []}
            />
          ) : null}
          {checkRows.length ? <CheckGroupsTable rows={checkRows} /> : null}
          {resourceRows.length ? <ResourceGroupsTable rows={resourceRows} /> : null}
          {page ? (
            <FindingsPager
              shown={`${pageCount.toLocaleString("en-US")} ${unit} on this page`}
              firstHref={pageState.cursor ? findingsListHref(org, filters, FIRST_PAGE) : null}
              prevHref={previous ? findingsListHref(org, filters, previous) : null}
              nextHref={page.nextCursor ? findingsListHref(org, filters, nextPage(pageState, page.nextCursor)) : null}
            />
          ) : null}
        </Card>
      </div>
    </>
  );
}
