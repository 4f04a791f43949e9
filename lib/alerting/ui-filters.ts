import { z } from "zod";
import { RULE_KINDS } from "./schemas";

// The Alerting pages' URL filters. Unknown values are dropped (a hand-edited URL shows the
// unfiltered list rather than an error page); a team or destination that is not the caller's is
// a 404, decided by the page with the guards.

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values).optional().catch(undefined);
const optionalText = z.string().trim().min(1).max(200).optional().catch(undefined);

/** `team`: a team slug, or "none" for unassigned findings and org-level alerts (org admins). */
export const ZFeedFilters = z.object({
  team: optionalText,
  status: optionalEnum(["open", "resolved"] as const),
  kind: optionalEnum(RULE_KINDS),
  paged: optionalEnum(["yes", "no"] as const),
  cursor: optionalText,
});
export type TFeedFilters = z.infer<typeof ZFeedFilters>;

export const ZLogFilters = z.object({
  team: optionalText,
  destination: optionalText,
  status: optionalEnum(["pending", "delivered", "failed"] as const),
  action: optionalEnum(["trigger", "acknowledge", "resolve", "notify"] as const),
  channel: optionalEnum(["pagerduty", "slack", "slack_webhook", "teams", "email", "webhook"] as const),
  group: optionalText,
  cursor: optionalText,
});
export type TLogFilters = z.infer<typeof ZLogFilters>;

export const UNASSIGNED_TEAM = "none";

/** A query string's first value per key, as the page receives it. */
export function firstValues(params: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first) out[key] = first;
  }
  return out;
}

/** The same filters in a URL, without empty values; `changes` overrides (undefined removes). */
export function filterHref(base: string, filters: Record<string, string | undefined>, changes = {}): string {
  const merged: Record<string, string | undefined> = { ...filters, ...changes };
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) if (value) query.set(key, value);
  const s = query.toString();
  return s ? `${base}?${s}` : base;
}
