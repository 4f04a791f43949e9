import { DEFAULT_FILTERS, toFindingSearchParams, type TFindingFilters } from "@/lib/domain/finding-filters";

/** Builds links into the findings list for one view of the overview (the org, or one team). */
export type TFindingsLinker = (change?: Partial<TFindingFilters>) => string;

/**
 * Every figure on the overview links to the list filtered to exactly the findings it counts. `base`
 * holds what the whole page is about (a team page adds `team`), so each link keeps that narrowing.
 */
export function findingsLinker(orgSlug: string, base: Partial<TFindingFilters> = {}): TFindingsLinker {
  const path = `/o/${encodeURIComponent(orgSlug)}/findings`;
  return (change = {}) => {
    const query = toFindingSearchParams({ ...DEFAULT_FILTERS, ...base, ...change }).toString();
    return query ? `${path}?${query}` : path;
  };
}

export function findingHref(orgSlug: string, id: string): string {
  return `/o/${encodeURIComponent(orgSlug)}/findings/${encodeURIComponent(id)}`;
}
