"use server";

import { z } from "zod";
import { orgAction, teamAction } from "@/lib/api/action";
import { checkById } from "./checks";
import { createPolicyExemption, deletePolicyExemption } from "./exemptions-admin";
import { setPolicyMode, updateOrgCheckSetting, updateTeamCheckSetting } from "./update-settings";

// Check settings and exemption rules. Org settings are for org admins; a team's overrides for its
// team admins (org admins act as admins of every team).
const POLICIES = { path: "/policies", type: "layout" } as const;

// The forms' fields as the lib verbs take them (text, "" when absent); each verb parses them with
// its own schema (ZOrgCheckSetting, ZTeamCheckSetting, ZPolicyMode, ZPolicyExemption).
const ZText = z.string().default("");
const ZCheckForm = z.object({
  checkId: ZText,
  enabled: ZText,
  severity: ZText,
  blockAdmission: ZText,
  blockCi: ZText,
});

/** The org's setting of one check. */
export const updateOrgCheckAction = orgAction(
  { permission: "org:settings:manage", input: ZCheckForm, revalidate: POLICIES },
  async ({ input, access }) => {
    await updateOrgCheckSetting(access, input);
    return { checkId: input.checkId };
  },
);

/** Passive mode on or off. */
export const setPolicyModeAction = orgAction(
  { permission: "org:settings:manage", input: z.object({ passive: ZText }), revalidate: POLICIES },
  ({ input, access }) => setPolicyMode(access, input),
);

/** A team's override of one check; refused when the org's setting changed since the page loaded. */
export const updateTeamCheckAction = teamAction(
  {
    permission: "team:policies:manage",
    input: ZCheckForm,
    revalidate: POLICIES,
    // The refusal means the page shows an old org setting: show it the new one.
    revalidateOn: ["conflict"],
  },
  async ({ input, access }) => {
    const { saved } = await updateTeamCheckSetting(access, input);
    return { checkId: input.checkId, saved };
  },
);

/** "a, b c" → ["a", "b", "c"]: the form takes check ids as a list, like the alert rules do. */
const listOf = (value: string) =>
  value
    .split(/[\s,]+/)
    .map((v) => v.trim())
    .filter(Boolean);

/** A date without a time means the whole day: the rule expires at its end (UTC). */
const expiryOf = (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T23:59:59.999Z` : value);

/** The exemption form; ZPolicyExemption (in createPolicyExemption) checks the rest. */
const ZExemptionForm = z.object({
  checkIds: ZText.transform(listOf).superRefine((ids, ctx) => {
    const unknown = ids.filter((id) => id !== "*" && !checkById(id));
    if (unknown.length)
      ctx.addIssue({
        code: "custom",
        message: `Unknown check ${unknown.join(", ")}: use the ids on the Checks tab, or * for every check.`,
      });
  }),
  teamId: ZText,
  cluster: ZText,
  namespace: ZText,
  kind: ZText,
  name: ZText,
  reason: ZText,
  expiresAt: ZText.transform(expiryOf),
});

/** Zod names "checkIds.2"; the form has one "checkIds" field. */
function exemptionFormFields(fieldErrors: Record<string, string[]>): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(fieldErrors)) (fields[key.split(".")[0]!] ??= []).push(...messages);
  return fields;
}

export const createExemptionAction = orgAction(
  { permission: "org:settings:manage", input: ZExemptionForm, formFields: exemptionFormFields, revalidate: POLICIES },
  async ({ input, access }) => {
    const created = await createPolicyExemption(access, input);
    return { id: created.id };
  },
);

export const deleteExemptionAction = orgAction(
  { permission: "org:settings:manage", input: z.object({ id: z.string().min(1) }), revalidate: POLICIES },
  async ({ input, access }) => {
    await deletePolicyExemption(access, input.id);
    return null;
  },
);
