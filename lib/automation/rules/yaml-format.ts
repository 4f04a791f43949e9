import { z } from "zod";
import { ACTION_LABELS, type TAutomationRuleDraft, type TAutomationRuleInput } from "../schemas";
import type { TNameDirectory } from "./yaml-names";

// The rules file (apiVersion bumpers/v1, kind AutomationRules): each rule as the form has it, with
// names where the database has ids. `ruleToFile` writes one, `fileToInput` reads one back into the
// input every other surface validates with (ZAutomationRuleInput), reporting names it cannot find.

export const API_VERSION = "bumpers/v1";
export const KIND = "AutomationRules";

/** A rule as the file holds it; everything but name and actions may be left out. */
export const ZFileRule = z.strictObject({
  name: z.string({ error: "Give the rule a name." }),
  enabled: z.boolean().optional(),
  stopProcessing: z.boolean().optional(),
  expiresAt: z.union([z.string(), z.date()]).nullable().optional(),
  note: z.string().optional(),
  conditions: z.array(z.record(z.string(), z.unknown()), { error: "conditions is a list." }).optional(),
  actions: z.record(z.string(), z.unknown(), { error: "actions is a map of action → settings." }),
});
export type TFileRule = z.infer<typeof ZFileRule>;

export const ZRulesFile = z.strictObject({
  apiVersion: z.literal(API_VERSION, { error: `apiVersion must be ${API_VERSION}.` }),
  kind: z.literal(KIND, { error: `kind must be ${KIND}.` }),
  /** The org's slug when exported: informative, a file can move to another org. */
  org: z.string().optional(),
  rules: z.array(z.unknown(), { error: "rules is a list of the org's rules." }).default([]),
  teams: z
    .record(z.string(), z.array(z.unknown(), { error: "Each team holds a list of rules." }).nullable(), {
      error: "teams maps a team's slug to its rules.",
    })
    .default({}),
});

/** One problem, at a path of the file ("teams.payments.0.actions.assign.user"). */
export type TFileIssue = { path: (string | number)[]; message: string };

// Keys that name something: the file's key, the input's key, and the directory that resolves it.
const REFERENCES = [
  { action: "assign", fileKey: "user", key: "userId", directory: "users", what: "member (by email)" },
  { action: "team", fileKey: "team", key: "teamId", directory: "teams", what: "team (by slug)" },
  {
    action: "notify",
    fileKey: "connection",
    key: "connectionId",
    directory: "connections",
    what: "connection (by name)",
  },
  {
    action: "page",
    fileKey: "destination",
    key: "destinationId",
    directory: "destinations",
    what: "PagerDuty destination (by name)",
  },
] as const;

/** An input path (actions.assign.userId) as the file names it (actions.assign.user). */
export function filePathOf(path: readonly (string | number)[]): (string | number)[] {
  if (path[0] !== "actions") return [...path];
  const ref = REFERENCES.find((r) => r.action === path[1] && r.key === path[2]);
  return ref ? ["actions", ref.action, ref.fileKey, ...path.slice(3)] : [...path];
}

/** A stored rule as the file writes it: defaults left out, ids as names. */
export function ruleToFile(rule: TAutomationRuleDraft, names: TNameDirectory): Record<string, unknown> {
  const actions: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rule.actions)) {
    if (value === undefined) continue;
    const ref = REFERENCES.find((r) => r.action === key);
    if (!ref) {
      actions[key] = value;
      continue;
    }
    const { [ref.key]: id, ...rest } = value as Record<string, string>;
    actions[key] = { [ref.fileKey]: names[ref.directory].nameOf(id), ...rest };
  }
  return {
    name: rule.name,
    ...(rule.enabled ? {} : { enabled: false }),
    ...(rule.stopProcessing ? { stopProcessing: true } : {}),
    ...(rule.expiresAt ? { expiresAt: rule.expiresAt.toISOString() } : {}),
    ...(rule.note ? { note: rule.note } : {}),
    ...(rule.conditions.length
      ? {
          conditions: rule.conditions.map(({ negate, ...c }) => ({
            ...(c.field === "team" ? { ...c, values: c.values.map((id) => names.teams.nameOf(id)) } : c),
            ...(negate ? { negate: true } : {}),
          })),
        }
      : {}),
    actions,
  };
}

/** A file's rule as the input ZAutomationRuleInput parses, and the names it could not resolve. */
export function fileToInput(
  rule: TFileRule,
  names: TNameDirectory,
): { input: TAutomationRuleInput; issues: TFileIssue[] } {
  const issues: TFileIssue[] = [];
  const actions: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rule.actions)) {
    if (!(key in ACTION_LABELS)) {
      issues.push({
        path: ["actions", key],
        message: `Unknown action “${key}”: use ${Object.keys(ACTION_LABELS).join(", ")}.`,
      });
      continue;
    }
    const ref = REFERENCES.find((r) => r.action === key);
    if (!ref || typeof value !== "object" || value === null) {
      actions[key] = value;
      continue;
    }
    const { [ref.fileKey]: named, ...rest } = value as Record<string, unknown>;
    const id = typeof named === "string" ? names[ref.directory].idOf(named) : null;
    if (!id) {
      issues.push({
        path: ["actions", key, ref.fileKey],
        message:
          named === undefined ? `Name the ${ref.what}.` : `No ${ref.what} “${String(named)}” in this organization.`,
      });
    }
    actions[key] = { ...rest, [ref.key]: id ?? "" };
  }
  const conditions = (rule.conditions ?? []).map((c, i) => {
    if (c.field !== "team" || !Array.isArray(c.values)) return c;
    const values = c.values.map((slug, j) => {
      const id = typeof slug === "string" ? names.teams.idOf(slug) : null;
      if (!id)
        issues.push({
          path: ["conditions", i, "values", j],
          message: `No team “${String(slug)}” in this organization.`,
        });
      return id ?? "";
    });
    return { ...c, values };
  });
  const input = {
    name: rule.name,
    enabled: rule.enabled ?? true,
    stopProcessing: rule.stopProcessing ?? false,
    expiresAt: rule.expiresAt ?? null,
    note: rule.note ?? "",
    conditions,
    actions,
  } as TAutomationRuleInput;
  return { input, issues };
}
