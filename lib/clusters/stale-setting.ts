import { z } from "zod";

// Shared by the settings form (client) and the server action, so the bounds shown are the ones enforced.

/** An hour at least (agents report hourly), 30 days at most. */
export const STALE_HOURS_MIN = 1;
export const STALE_HOURS_MAX = 720;
export const STALE_HOURS_DEFAULT = 24;

// Form fields arrive as strings; an empty one is "missing", not zero.
export const ZStaleClusterHours = z.preprocess(
  (value) => (typeof value === "string" ? (value.trim() === "" ? undefined : Number(value.trim())) : value),
  z
    .number({ error: "Enter a number of hours." })
    .int("Enter a whole number of hours.")
    .min(STALE_HOURS_MIN, `At least ${STALE_HOURS_MIN} hour.`)
    .max(STALE_HOURS_MAX, `At most ${STALE_HOURS_MAX} hours (30 days).`),
);

export const ZStaleSetting = z.object({ staleClusterHours: ZStaleClusterHours });
