import type { Metadata, Route } from "next";
import { redirect } from "next/navigation";
import { visibleTeams } from "@/lib/auth/access";
import { canOrg } from "@/lib/auth/permissions";
import { requireOrgPage } from "@/lib/auth/page-guards";
import { parseFindingFilters } from "@/lib/findings/filters";
import {
  canonicalListHref,
  canTriageAny,
  checkFindingsHref,
  filterNamesOf,
  findingsExportHref,
  listEmptyReason,
  openScopeLabel,
  orRefusedPage,
  pagerLinks,
  pageUnit,
  resourceFindingsHref,
  savedViewLinks,
  searchParamsOf,
  shownOnPage,
  singleTeam,
} from "@/lib/findings/page-state";
import { listCheckGroups, listFindings, listResourceGroups } from "@/lib/findings/queries";
import { listSavedViews } from "@/lib/findings/saved-views";
import { ruleFilterChoices } from "@/lib/findings/rule-choices";
import { ticketChipsOfFindings } from "@/lib/tickets/queries";
import type { TTicketChip } from "@/lib/tickets/views";
import { findingScopeOf, scopeIncludesTeam } from "@/lib/auth/visibility-scope";
import { findingFilterOptions } from "@/lib/findings/ui-filter-options";
import {
  findingDetailHref,
  findingsListHref,
  findingsQuery,
  normalizeFilters,
  parsePageState,
} from "@/lib/findings/ui-list";
import { FindingsListCard } from "@/components/findings/findings-list-card";
import { FindingsFilters, FindingsListHeader } from "@/components/findings/findings-list-header";
import { Pager } from "@/components/ui/pager";
import { toCheckRows, toListRows, toResourceRows } from "@/components/findings/list-rows";
import { FindingsTabs } from "@/components/findings/findings-tabs";
import { MenuCloser } from "@/components/findings/menu-closer";
import { ViewToolbar } from "@/components/findings/view-toolbar";

export const metadata: Metadata = { title: "Findings" };

const PAGE_SIZE = 50;

export default async function FindingsPage({ params, searchParams }: PageProps<"/o/[org]/findings">) {
  const { org: orgSlug } = await params;
  const access = await requireOrgPage(orgSlug);
  const org = access.org.slug;
  const search = searchParamsOf(await searchParams);
  const canonical = canonicalListHref(org, search);
  if (canonical !== null) redirect(canonical as Route);

  const parsed = parseFindingFilters(search);
  const filters = normalizeFilters(parsed.filters);
  const pageState = parsePageState(search);
  const scope = findingScopeOf(access, "team:read");
  const triageScope = findingScopeOf(access, "team:triage");
  const viewer = { userId: access.user.id };
  const listOptions = { limit: PAGE_SIZE, cursor: pageState.cursor };
  const now = new Date();

  const [teams, options, savedViews, ruleChoices, findings, checks, resources] = await Promise.all([
    visibleTeams(access),
    findingFilterOptions(access, scope, filters),
    listSavedViews(access.org.id, access.user.id),
    ruleFilterChoices(scope),
    filters.group === "none" ? orRefusedPage(listFindings(scope, filters, viewer, listOptions)) : null,
    filters.group === "check" ? orRefusedPage(listCheckGroups(scope, filters, viewer, listOptions)) : null,
    filters.group === "resource" ? orRefusedPage(listResourceGroups(scope, filters, viewer, listOptions)) : null,
  ]);

  const teamIdBySlug = new Map(teams.map((t) => [t.slug, t.id]));
  const names = filterNamesOf(teams, options.clusters, options.people, ruleChoices.rules);
  const currentQuery = findingsQuery(filters, pageState);
  const viewQuery = findingsQuery(filters);
  const page = findings ?? checks ?? resources;

  const tickets: Map<string, TTicketChip[]> = findings?.data.length
    ? await ticketChipsOfFindings(
        access.org.id,
        findings.data.map((f) => f.id),
      )
    : new Map();
  const rows = toListRows(findings?.data ?? [], {
    tickets,
    now,
    hrefOf: (id) => findingDetailHref(org, id, currentQuery),
    canTriage: (team) => scopeIncludesTeam(triageScope, team === null ? null : (teamIdBySlug.get(team) ?? "?")),
  });

  const empty = listEmptyReason({
    org,
    filters,
    page: pageState,
    rows: page ? page.data.length : null,
    scope,
    total: options.total,
    hasClusters: options.hasClusters,
    canConnect: canOrg(access.role, "org:clusters:manage"),
    names,
  });

  return (
    <>
      <MenuCloser />
      <FindingsListHeader
        orgSlug={org}
        viewQuery={viewQuery}
        views={savedViewLinks(org, savedViews, viewQuery)}
        exportHref={findingsExportHref(org, filters)}
      />
      <FindingsTabs orgSlug={org} team={singleTeam(filters)} />
      <div className="space-y-3">
        <FindingsFilters
          orgSlug={org}
          filters={filters}
          names={names}
          problems={parsed.problems}
          choices={{
            teams: teams.map((t) => ({ slug: t.slug, name: t.name })),
            unassigned: scope.unassigned,
            clusters: options.clusters,
            namespaces: options.namespaces,
            people: options.people,
            viewerId: access.user.id,
            rules: ruleChoices.rules,
            tags: ruleChoices.tags,
          }}
        />
        <FindingsListCard
          toolbar={
            <ViewToolbar filters={filters} hrefOf={(change) => findingsListHref(org, { ...filters, ...change })}>
              <span className="text-xs text-slate-500">
                {options.open.toLocaleString("en-US")} open in {openScopeLabel(scope)}
              </span>
            </ViewToolbar>
          }
          empty={empty}
          orgSlug={org}
          viewerId={access.user.id}
          people={canTriageAny(triageScope) ? options.people : []}
          rows={rows}
          checkRows={toCheckRows(checks?.data ?? [], now, (c) => checkFindingsHref(org, filters, c.checkId))}
          resourceRows={toResourceRows(resources?.data ?? [], (r) => resourceFindingsHref(org, filters, r))}
          pager={
            page ? (
              <Pager
                shown={shownOnPage(page.data.length, pageUnit(filters.group))}
                {...pagerLinks(pageState, page.nextCursor, (p) => findingsListHref(org, filters, p))}
              />
            ) : null
          }
        />
      </div>
    </>
  );
}
