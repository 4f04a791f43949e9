import type { TCheck } from "../types";
import { DEPRECATION_CHECKS } from "./deprecation";
import { EFFICIENCY_CHECKS } from "./efficiency";
import { RELIABILITY_CHECKS } from "./reliability";
import { SECURITY_CHECKS } from "./security";

export const BUILT_IN_CHECKS: readonly TCheck[] = [
  ...SECURITY_CHECKS,
  ...RELIABILITY_CHECKS,
  ...EFFICIENCY_CHECKS,
  ...DEPRECATION_CHECKS,
];

const BY_ID = new Map(BUILT_IN_CHECKS.map((check) => [check.id, check]));

export function checkById(id: string): TCheck | undefined {
  return BY_ID.get(id);
}
