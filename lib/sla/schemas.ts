import { z } from "zod";

// SLA policies: due days per severity, for the org and stricter per team. Client-safe.

export const SLA_SEVERITIES = ["critical", "high", "medium", "low"] as const;
export type TSlaSeverity = (typeof SLA_SEVERITIES)[number];

const ZSlaDays = z.preprocess(
  (v) => (v === "" || v === undefined ? null : v),
  z.coerce.number().int("Whole days.").min(1, "At least 1 day.").max(3650, "At most 3650 days.").nullable(),
);

/** Due days per severity; null: no SLA for that severity. */
export const ZSlaPolicy = z.object({
  critical: ZSlaDays,
  high: ZSlaDays,
  medium: ZSlaDays,
  low: ZSlaDays,
});
export type TSlaPolicy = z.output<typeof ZSlaPolicy>;

/** A new org's SLA policy until an admin sets one. */
export const DEFAULT_SLA_POLICY: TSlaPolicy = { critical: 7, high: 30, medium: 90, low: null };
