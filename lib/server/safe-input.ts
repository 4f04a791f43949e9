import { z } from "zod";
import { AppError } from "./errors";
import { unsafeTextReason } from "./text-safety";

// Checks every request parameter shares, so a route or page cannot forget them: text PostgreSQL
// cannot hold (NUL, lone surrogates; see text-safety.ts) and dates it cannot (2026-02-30 passes a
// YYYY-MM-DD pattern, year 0 passes Zod's date check; both failed in SQL with a 500, or halfway
// through a CSV export). Client-safe: no server imports.

/** The first query parameter (name or value) or path parameter PostgreSQL could not hold, or null. */
export function findUnsafeParam(
  search: URLSearchParams,
  params: Record<string, unknown> = {},
): { field: string; reason: string } | null {
  for (const [name, value] of search) {
    const reason = unsafeTextReason(name) ?? unsafeTextReason(value);
    if (reason) return { field: unsafeTextReason(name) ? "(a parameter name)" : name, reason };
  }
  for (const [name, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      const reason = typeof v === "string" ? unsafeTextReason(v) : null;
      if (reason) return { field: name, reason };
    }
  }
  return null;
}

/** A 400 naming the first query or path parameter PostgreSQL could not hold (for route wrappers). */
export function assertSafeParams(url: URL, params: unknown): void {
  const found = findUnsafeParam(url.searchParams, (params ?? {}) as Record<string, unknown>);
  if (found) {
    throw new AppError("bad_request", `The parameter ${found.field} ${found.reason}.`, { field: found.field });
  }
}

// Four-digit years: nothing Bumpers stores is older, and PostgreSQL has no year 0.
const MIN_YEAR = 1000;
const MAX_YEAR = 9999;

/** Whether a YYYY-MM-DD string is a day that exists (no February 30) in years 1000 to 9999. */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  if (year < MIN_YEAR || year > MAX_YEAR) return false;
  const date = new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** Whether an ISO timestamp falls in the years isCalendarDate accepts (Zod checks its form). */
export function isInstantInRange(value: string): boolean {
  const time = Date.parse(value);
  if (Number.isNaN(time)) return false;
  const year = new Date(time).getUTCFullYear();
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

/** A day as YYYY-MM-DD that exists, for query schemas (Zod's own check lets year 0 through). */
export const ZCalendarDate = z.iso.date().refine(isCalendarDate, { error: "Use a real date as YYYY-MM-DD." });

/** An ISO timestamp with an offset, in years 1000 to 9999. */
export const ZInstant = z.iso
  .datetime({ offset: true })
  .refine(isInstantInRange, { error: "Use a date between the years 1000 and 9999." });
