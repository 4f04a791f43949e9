"use server";

import { z } from "zod";
import { orgAction } from "@/lib/api/action";
import { createSavedView, deleteSavedView, renameSavedView, type TSavedView } from "./saved-views";
import { ZNewSavedView, ZSavedViewId, ZSavedViewName } from "./saved-views-schemas";
import {
  assignFindings,
  commentOnFinding,
  resolveFindings,
  snoozeFindings,
  unresolveFindings,
  unsnoozeFindings,
} from "./triage";
import { triageContextOf } from "./triage-context";
import {
  snoozeRequestUntil,
  ZAssigneeId,
  ZComment,
  ZFindingId,
  ZFindingIds,
  ZResolveInput,
  ZSnoozeRequest,
} from "./triage-schemas";

// Triage and saved-view actions for the findings pages. Every form posts `org` and the findings
// as `ids` (repeated fields, a comma list, or both); problems on a field (reason, until, assignee,
// text, name, query) come back in fieldErrors. Any member may call them: the triage verbs check
// each finding's team role (triageContextOf), and saved views are personal.

/** Fields as strings; a blank field counts as absent. */
function fieldsOf(form: FormData): Record<string, string> {
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

// Counts on the overview and team pages change with the findings list and detail.
const ORG_LAYOUT = { path: "", type: "layout" } as const;

/** Options of a triage action: `ids` plus the verb's own fields. */
function triage<S extends z.ZodType>(extra: S) {
  return {
    permission: "org:read",
    fromForm: (form: FormData) => ({ ...fieldsOf(form), ids: idsOf(form) }),
    input: z.object({ ids: ZFindingIds }).and(extra),
    revalidate: ORG_LAYOUT,
  } as const;
}

const ZNothing = z.object({});

export const resolveFindingsAction = orgAction(triage(ZResolveInput), ({ input, access }) =>
  resolveFindings(triageContextOf(access), input.ids, input),
);

export const unresolveFindingsAction = orgAction(triage(ZNothing), ({ input, access }) =>
  unresolveFindings(triageContextOf(access), input.ids),
);

/** `preset` (day, week, month) or `until` (an ISO date or date-time). */
export const snoozeFindingsAction = orgAction(triage(ZSnoozeRequest), ({ input, access }) => {
  const now = new Date();
  return snoozeFindings(triageContextOf(access), input.ids, { until: snoozeRequestUntil(input, now) }, now);
});

export const unsnoozeFindingsAction = orgAction(triage(ZNothing), ({ input, access }) =>
  unsnoozeFindings(triageContextOf(access), input.ids),
);

/** `assignee`: a user id; blank unassigns. */
export const assignFindingsAction = orgAction(
  triage(z.object({ assignee: ZAssigneeId.optional().transform((v) => v ?? null) })),
  ({ input, access }) => assignFindings(triageContextOf(access), input.ids, input.assignee),
);

export const unassignFindingsAction = orgAction(triage(ZNothing), ({ input, access }) =>
  assignFindings(triageContextOf(access), input.ids, null),
);

/** One finding (`id`, or a single `ids`) and `text`. */
export const commentOnFindingAction = orgAction(
  {
    permission: "org:read",
    fromForm: (form) => {
      const values = fieldsOf(form);
      return { ...values, id: values.id ?? idsOf(form).join(",") };
    },
    input: z.object({ id: ZFindingId }).extend(ZComment.shape),
    revalidate: ORG_LAYOUT,
  },
  async ({ input, access }) => {
    const comment = await commentOnFinding(triageContextOf(access), input.id, input.text);
    return { id: comment.id, findingId: comment.findingId, createdAt: comment.createdAt.toISOString() };
  },
);

// Saved views: personal, so any member of the org may keep them.

const FINDINGS = { path: "/findings", type: "layout" } as const;
const viewData = (v: TSavedView) => ({ id: v.id, name: v.name, query: v.query });

/** `name` and `query` (the findings URL's search string without "?"; blank for no filters). */
export const createSavedViewAction = orgAction(
  {
    permission: "org:read",
    fromForm: (form) => ({ query: "", ...fieldsOf(form) }),
    input: ZNewSavedView,
    revalidate: FINDINGS,
  },
  async ({ input, access }) => viewData(await createSavedView(access.org.id, access.user.id, input)),
);

export const renameSavedViewAction = orgAction(
  {
    permission: "org:read",
    fromForm: fieldsOf,
    input: z.object({ id: ZSavedViewId, name: ZSavedViewName }),
    revalidate: FINDINGS,
  },
  async ({ input, access }) => viewData(await renameSavedView(access.org.id, access.user.id, input.id, input.name)),
);

export const deleteSavedViewAction = orgAction(
  { permission: "org:read", fromForm: fieldsOf, input: z.object({ id: ZSavedViewId }), revalidate: FINDINGS },
  async ({ input, access }) => {
    await deleteSavedView(access.org.id, access.user.id, input.id);
    return { id: input.id };
  },
);
