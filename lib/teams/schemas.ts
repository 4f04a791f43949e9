import { z } from "zod";

// Scope patterns: Kubernetes names plus `*` wildcards; empty means "any".
const ZPattern = z
  .string()
  .trim()
  .max(253)
  .regex(/^[A-Za-z0-9*._\-/]*$/, "Use letters, digits, . - _ / and * wildcards.")
  .default("*")
  .transform((v) => v || "*");

export const ZScopeRule = z.object({
  effect: z.enum(["include", "exclude"]),
  cluster: ZPattern,
  namespace: ZPattern,
  kind: ZPattern,
  name: ZPattern,
  /** Every listed label must be present with a value matching its pattern. */
  labels: z
    .record(
      z
        .string()
        .trim()
        .min(1)
        .max(317)
        .regex(/^[A-Za-z0-9._\-/]+$/, "Invalid label key."),
      z
        .string()
        .trim()
        .max(63)
        .regex(/^[A-Za-z0-9*._\-]*$/, "Invalid label value pattern."),
    )
    .default({}),
});

export const ZScopeRules = z.array(ZScopeRule).max(100, "A team can have at most 100 scope rules.");

export type TScopeRule = z.infer<typeof ZScopeRule>;
export type TScopeRuleInput = z.input<typeof ZScopeRule>;

export const ZTeamSlug = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, "At least 2 characters.")
  .max(40, "At most 40 characters.")
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, "Lowercase letters, digits and hyphens.");

export const ZTeamName = z.string().trim().min(2, "At least 2 characters.").max(60, "At most 60 characters.");
