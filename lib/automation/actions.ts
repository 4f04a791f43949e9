"use server";

import { z } from "zod";
import { orgAction, redirectTo, teamAction } from "@/lib/api/action";
import { AppError } from "@/lib/server/errors";
import { applyRule, cancelJobOfList, jobOfList } from "./rules/apply-rule";
import { createRule } from "./rules/create-rule";
import { deleteRule } from "./rules/delete-rule";
import { moveRule } from "./rules/move-rule";
import { previewDraft } from "./rules/preview-draft";
import { setRuleEnabled, updateRule } from "./rules/update-rule";
import { importRulesYaml, type TYamlIssue } from "./rules/yaml";
import { ZAutomationRuleInput } from "./schemas";

// Automation rules from the pages: one set of actions for the org's list (empty `team`: org admins,
// "org:settings:manage") and a team's list (its team admins, "team:policies:manage"). The rule
// editor posts the rule as JSON (its condition and action builders are not flat form fields).

const RULE_LIST = { permission: "team:policies:manage", withoutTeam: "org:settings:manage" } as const;
const REVALIDATE = [
  { path: "/settings/automation", type: "layout" },
  { path: "/teams", type: "layout" },
] as const;

const ZFlag = z
  .union([z.boolean(), z.string()])
  .default(false)
  .transform((v) => v === true || v === "true" || v === "on");
const ZId = z.string().default("");

/** The form's fields, with `rule` (JSON text when posted as FormData) as an object. */
function ruleFormOf(form: FormData): Record<string, unknown> {
  const raw = form.get("rule");
  let rule: unknown = undefined;
  if (typeof raw === "string" && raw) {
    try {
      rule = JSON.parse(raw);
    } catch {
      rule = raw; // not JSON: the schema says what is wrong with it
    }
  }
  return { ...Object.fromEntries(form), rule };
}

/** "rule.conditions.0.values" → "conditions.0.values": the editor keys errors by the rule's paths. */
const ruleFields = (fieldErrors: Record<string, string[]>) =>
  Object.fromEntries(Object.entries(fieldErrors).map(([k, v]) => [k.replace(/^rule\./, ""), v]));

const ZRuleForm = z.object({ ruleId: ZId, rule: ZAutomationRuleInput, confirmEverything: ZFlag });
const ZPreviewForm = z.object({ ruleId: ZId, rule: z.record(z.string(), z.unknown()) });

const rulePage = (orgSlug: string, teamSlug: string | null, id: string) =>
  teamSlug ? `/o/${orgSlug}/teams/${teamSlug}/automation/${id}` : `/o/${orgSlug}/settings/automation/${id}`;

/**
 * Saves the editor's rule: an edit in place, or a new rule at the end of its list (then its page,
 * where it can be applied to existing findings). A rule that would match every open finding it can
 * reach is refused until `confirmEverything` says so.
 */
export const saveRuleAction = teamAction(
  { ...RULE_LIST, fromForm: ruleFormOf, input: ZRuleForm, formFields: ruleFields, revalidate: [...REVALIDATE] },
  async ({ input, access, actor, team }) => {
    const teamId = team?.id ?? null;
    if (!input.confirmEverything) {
      const preview = await previewDraft(access.org.id, teamId, input.ruleId || null, input.rule, { sampleSize: 0 });
      if (preview.matchesEverything) {
        throw new AppError(
          "bad_request",
          `This rule matches every open finding it can reach (${preview.inScope}). Confirm that this is what you want.`,
          { field: "confirmEverything" },
        );
      }
    }
    if (input.ruleId) {
      const saved = await updateRule(access.org.id, actor, teamId, input.ruleId, input.rule);
      return { id: saved.id, name: saved.name };
    }
    const created = await createRule(access.org.id, actor, teamId, input.rule);
    return redirectTo(rulePage(access.org.slug, team?.slug ?? null, created.id));
  },
);

/** What the draft (or the stored rule being edited) would change now. Reads only. */
export const previewRuleAction = teamAction(
  { ...RULE_LIST, fromForm: ruleFormOf, input: ZPreviewForm, formFields: ruleFields },
  async ({ input, access, team }) =>
    previewDraft(
      access.org.id,
      team?.id ?? null,
      input.ruleId || null,
      input.rule as z.input<typeof ZAutomationRuleInput>,
    ),
);

export const deleteRuleAction = teamAction(
  { ...RULE_LIST, input: z.object({ ruleId: ZId, returnToList: ZFlag }), revalidate: [...REVALIDATE] },
  async ({ input, access, actor, team }) => {
    await deleteRule(access.org.id, actor, team?.id ?? null, input.ruleId);
    if (!input.returnToList) return null;
    const list = team
      ? `/o/${access.org.slug}/teams/${team.slug}/automation`
      : `/o/${access.org.slug}/settings/automation`;
    return redirectTo(list);
  },
);

export const moveRuleAction = teamAction(
  {
    ...RULE_LIST,
    input: z.object({ ruleId: ZId, direction: z.enum(["up", "down"], { error: "Move up or down." }) }),
    revalidate: [...REVALIDATE],
  },
  async ({ input, access, actor, team }) => {
    await moveRule(access.org.id, actor, team?.id ?? null, input.ruleId, input.direction);
    return null;
  },
);

export const setRuleEnabledAction = teamAction(
  { ...RULE_LIST, input: z.object({ ruleId: ZId, enabled: ZFlag }), revalidate: [...REVALIDATE] },
  async ({ input, access, actor, team }) => {
    const rule = await setRuleEnabled(access.org.id, actor, team?.id ?? null, input.ruleId, input.enabled);
    return { enabled: rule.enabled };
  },
);

/** Starts "apply to existing findings" for a saved rule (or returns the job already running). */
export const applyRuleAction = teamAction(
  { ...RULE_LIST, input: z.object({ ruleId: ZId }), revalidate: [...REVALIDATE] },
  async ({ input, access, actor, team }) => applyRule(access.org.id, actor, team?.id ?? null, input.ruleId),
);

/** The job's progress, polled by the apply panel while it runs. */
export const applyJobStatusAction = teamAction(
  { ...RULE_LIST, input: z.object({ jobId: ZId }) },
  async ({ input, access, team }) => jobOfList(access.org.id, team?.id ?? null, input.jobId),
);

export const cancelApplyJobAction = teamAction(
  { ...RULE_LIST, input: z.object({ jobId: ZId }), revalidate: [...REVALIDATE] },
  async ({ input, access, team }) => cancelJobOfList(access.org.id, team?.id ?? null, input.jobId),
);

/** Checks a rules file and answers its diff; with `apply`, replaces the org's lists with it. */
export const importRulesAction = orgAction(
  {
    permission: "org:settings:manage",
    input: z.object({
      yaml: z.string({ error: "Paste or upload a rules file." }).min(1, "Paste or upload a rules file."),
      apply: ZFlag,
    }),
    revalidate: [...REVALIDATE],
  },
  async ({ input, access, actor }) => {
    try {
      return { ...(await importRulesYaml(access.org.id, actor, input.yaml, { dryRun: !input.apply })), issues: [] };
    } catch (err) {
      // A file with problems is an answer to show line by line, not a failed action.
      const issues =
        err instanceof AppError ? (err.details as { issues?: TYamlIssue[] } | undefined)?.issues : undefined;
      if (!issues) throw err;
      return { diff: null, applied: false, issues };
    }
  },
);
