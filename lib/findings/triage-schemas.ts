import { z } from "zod";

// Triage inputs, shared by forms (client), server actions and API routes. No server-only imports.

export const MAX_BULK_FINDINGS = 1000;
export const MAX_RESOLUTION_REASON = 2000;
export const MAX_COMMENT = 5000;

export const RESOLUTIONS = ["will_not_fix", "working_as_intended"] as const;
export type TResolution = (typeof RESOLUTIONS)[number];
export const RESOLUTION_LABELS: Record<TResolution, string> = {
  will_not_fix: "Will not fix",
  working_as_intended: "Working as intended",
};

// Any 8-4-4-4-12 hex id (what PostgreSQL's uuid accepts), not only RFC 4122 variants.
export const ZFindingId = z.guid({ error: "A finding id must be a UUID." }).transform((id) => id.toLowerCase());

/** 1..1000 finding ids, duplicates dropped. */
export const ZFindingIds = z
  .array(ZFindingId)
  .min(1, "Select at least one finding.")
  .max(MAX_BULK_FINDINGS, `Select at most ${MAX_BULK_FINDINGS} findings at a time.`)
  .transform((ids) => [...new Set(ids)]);

export const ZResolveInput = z.object({
  resolution: z.enum(RESOLUTIONS, { error: "Choose will not fix or working as intended." }),
  reason: z
    .string({ error: "Say why." })
    .trim()
    .min(1, "Say why, so the next person knows.")
    .max(MAX_RESOLUTION_REASON, `Keep the reason under ${MAX_RESOLUTION_REASON} characters.`),
});
export type TResolveInput = z.input<typeof ZResolveInput>;

export const SNOOZE_PRESETS = ["day", "week", "month"] as const;
export type TSnoozePreset = (typeof SNOOZE_PRESETS)[number];
export const SNOOZE_PRESET_LABELS: Record<TSnoozePreset, string> = { day: "1 day", week: "1 week", month: "1 month" };

/** Adds calendar months in UTC, clamped to the month's last day (Jan 31 + 1 month = Feb 28/29). */
function addMonthsUtc(date: Date, months: number): Date {
  const next = new Date(date);
  const day = next.getUTCDate();
  next.setUTCDate(1);
  next.setUTCMonth(next.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(next.getUTCFullYear(), next.getUTCMonth() + 1, 0)).getUTCDate();
  next.setUTCDate(Math.min(day, lastDay));
  return next;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** When a snooze from a preset ends, counted from `now`. */
export function snoozePresetUntil(preset: TSnoozePreset, now: Date = new Date()): Date {
  if (preset === "day") return new Date(now.getTime() + DAY_MS);
  if (preset === "week") return new Date(now.getTime() + 7 * DAY_MS);
  return addMonthsUtc(now, 1);
}

/** The latest allowed end of a snooze: one calendar year from `now`. */
export const maxSnoozeUntil = (now: Date = new Date()): Date => addMonthsUtc(now, 12);

/** Why `until` is not an acceptable snooze end at `now`, or null when it is. */
export function snoozeUntilProblem(until: Date, now: Date = new Date()): string | null {
  if (Number.isNaN(until.getTime())) return "Pick a valid date.";
  if (until.getTime() <= now.getTime()) return "Pick a time in the future.";
  if (until.getTime() > maxSnoozeUntil(now).getTime()) return "Snooze for at most one year.";
  return null;
}

/**
 * A snooze request: a preset, or a custom end (ISO 8601; a date alone means 00:00 UTC that day).
 * The end is checked against the clock by the server (`snoozeUntilProblem`), not here.
 */
export const ZSnoozeRequest = z
  .object({
    preset: z.enum(SNOOZE_PRESETS, { error: "Choose 1 day, 1 week or 1 month." }).optional(),
    until: z.coerce.date({ error: "Pick a valid date." }).optional(),
  })
  .refine((v) => (v.preset === undefined) !== (v.until === undefined), {
    message: "Choose a preset or a date.",
    path: ["until"],
  });
export type TSnoozeRequest = z.infer<typeof ZSnoozeRequest>;

export function snoozeRequestUntil(request: TSnoozeRequest, now: Date = new Date()): Date {
  return request.preset ? snoozePresetUntil(request.preset, now) : request.until!;
}

/** A user id, or null to unassign. */
export const ZAssigneeId = z.guid({ error: "Pick someone to assign." }).nullable();

export const ZComment = z.object({
  text: z
    .string({ error: "Write a comment." })
    .trim()
    .min(1, "Write a comment.")
    .max(MAX_COMMENT, `Keep a comment under ${MAX_COMMENT} characters.`),
});
