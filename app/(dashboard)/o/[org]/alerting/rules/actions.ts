"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actorOf, authorizeOrg, authorizeTeam, type TOrgAccess } from "@/lib/auth/access";
import { previewRules, DRAFT_RULE_ID, type TRulePreview } from "@/lib/alerting/preview";
import { createRule } from "@/lib/alerting/rules/create-rule";
import { deleteRule } from "@/lib/alerting/rules/delete-rule";
import { moveRule } from "@/lib/alerting/rules/move-rule";
import { updateRule } from "@/lib/alerting/rules/update-rule";
import { ZRuleInput } from "@/lib/alerting/schemas";
import { ruleFieldErrors, ruleInputFromForm } from "@/lib/alerting/ui-form";
import { fail, fromError, fromZodError, ok, type TActionResult } from "@/lib/server/action-result";

// One set of actions for the baseline (no team: org admins) and a team's rules (its team admins).
const ZOwner = z.object({
  org: z.string().min(1),
  /** A team slug, or empty for the org baseline. */
  team: z.string().default(""),
  ruleId: z.string().default(""),
});

type TOwner = { access: TOrgAccess; teamId: string | null };

async function authorizeOwner(org: string, team: string): Promise<TOwner> {
  if (!team) return { access: await authorizeOrg(org, "org:integrations:manage"), teamId: null };
  const access = await authorizeTeam(org, team, "team:routing:manage");
  return { access, teamId: access.team.id };
}

const revalidate = (orgSlug: string) => revalidatePath(`/o/${orgSlug}/alerting`, "layout");

/** Field errors keyed like the form's fields ("checks", not "match.checks.2"). */
function withRuleFields<T>(result: TActionResult<T>): TActionResult<T> {
  if (result.ok || !result.error.fieldErrors) return result;
  return fail(result.error.code, result.error.message, ruleFieldErrors(result.error.fieldErrors));
}

function parseRule(form: FormData, draft = false) {
  const owner = ZOwner.safeParse({
    org: form.get("org"),
    team: form.get("team") ?? "",
    ruleId: form.get("ruleId") ?? "",
  });
  const input = ruleInputFromForm(form);
  // A preview needs no name yet.
  if (draft && input.name.trim().length < 2) input.name = "Draft rule";
  const rule = ZRuleInput.safeParse(input);
  return { owner, rule };
}

export async function saveRuleAction(
  _prev: unknown,
  form: FormData,
): Promise<TActionResult<{ id: string; name: string }>> {
  const { owner, rule } = parseRule(form);
  if (!owner.success) return fromZodError(owner.error);
  if (!rule.success) return withRuleFields(fromZodError(rule.error));
  try {
    const { access, teamId } = await authorizeOwner(owner.data.org, owner.data.team);
    const saved = owner.data.ruleId
      ? await updateRule(access.org.id, actorOf(access), teamId, owner.data.ruleId, rule.data)
      : await createRule(access.org.id, actorOf(access), teamId, rule.data);
    revalidate(access.org.slug);
    return ok({ id: saved.id, name: saved.name });
  } catch (err) {
    return withRuleFields(fromError(err));
  }
}

/** What the rule in the form would page for now, in its place among the others. Reads only. */
export async function previewDraftAction(_prev: unknown, form: FormData): Promise<TActionResult<TRulePreview>> {
  const { owner, rule } = parseRule(form, true);
  if (!owner.success) return fromZodError(owner.error);
  if (!rule.success) return withRuleFields(fromZodError(rule.error));
  try {
    const { access, teamId } = await authorizeOwner(owner.data.org, owner.data.team);
    const previews = await previewRules(access.org.id, teamId, {
      draft: rule.data,
      ...(owner.data.ruleId ? { replaceRuleId: owner.data.ruleId } : {}),
    });
    const draft = previews.find((p) => p.ruleId === DRAFT_RULE_ID);
    return draft ? ok(draft) : fail("bad_request", "This rule kind has no preview.");
  } catch (err) {
    return withRuleFields(fromError(err));
  }
}

export async function deleteRuleAction(_prev: unknown, form: FormData): Promise<TActionResult<null>> {
  const owner = ZOwner.safeParse(Object.fromEntries(form));
  if (!owner.success) return fromZodError(owner.error);
  try {
    const { access, teamId } = await authorizeOwner(owner.data.org, owner.data.team);
    await deleteRule(access.org.id, actorOf(access), teamId, owner.data.ruleId);
    revalidate(access.org.slug);
    return ok(null);
  } catch (err) {
    return fromError(err);
  }
}

export async function moveRuleAction(_prev: unknown, form: FormData): Promise<TActionResult<null>> {
  const parsed = ZOwner.extend({ direction: z.enum(["up", "down"]) }).safeParse(Object.fromEntries(form));
  if (!parsed.success) return fromZodError(parsed.error);
  try {
    const { access, teamId } = await authorizeOwner(parsed.data.org, parsed.data.team);
    await moveRule(access.org.id, actorOf(access), teamId, parsed.data.ruleId, parsed.data.direction);
    revalidate(access.org.slug);
    return ok(null);
  } catch (err) {
    return fromError(err);
  }
}
