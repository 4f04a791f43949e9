"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizeOrg, type TOrgAccess } from "@/lib/auth/access";
import { createSavedView, deleteSavedView, renameSavedView, type TSavedView } from "@/lib/findings/saved-views";
import { ZNewSavedView, ZSavedViewId, ZSavedViewName } from "@/lib/findings/saved-views-schemas";
import {
  assignFindings,
  commentOnFinding,
  resolveFindings,
  snoozeFindings,
  unresolveFindings,
  unsnoozeFindings,
  type TTriageResult,
} from "@/lib/findings/triage";
import { triageContextOf, type TTriageContext } from "@/lib/findings/triage-context";
import {
  snoozeRequestUntil,
  ZAssigneeId,
  ZComment,
  ZFindingId,
  ZFindingIds,
  ZResolveInput,
  ZSnoozeRequest,
} from "@/lib/findings/triage-schemas";
import { fromError, fromZodError, ok, type TActionResult } from "@/lib/server/action-result";

// Triage and saved-view actions for the findings pages. Every form posts `org` and the findings
// as `ids` (repeated fields, a comma list, or both); answers are TActionResult, with problems on
// a field (reason, until, assignee, text, name, query) in fieldErrors.

const ZOrg = z.object({ org: z.string().min(1) });
const ZTarget = ZOrg.extend({ ids: ZFindingIds });

/** Fields as strings; a blank field counts as absent. */
function fields(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === "string" && value.trim() !== "") out[key] ??= value;
  return out;
}

function idsOf(form: FormData): string[] {
  return form
    .getAll("ids")
    .flatMap((v) => (typeof v === "string" ? v.split(",") : []))
    .map((v) => v.trim())
    .filter(Boolean);
}

function revalidateOrg(access: TOrgAccess) {
  // Counts on the overview and team pages change with the findings list and detail.
  revalidatePath(`/o/${access.org.slug}`, "layout");
}

/** Parses `org` + `ids` (+ `extra`), authorizes the session, runs one triage verb. */
async function triageAction<S extends z.ZodType, T>(
  form: FormData,
  extra: S,
  run: (ctx: TTriageContext, ids: string[], input: z.output<S>) => Promise<T>,
): Promise<TActionResult<T>> {
  const values = fields(form);
  const target = ZTarget.safeParse({ org: values.org, ids: idsOf(form) });
  const input = extra.safeParse(values);
  if (!target.success || !input.success) {
    return fromZodError(new z.ZodError([...(target.error?.issues ?? []), ...(input.error?.issues ?? [])]));
  }
  try {
    const access = await authorizeOrg(target.data.org);
    const result = await run(triageContextOf(access), target.data.ids, input.data);
    revalidateOrg(access);
    return ok(result);
  } catch (err) {
    return fromError(err);
  }
}

const ZNothing = z.object({});

export async function resolveFindingsAction(_prev: unknown, form: FormData): Promise<TActionResult<TTriageResult>> {
  return triageAction(form, ZResolveInput, (ctx, ids, input) => resolveFindings(ctx, ids, input));
}

export async function unresolveFindingsAction(_prev: unknown, form: FormData): Promise<TActionResult<TTriageResult>> {
  return triageAction(form, ZNothing, (ctx, ids) => unresolveFindings(ctx, ids));
}

/** `preset` (day, week, month) or `until` (an ISO date or date-time). */
export async function snoozeFindingsAction(_prev: unknown, form: FormData): Promise<TActionResult<TTriageResult>> {
  return triageAction(form, ZSnoozeRequest, (ctx, ids, request) => {
    const now = new Date();
    return snoozeFindings(ctx, ids, { until: snoozeRequestUntil(request, now) }, now);
  });
}

export async function unsnoozeFindingsAction(_prev: unknown, form: FormData): Promise<TActionResult<TTriageResult>> {
  return triageAction(form, ZNothing, (ctx, ids) => unsnoozeFindings(ctx, ids));
}

/** `assignee`: a user id; blank unassigns. */
export async function assignFindingsAction(_prev: unknown, form: FormData): Promise<TActionResult<TTriageResult>> {
  const ZAssign = z.object({ assignee: ZAssigneeId.optional().transform((v) => v ?? null) });
  return triageAction(form, ZAssign, (ctx, ids, input) => assignFindings(ctx, ids, input.assignee));
}

export async function unassignFindingsAction(_prev: unknown, form: FormData): Promise<TActionResult<TTriageResult>> {
  return triageAction(form, ZNothing, (ctx, ids) => assignFindings(ctx, ids, null));
}

/** One finding (`id`, or a single `ids`) and `text`. */
export async function commentOnFindingAction(
  _prev: unknown,
  form: FormData,
): Promise<TActionResult<{ id: string; findingId: string; createdAt: string }>> {
  const values = fields(form);
  const parsed = ZOrg.extend({ id: ZFindingId })
    .extend(ZComment.shape)
    .safeParse({ ...values, id: values.id ?? idsOf(form).join(",") });
  if (!parsed.success) return fromZodError(parsed.error);
  try {
    const access = await authorizeOrg(parsed.data.org);
    const comment = await commentOnFinding(triageContextOf(access), parsed.data.id, parsed.data.text);
    revalidateOrg(access);
    return ok({ id: comment.id, findingId: comment.findingId, createdAt: comment.createdAt.toISOString() });
  } catch (err) {
    return fromError(err);
  }
}

// Saved views: personal, so any member of the org may keep them.

type TSavedViewData = Pick<TSavedView, "id" | "name" | "query">;
const viewData = (v: TSavedView): TSavedViewData => ({ id: v.id, name: v.name, query: v.query });

/** `name` and `query` (the findings URL's search string without "?"; blank for no filters). */
export async function createSavedViewAction(_prev: unknown, form: FormData): Promise<TActionResult<TSavedViewData>> {
  const parsed = ZNewSavedView.extend(ZOrg.shape).safeParse({ query: "", ...fields(form) });
  if (!parsed.success) return fromZodError(parsed.error);
  try {
    const access = await authorizeOrg(parsed.data.org);
    const view = await createSavedView(access.org.id, access.user.id, parsed.data);
    revalidatePath(`/o/${access.org.slug}/findings`, "layout");
    return ok(viewData(view));
  } catch (err) {
    return fromError(err);
  }
}

export async function renameSavedViewAction(_prev: unknown, form: FormData): Promise<TActionResult<TSavedViewData>> {
  const parsed = ZOrg.extend({ id: ZSavedViewId, name: ZSavedViewName }).safeParse(fields(form));
  if (!parsed.success) return fromZodError(parsed.error);
  try {
    const access = await authorizeOrg(parsed.data.org);
    const view = await renameSavedView(access.org.id, access.user.id, parsed.data.id, parsed.data.name);
    revalidatePath(`/o/${access.org.slug}/findings`, "layout");
    return ok(viewData(view));
  } catch (err) {
    return fromError(err);
  }
}

export async function deleteSavedViewAction(_prev: unknown, form: FormData): Promise<TActionResult<{ id: string }>> {
  const parsed = ZOrg.extend({ id: ZSavedViewId }).safeParse(fields(form));
  if (!parsed.success) return fromZodError(parsed.error);
  try {
    const access = await authorizeOrg(parsed.data.org);
    await deleteSavedView(access.org.id, access.user.id, parsed.data.id);
    revalidatePath(`/o/${access.org.slug}/findings`, "layout");
    return ok({ id: parsed.data.id });
  } catch (err) {
    return fromError(err);
  }
}
