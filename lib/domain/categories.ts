// What a finding is about, as reports, filters and alert rules name it. Client-safe.

export const FINDING_CATEGORIES = [
  "security",
  "reliability",
  "efficiency",
  "deprecation",
  "upgrade",
  "compliance",
] as const;
export type TFindingCategory = (typeof FINDING_CATEGORIES)[number];

/** The categories the policy engine's own checks use (a subset: upgrades and compliance come from reports). */
export const CHECK_CATEGORIES = [
  "security",
  "reliability",
  "efficiency",
  "deprecation",
] as const satisfies readonly TFindingCategory[];
export type TCheckCategory = (typeof CHECK_CATEGORIES)[number];
