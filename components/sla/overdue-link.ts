/**
 * The findings list of an overview's scope narrowed to overdue findings: `listHref` is that scope's
 * list link (it may already carry a query), `overdue=true` the findings list's filter.
 */
export function overdueHref(listHref: string): string {
  return `${listHref}${listHref.includes("?") ? "&" : "?"}overdue=true`;
}
