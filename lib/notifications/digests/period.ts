import { addDays, isoDay } from "@/lib/cost/range";
import { isTimeZone } from "../digest-schedule";
import type { TDigestPeriodKind } from "./types";

// A digest's period in the reader's words, and the whole UTC days its cost figures cover. Pure.

export type TDigestWindow = { kind: TDigestPeriodKind; from: Date; to: Date };

const DAY_MS = 86_400_000;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The local calendar date of an instant in a zone, as a UTC-midnight Date (for day arithmetic). */
function localDate(at: Date, timeZone: string): Date {
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "numeric", day: "numeric" });
    dateFormats.set(timeZone, format);
  }
  const p = Object.fromEntries(format.formatToParts(at).map((x) => [x.type, x.value]));
  return new Date(Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day)));
}

const dayMonth = (d: Date) => `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;

/**
 * "Week of 30 Nov – 6 Dec 2026" (the seven local days from the period's start) or
 * "Sunday 6 Dec 2026" (the local day it starts on). Written out here rather than with
 * Intl's month names, which differ between ICU versions ("Sep" / "Sept").
 */
export function periodLabel(kind: TDigestPeriodKind, from: Date, timeZone: string): string {
  const zone = isTimeZone(timeZone) ? timeZone : "UTC";
  const first = localDate(from, zone);
  if (kind === "daily") {
    return `${WEEKDAYS[first.getUTCDay()]} ${dayMonth(first)} ${first.getUTCFullYear()}`;
  }
  const last = new Date(first.getTime() + 6 * DAY_MS);
  const start =
    first.getUTCFullYear() === last.getUTCFullYear() ? dayMonth(first) : `${dayMonth(first)} ${first.getUTCFullYear()}`;
  return `Week of ${start} – ${dayMonth(last)} ${last.getUTCFullYear()}`;
}

/** The previous period: as long as this one, ending where it starts. */
export function previousFrom(window: TDigestWindow): Date {
  return new Date(window.from.getTime() - (window.to.getTime() - window.from.getTime()));
}

/**
 * Cost rows are per UTC day, and the day the digest goes out is not over yet: the figures cover
 * the last complete days before `to` (one or seven), and the as many days before those.
 */
export function costDays(window: TDigestWindow): {
  from: string;
  to: string;
  previousFrom: string;
  previousTo: string;
} {
  const days = window.kind === "daily" ? 1 : 7;
  const to = addDays(isoDay(window.to), -1);
  const from = addDays(to, -(days - 1));
  return { from, to, previousFrom: addDays(from, -days), previousTo: addDays(from, -1) };
}
