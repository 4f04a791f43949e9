import { z } from "zod";
import { ZCalendarDate, ZInstant } from "@/lib/server/safe-input";

// Query-string values: an empty field in the filter form means "no filter".
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** A day ("2026-01-31", whole day in UTC) or an instant ("2026-01-31T12:00:00Z"). */
const ZDateBound = z.preprocess(
  blankToUndefined,
  z
    .union([ZCalendarDate, ZInstant], {
      error: "Use a date like 2026-01-31 or an ISO timestamp.",
    })
    .optional(),
);

export const ZAuditFilters = z
  .object({
    action: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .max(100)
        .regex(/^[a-z0-9_.]+$/, "Unknown action.")
        .optional(),
    ),
    /** Matches the actor's email or token name, case-insensitively. */
    actor: z.preprocess(blankToUndefined, z.string().trim().max(254).optional()),
    from: ZDateBound,
    to: ZDateBound,
  })
  .refine(
    (f) => {
      const range = auditRange(f);
      const end = range.lt ?? range.lte;
      return !range.gte || !end || range.gte <= end;
    },
    { message: "The end date is before the start date.", path: ["to"] },
  );

export type TAuditFilters = z.infer<typeof ZAuditFilters>;

/** A date-only `to` includes that whole day. */
export function auditRange(f: Pick<TAuditFilters, "from" | "to">): { gte?: Date; lt?: Date; lte?: Date } {
  const range: { gte?: Date; lt?: Date; lte?: Date } = {};
  if (f.from) range.gte = new Date(f.from);
  if (f.to) {
    if (f.to.length === 10) range.lt = new Date(Date.parse(f.to) + 86_400_000);
    else range.lte = new Date(f.to);
  }
  return range;
}
