import { z } from "zod";
import { TEAM_ROLES } from "@/lib/auth/permissions";
import { ZLabelKey, ZLabelValuePattern, ZPattern, type TScopeRule } from "@/lib/domain/scope-rules";

export const ZTeamSlug = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, "At least 2 characters.")
  .max(40, "At most 40 characters.")
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, "Lowercase letters, digits and hyphens.");

export const ZTeamName = z.string().trim().min(2, "At least 2 characters.").max(60, "At most 60 characters.");

// ---- Team administration forms ----

export const ZTeamDescription = z.string().trim().max(500, "At most 500 characters.").default("");

// A blank field is "no number", not 0 (which is what Number("") would give).
export const ZTeamPriority = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
  z.coerce
    .number({ error: "Enter a whole number." })
    .int("Enter a whole number.")
    .min(0, "Use 0 or more.")
    .max(10_000, "Use at most 10000."),
);

export const ZTeamRoleInput = z.enum(TEAM_ROLES, { error: "Choose a role." });

export const ZNewTeam = z.object({
  name: ZTeamName,
  slug: ZTeamSlug,
  description: ZTeamDescription,
  priority: ZTeamPriority,
});
export type TNewTeam = z.infer<typeof ZNewTeam>;

export const ZTeamUpdate = z.object({ name: ZTeamName, description: ZTeamDescription, priority: ZTeamPriority });
export type TTeamUpdate = z.infer<typeof ZTeamUpdate>;

export const ZTeamMemberInput = z.object({
  userId: z.uuid("Choose a member."),
  role: ZTeamRoleInput,
});
export type TTeamMemberInput = z.infer<typeof ZTeamMemberInput>;

/**
 * A scope rule as the editor sends it: labels as an ordered list of key/value rows, so a
 * validation error can point at the row the user typed. Rows left entirely blank are ignored.
 */
export const ZScopeRuleDraft = z
  .object({
    effect: z.enum(["include", "exclude"], { error: "Choose include or exclude." }),
    cluster: ZPattern,
    namespace: ZPattern,
    kind: ZPattern,
    name: ZPattern,
    labels: z
      .array(z.object({ key: z.string().trim(), value: z.string() }))
      .max(20, "At most 20 labels per rule.")
      .default([]),
  })
  .superRefine((rule, ctx) => {
    const seen = new Set<string>();
    rule.labels.forEach((pair, i) => {
      if (!pair.key && !pair.value.trim()) return;
      const key = ZLabelKey.safeParse(pair.key);
      if (!key.success) {
        const message = pair.key ? key.error.issues[0].message : "Enter a label key.";
        ctx.addIssue({ code: "custom", path: ["labels", i, "key"], message });
      } else if (seen.has(key.data)) {
        ctx.addIssue({ code: "custom", path: ["labels", i, "key"], message: "This label is already listed." });
      } else seen.add(key.data);
      const value = ZLabelValuePattern.safeParse(pair.value);
      if (!value.success)
        ctx.addIssue({ code: "custom", path: ["labels", i, "value"], message: value.error.issues[0].message });
    });
  })
  .transform((rule): TScopeRule => ({
    effect: rule.effect,
    cluster: rule.cluster,
    namespace: rule.namespace,
    kind: rule.kind,
    name: rule.name,
    labels: Object.fromEntries(
      rule.labels.filter((pair) => pair.key || pair.value.trim()).map((pair) => [pair.key, pair.value.trim()]),
    ),
  }));

export const ZScopeRulesDraft = z.array(ZScopeRuleDraft).max(100, "A team can have at most 100 scope rules.");
export type TScopeRuleDraftInput = z.input<typeof ZScopeRuleDraft>;
