import type { TCheck } from "../types";
import { AVAILABILITY_CHECKS } from "./availability";
import { DEPRECATION_CHECKS } from "./deprecation";
import { EFFICIENCY_CHECKS } from "./efficiency";
import { HARDENING_CHECKS } from "./hardening";
import { RBAC_CHECKS } from "./rbac";
import { RELIABILITY_CHECKS } from "./reliability";
import { SECRET_CHECKS } from "./secrets";
import { SECURITY_CHECKS } from "./security";

export const BUILT_IN_CHECKS: readonly TCheck[] = [
  ...SECURITY_CHECKS,
  ...HARDENING_CHECKS,
  ...SECRET_CHECKS,
  ...RBAC_CHECKS,
  ...RELIABILITY_CHECKS,
  ...AVAILABILITY_CHECKS,
  ...EFFICIENCY_CHECKS,
  ...DEPRECATION_CHECKS,
];

const BY_ID = new Map(BUILT_IN_CHECKS.map((check) => [check.id, check]));

export function checkById(id: string): TCheck | undefined {
  return BY_ID.get(id);
}
