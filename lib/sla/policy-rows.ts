import "server-only";
import type { TSlaPolicy } from "./schemas";

// sla_policies rows ↔ policies: one column per severity.

export type TSlaPolicyRow = {
  criticalDays: number | null;
  highDays: number | null;
  mediumDays: number | null;
  lowDays: number | null;
};

export const policyOfRow = (row: TSlaPolicyRow): TSlaPolicy => ({
  critical: row.criticalDays,
  high: row.highDays,
  medium: row.mediumDays,
  low: row.lowDays,
});

export const rowOfPolicy = (p: TSlaPolicy): TSlaPolicyRow => ({
  criticalDays: p.critical,
  highDays: p.high,
  mediumDays: p.medium,
  lowDays: p.low,
});

export const POLICY_COLUMNS = { criticalDays: true, highDays: true, mediumDays: true, lowDays: true } as const;
