import { z } from "zod";

export const BUDGET_SCOPES = ["team", "service", "label"] as const;
export type TBudgetScope = (typeof BUDGET_SCOPES)[number];

export const ZBudgetThreshold = z.object({
  /** actual: month-to-date spend; forecast: the linear month-end forecast. */
  basis: z.enum(["actual", "forecast"]),
  percent: z.number().int().min(1).max(1000),
});
export type TBudgetThreshold = z.infer<typeof ZBudgetThreshold>;

/** 80 % and 100 % of actual spend, and 100 % of the forecast: the common set, used when none is given. */
export const DEFAULT_THRESHOLDS: readonly TBudgetThreshold[] = [
  { basis: "actual", percent: 80 },
  { basis: "actual", percent: 100 },
  { basis: "forecast", percent: 100 },
];

export const thresholdKey = (t: TBudgetThreshold) => `${t.basis}:${t.percent}`;

export const ZBudgetInput = z
  .object({
    name: z.string().trim().min(1, "Give the budget a name.").max(120),
    scope: z.enum(BUDGET_SCOPES),
    /** Team id: required for team and service budgets; optional for label budgets (org-wide then). */
    teamId: z
      .uuid()
      .nullish()
      .transform((v) => v ?? null),
    /** Service name (scope service) or label value (scope label). */
    value: z.string().trim().max(253).default(""),
    labelKey: z.string().trim().max(317).default(""),
    monthlyAmount: z.number().positive("The amount must be more than 0.").max(1e12),
    thresholds: z
      .array(ZBudgetThreshold)
      .max(10)
      .default([...DEFAULT_THRESHOLDS])
      .transform((list) => {
        const seen = new Map(list.map((t) => [thresholdKey(t), t]));
        return [...seen.values()].sort((a, b) => a.basis.localeCompare(b.basis) || a.percent - b.percent);
      }),
  })
  .superRefine((b, ctx) => {
    if (b.scope !== "label" && !b.teamId) ctx.addIssue({ code: "custom", path: ["teamId"], message: "Choose a team." });
    if (b.scope === "service" && !b.value)
      ctx.addIssue({ code: "custom", path: ["value"], message: "Name the service." });
    if (b.scope === "label" && !b.labelKey)
      ctx.addIssue({ code: "custom", path: ["labelKey"], message: "Name the label key." });
    if (b.scope === "label" && !b.value)
      ctx.addIssue({ code: "custom", path: ["value"], message: "Name the label value." });
  });
export type TBudgetInput = z.input<typeof ZBudgetInput>;
export type TBudget = z.output<typeof ZBudgetInput>;
