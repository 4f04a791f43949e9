// The findings pages' decisions, apart from loading and markup: which empty state the list shows,
// where its pager and export go, what a finding's page links to. No database: each is unit-tested.

import type { TFindingScope } from "@/lib/auth/visibility-scope";
import type { TFindingDetail } from "@/lib/findings/get-finding";
import { AppError } from "@/lib/server/errors";
import {
  DEFAULT_FILTERS,
  hasActiveFilters,
  toFindingSearchParams,
  UNASSIGNED_TEAM,
  type TFindingFilters,
  type TFindingGroup,
} from "@/lib/domain/finding-filters";
import {
  canonicalRedirectQuery,
  clearedFilters,
  findingsListHref,
  findingsListPath,
  FIRST_PAGE,
  nextPage,
  previousPage,
  type TFilterNames,
  type TPageState,
} from "./ui-list";

/** Why a list has no rows, with what the empty state links to. */
export type TEmptyReason =
  | { kind: "no-findings"; hasClusters: boolean; canConnect: boolean; clustersHref: string }
  | { kind: "no-team" }
  | { kind: "filtered"; clearHref: string }
  | { kind: "all-clear"; who: string; otherStatesHref: string }
  | { kind: "none-overdue"; who: string; openHref: string }
  | { kind: "bad-page"; firstHref: string };

/** Next's `searchParams` object as URLSearchParams, repeated parameters kept. */
export function searchParamsOf(record: Record<string, string | string[] | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(record)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(key, v);
  }
  return params;
}

/** Where a list URL that is not in its canonical form redirects (see canonicalRedirectQuery), else null. */
export function canonicalListHref(org: string, search: URLSearchParams): string | null {
  const canonical = canonicalRedirectQuery(search);
  if (canonical === null) return null;
  return canonical ? `${findingsListPath(org)}?${canonical}` : findingsListPath(org);
}

/** Names to show for the slugs and ids the filters hold. */
export function filterNamesOf(
  teams: readonly { slug: string; name: string }[],
  clusters: readonly { slug: string; name: string }[],
  people: readonly { id: string; name: string }[],
  rules: readonly { id: string; name: string }[] = [],
): TFilterNames {
  return {
    teams: Object.fromEntries(teams.map((t) => [t.slug, t.name])),
    clusters: Object.fromEntries(clusters.map((c) => [c.slug, c.name])),
    people: Object.fromEntries(people.map((p) => [p.id, p.name])),
    rules: Object.fromEntries(rules.map((r) => [r.id, r.name])),
  };
}

/** Runs a page query; a cursor the query refuses (tampered, or from another sort) is an empty page. */
export async function orRefusedPage<T>(load: Promise<T>): Promise<T | null> {
  try {
    return await load;
  } catch (err) {
    if (err instanceof AppError && err.code === "bad_request") return null;
    throw err;
  }
}

/** The links of a keyset pager: back to the first page, one page back, one page on. */
export function pagerLinks(
  page: TPageState,
  nextCursor: string | null,
  hrefAt: (page: TPageState) => string,
): { firstHref: string | null; prevHref: string | null; nextHref: string | null } {
  const previous = previousPage(page);
  return {
    firstHref: page.cursor ? hrefAt(FIRST_PAGE) : null,
    prevHref: previous ? hrefAt(previous) : null,
    nextHref: nextCursor ? hrefAt(nextPage(page, nextCursor)) : null,
  };
}

/** A check group's row opens the list of that check's findings. */
export const checkFindingsHref = (org: string, filters: TFindingFilters, checkId: string) =>
  findingsListHref(org, { ...filters, check: [checkId], group: "none" });

/**
 * A resource group's row opens that object's findings. No filter names one object; its cluster,
 * namespace and name narrow the list down to it.
 */
export const resourceFindingsHref = (
  org: string,
  filters: TFindingFilters,
  resource: { cluster: { slug: string }; namespace: string; name: string },
) =>
  findingsListHref(org, {
    ...filters,
    cluster: [resource.cluster.slug],
    namespace: resource.namespace ? [resource.namespace] : filters.namespace,
    q: resource.name,
    group: "none",
  });

/** What one row of the list is, by grouping. */
export const pageUnit = (group: TFindingGroup) =>
  group === "check" ? "checks" : group === "resource" ? "resources" : "findings";

/** "50 findings on this page". */
export const shownOnPage = (count: number, unit: string) => `${count.toLocaleString("en-US")} ${unit} on this page`;

