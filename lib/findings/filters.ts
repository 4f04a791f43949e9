import { isCalendarDate } from "@/lib/server/safe-input";
import { unsafeTextReason } from "@/lib/server/text-safety";
import { FINDING_CATEGORIES } from "@/lib/domain/categories";
import { SEVERITY_LEVELS } from "@/lib/domain/severity";
import {
  DEFAULT_FILTERS,
  FINDING_GROUPS,
  FINDING_SORTS,
  FINDING_STATES,
  LIST_FIELDS,
  TICKET_FILTERS,
  type TFindingFilters,
} from "@/lib/domain/finding-filters";

// Reading a findings view from a query string (pages, the API, saved views). What a view is and
// how it is written back to a URL is shared vocabulary in lib/domain/finding-filters.ts.

export type TFilterProblem = { field: string; message: string };

type TParamSource = URLSearchParams | Record<string, string | string[] | undefined>;

const MAX_VALUES = 50;
// A rule's tags are lower-case words (ZActions.addTags in lib/automation/schemas.ts).
const TAG = /^[a-z0-9][a-z0-9._:-]{0,39}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Values with a shape of their own: the message says what was expected (null: it is fine). */
const SHAPES: Partial<Record<(typeof LIST_FIELDS)[number], (value: string) => string | null>> = {
  tag: (v) => (TAG.test(v) ? null : `Unknown tag "${v}"; tags are lower-case letters, digits and . _ : -`),
  rule: (v) => (UUID.test(v) ? null : `A rule is named by its id (a UUID), not "${v}".`),
};
const MAX_VALUE_LENGTH = 253;
const MAX_QUERY_LENGTH = 200;

function valuesOf(params: TParamSource, name: string): string[] {
  const raw =
    params instanceof URLSearchParams
      ? params.getAll(name)
      : ((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))(params[name]);
  // Repeated parameters and comma lists are the same thing: ?severity=high&severity=critical or ?severity=high,critical.
  const values = raw
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
  return [...new Set(values)];
}

function oneOf<T extends string>(allowed: readonly T[], value: string): value is T {
  return (allowed as readonly string[]).includes(value);
}

/**
 * Parses filters from a query string. Problems are reported (the API answers 400 with them) and
 * the offending value is dropped, so a page with a stale bookmark still shows something sensible.
 */
export function parseFindingFilters(params: TParamSource): { filters: TFindingFilters; problems: TFilterProblem[] } {
  const problems: TFilterProblem[] = [];
  const filters: TFindingFilters = { ...DEFAULT_FILTERS };
  const enums: Partial<Record<(typeof LIST_FIELDS)[number], readonly string[]>> = {
    severity: SEVERITY_LEVELS,
    category: FINDING_CATEGORIES,
    status: FINDING_STATES,
  };
  for (const field of LIST_FIELDS) {
    let values = valuesOf(params, field);
    if (values.length > MAX_VALUES) {
      problems.push({ field, message: `At most ${MAX_VALUES} values.` });
      values = values.slice(0, MAX_VALUES);
    }
    const allowed = enums[field];
    const shape = SHAPES[field];
    // Rule ids are UUIDs: one spelling per rule, so a view's URL is canonical.
    if (field === "rule") values = [...new Set(values.map((v) => v.toLowerCase()))];
    const kept: string[] = [];
    for (const value of values) {
      const unsafe = unsafeTextReason(value);
      const misshapen = unsafe || value.length > MAX_VALUE_LENGTH ? null : shape?.(value);
      if (unsafe) problems.push({ field, message: `A value ${unsafe}.` });
      else if (misshapen) problems.push({ field, message: misshapen });
      else if (value.length > MAX_VALUE_LENGTH)
        problems.push({ field, message: `A value is longer than ${MAX_VALUE_LENGTH} characters.` });
      else if (allowed && !allowed.includes(value)) {
        problems.push({ field, message: `Unknown ${field} "${value}"; use ${allowed.join(", ")}.` });
      } else kept.push(value);
    }
    (filters[field] as string[]) = kept;
  }
  for (const field of ["from", "to"] as const) {
    const value = valuesOf(params, field)[0];
    if (!value) continue;
    if (isCalendarDate(value)) filters[field] = value;
    else problems.push({ field, message: "Use a real date as YYYY-MM-DD." });
  }
  const due = valuesOf(params, "due")[0];
  if (due) {
    if (isCalendarDate(due)) filters.due = due;
    else problems.push({ field: "due", message: "Due: use a real date as YYYY-MM-DD." });
  }
  const overdue = valuesOf(params, "overdue")[0];
  if (overdue) {
    if (overdue === "true" || overdue === "false") filters.overdue = overdue === "true";
    else problems.push({ field: "overdue", message: "Overdue: use true or false." });
  }
  const ticket = valuesOf(params, "ticket")[0];
  if (ticket) {
    if (oneOf(TICKET_FILTERS, ticket)) filters.ticket = ticket;
    else problems.push({ field: "ticket", message: `Ticket: use ${TICKET_FILTERS.join(", ")}.` });
  }
  const q = valuesOf(params, "q").join(" ");
  const unsafeQ = unsafeTextReason(q);
  if (unsafeQ) problems.push({ field: "q", message: `The search ${unsafeQ}.` });
  else if (q.length > MAX_QUERY_LENGTH)
    problems.push({ field: "q", message: `At most ${MAX_QUERY_LENGTH} characters.` });
  filters.q = unsafeQ ? "" : q.slice(0, MAX_QUERY_LENGTH);
  const sort = valuesOf(params, "sort")[0];
  if (sort) {
    if (oneOf(FINDING_SORTS, sort)) filters.sort = sort;
    else problems.push({ field: "sort", message: `Sort by ${FINDING_SORTS.join(", ")}.` });
  }
  const group = valuesOf(params, "group")[0];
  if (group) {
    if (oneOf(FINDING_GROUPS, group)) filters.group = group;
    else problems.push({ field: "group", message: `Group by ${FINDING_GROUPS.join(", ")}.` });
  }
  return { filters, problems };
}
