import { z } from "zod";
import { BUILT_IN_CHECKS } from "./checks";
import { CHECK_SEVERITIES } from "../domain/severity";

const CHECK_IDS = new Set(BUILT_IN_CHECKS.map((check) => check.id));
export const isCheckId = (id: string): boolean => CHECK_IDS.has(id);

export const ZCheckId = z.string().trim().refine(isCheckId, { error: "Unknown check." });

const ZSeverityOrDefault = z.preprocess(
  (v) => (v === "" || v === "default" ? null : v),
  z.enum(CHECK_SEVERITIES, { error: "Choose a severity." }).nullable(),
);

// Checkboxes arrive as "on" or are absent; JSON callers send booleans.
const ZFlag = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

/** The org's setting for one check (org admins). */
export const ZOrgCheckSetting = z.object({
  checkId: ZCheckId,
  enabled: ZFlag,
  severity: ZSeverityOrDefault,
  blockAdmission: ZFlag,
  blockCi: ZFlag,
});
export type TOrgCheckSettingInput = z.input<typeof ZOrgCheckSetting>;

/** A team's override of one check (team admins): every field can only tighten the org's. */
export const ZTeamCheckSetting = z.object({
  checkId: ZCheckId,
  enabled: ZFlag,
  severity: ZSeverityOrDefault,
  blockAdmission: ZFlag,
  blockCi: ZFlag,
});
export type TTeamCheckSettingInput = z.input<typeof ZTeamCheckSetting>;

export const ZPolicyMode = z.object({ passive: ZFlag });

const ZExemptionPattern = z
  .string()
  .trim()
  .max(253)
  .regex(/^[A-Za-z0-9*._\-/]*$/, "Use letters, digits, . - _ / and * wildcards.")
  .transform((v) => v || "*");

export const ZPolicyExemption = z.object({
  checkIds: z
    .array(z.union([ZCheckId, z.literal("*")]))
    .min(1, "Choose at least one check.")
    .max(50),
  teamId: z.preprocess((v) => (v === "" ? null : v), z.uuid("Choose a team.").nullable()).default(null),
  cluster: ZExemptionPattern.default("*"),
  namespace: ZExemptionPattern.default("*"),
  kind: ZExemptionPattern.default("*"),
  name: ZExemptionPattern.default("*"),
  reason: z.string().trim().min(5, "Say why (at least 5 characters).").max(500, "At most 500 characters."),
  expiresAt: z.preprocess(
    (v) => (v === "" || v === undefined ? null : v),
    z.coerce.date({ error: "Enter a date." }).nullable(),
  ),
});
export type TPolicyExemptionInput = z.input<typeof ZPolicyExemption>;