/** Whose open findings the list counts: everyone's for org-wide viewers, else their teams'. */
export const openScopeLabel = (scope: Pick<TFindingScope, "teamIds">) =>
  scope.teamIds === null ? "the organization" : "your teams";

/** Whether the viewer may triage any finding at all (and so needs the assignee choices). */
export const canTriageAny = (scope: Pick<TFindingScope, "teamIds" | "unassigned">) =>
  scope.teamIds === null || scope.teamIds.length > 0 || scope.unassigned;

/** The single team the view is narrowed to, which the tabs keep; null for none or several. */
export const singleTeam = (filters: Pick<TFindingFilters, "team">) =>
  filters.team.length === 1 ? filters.team[0]! : null;

/** The CSV export of the same view. */
export const findingsExportHref = (org: string, filters: TFindingFilters) =>
  `/api/v1/findings/export?${new URLSearchParams([["org", org], ...toFindingSearchParams(filters)])}`;

/** Saved views as links, the one the list shows now marked current. */
export function savedViewLinks(
  org: string,
  views: readonly { id: string; name: string; query: string }[],
  viewQuery: string,
) {
  const path = findingsListPath(org);
  return views.map((v) => ({
    id: v.id,
    name: v.name,
    href: v.query ? `${path}?${v.query}` : path,
    current: v.query === viewQuery,
  }));
}

/**
 * Which empty state the list shows, or null when it has rows. In order: a page the query refused;
 * a viewer on no team; an org with nothing reported yet; a team view with nothing open (good
 * news, not a dead end); else filters (or a stale page) that match nothing.
 */
export function listEmptyReason(input: {
  org: string;
  filters: TFindingFilters;
  page: TPageState;
  /** Rows on the page; null when the query refused the page's cursor. */
  rows: number | null;
  scope: Pick<TFindingScope, "teamIds" | "unassigned">;
  /** Findings in the viewer's scope in any state. */
  total: number;
  hasClusters: boolean;
  canConnect: boolean;
  names: Pick<TFilterNames, "teams">;
}): TEmptyReason | null {
  const { org, filters, page, scope } = input;
  const firstPage = { kind: "bad-page", firstHref: findingsListHref(org, filters) } as const;
  if (input.rows === null) return firstPage;
  if (input.rows > 0) return null;
  if (scope.teamIds?.length === 0 && !scope.unassigned) return { kind: "no-team" };
  if (input.total === 0 && !hasActiveFilters(filters)) {
    return {
      kind: "no-findings",
      hasClusters: input.hasClusters,
      canConnect: input.canConnect,
      clustersHref: `/o/${org}/clusters`,
    };
  }
  const team = singleTeam(filters);
  const who =
    team === UNASSIGNED_TEAM ? "unassigned findings" : team ? (input.names.teams[team] ?? team) : "your teams";
  if (!hasActiveFilters({ ...filters, team: [] }) && !page.cursor) {
    return {
      kind: "all-clear",
      who,
      otherStatesHref: findingsListHref(org, { ...filters, status: ["snoozed", "resolved"] }),
    };
  }
  // The Overdue view (the overviews' tile links here) with nothing in it: every open finding is
  // within its SLA, which is good news too.
  if (filters.overdue && !hasActiveFilters({ ...filters, team: [], overdue: false }) && !page.cursor) {
    return { kind: "none-overdue", who, openHref: findingsListHref(org, { ...filters, overdue: false }) };
  }
  if (page.cursor) return firstPage;
  return { kind: "filtered", clearHref: findingsListHref(org, clearedFilters(filters)) };
}

/** A finding page's links and wording: its team (when the viewer sees it), the same check elsewhere, its CVE. */
export function findingPageState(
  org: string,
  finding: Pick<TFindingDetail, "team" | "checkId" | "vulnerabilityId">,
  options: { teamVisible: boolean; hasPackages: boolean },
) {
  const cve = finding.vulnerabilityId || null;
  return {
    isVulnerability: cve !== null,
    teamHref: finding.team && options.teamVisible ? `/o/${org}/teams/${finding.team.slug}` : null,
    sameProblemHref: findingsListHref(org, { ...DEFAULT_FILTERS, check: [finding.checkId] }),
    cveHref: cve ? `/o/${org}/findings/vulnerabilities/${encodeURIComponent(cve)}` : null,
    referencesTitle: cve ? "Advisories" : "Check documentation",
    evidenceDescription: options.hasPackages
      ? "The packages in the image that carry this vulnerability."
      : "What the report said about this resource.",
  };
}
