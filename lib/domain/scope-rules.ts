import { z } from "zod";

// A team's scope as data: ordered include/exclude rules over cluster, namespace, workload kind/name
// and labels (lib/domain/team-scope.ts matches them). Teams store them, policies' exemptions and
// the settings snapshot read them, so they live here rather than in one feature.

// Scope patterns: Kubernetes names plus `*` wildcards; empty means "any".
export const ZPattern = z
  .string()
  .trim()
  .max(253)
  .regex(/^[A-Za-z0-9*._\-/]*$/, "Use letters, digits, . - _ / and * wildcards.")
  .default("*")
  .transform((v) => v || "*");

export const ZLabelKey = z
  .string()
  .trim()
  .min(1)
  .max(317)
  .regex(/^[A-Za-z0-9._\-/]+$/, "Invalid label key.");

export const ZLabelValuePattern = z
  .string()
  .trim()
  .max(63)
  .regex(/^[A-Za-z0-9*._\-]*$/, "Invalid label value pattern.");

export const ZScopeRule = z.object({
  effect: z.enum(["include", "exclude"]),
  cluster: ZPattern,
  namespace: ZPattern,
  kind: ZPattern,
  name: ZPattern,
  /** Every listed label must be present with a value matching its pattern. */
  labels: z.record(ZLabelKey, ZLabelValuePattern).default({}),
});

export const ZScopeRules = z.array(ZScopeRule).max(100, "A team can have at most 100 scope rules.");

export type TScopeRule = z.infer<typeof ZScopeRule>;
export type TScopeRuleInput = z.input<typeof ZScopeRule>;
