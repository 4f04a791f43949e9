"use server";

import { z } from "zod";
import { orgAction, redirectTo, teamAction } from "@/lib/api/action";
import { AppError } from "@/lib/server/errors";
import { createDestination } from "./destinations/create-destination";
import { deleteDestination } from "./destinations/delete-destination";
import { retryDelivery } from "./delivery/retry-event";
import { sendTestEvent } from "./destinations/send-test-event";
import { updateDestination } from "./destinations/update-destination";
import { previewRules, DRAFT_RULE_ID } from "./preview";
import { createRule } from "./rules/create-rule";
import { deleteRule } from "./rules/delete-rule";
import { moveRule } from "./rules/move-rule";
import { updateRule } from "./rules/update-rule";
import { ZDestinationUpdate, ZNewDestination, ZRuleInput } from "./schemas";
import { ruleFieldErrors, ruleInputFromForm } from "./ui-form";

const ALERTING = { path: "/alerting", type: "layout" } as const;

// Rules: one set of actions for the baseline (empty `team`: org admins) and a team's rules (its
// team admins).
const RULE_OWNER = { permission: "team:routing:manage", withoutTeam: "org:integrations:manage" } as const;
const ZRuleId = z.string().default("");

/** The rule form as { org, team, ruleId, rule }; a preview needs no name yet. */
function ruleFormOf(draft: boolean) {
  return (form: FormData) => {
    const rule = ruleInputFromForm(form);
    if (draft && rule.name.trim().length < 2) rule.name = "Draft rule";
    return { org: form.get("org"), team: form.get("team") ?? "", ruleId: form.get("ruleId") ?? "", rule };
  };
}

const ZRuleForm = z.object({ ruleId: ZRuleId, rule: ZRuleInput });

/** Field errors keyed like the form's fields ("checks", not "rule.match.checks.2"). */
const ruleFormFields = (fieldErrors: Record<string, string[]>) =>
  ruleFieldErrors(Object.fromEntries(Object.entries(fieldErrors).map(([k, v]) => [k.replace(/^rule\./, ""), v])));

export const saveRuleAction = teamAction(
  { ...RULE_OWNER, fromForm: ruleFormOf(false), input: ZRuleForm, formFields: ruleFormFields, revalidate: ALERTING },
  async ({ input, access, actor, team }) => {
    const teamId = team?.id ?? null;
    const saved = input.ruleId
      ? await updateRule(access.org.id, actor, teamId, input.ruleId, input.rule)
      : await createRule(access.org.id, actor, teamId, input.rule);
    return { id: saved.id, name: saved.name };
  },
);

/** What the rule in the form would page for now, in its place among the others. Reads only. */
export const previewDraftAction = teamAction(
  { ...RULE_OWNER, fromForm: ruleFormOf(true), input: ZRuleForm, formFields: ruleFormFields },
  async ({ input, access, team }) => {
    const previews = await previewRules(access.org.id, team?.id ?? null, {
      draft: input.rule,
      ...(input.ruleId ? { replaceRuleId: input.ruleId } : {}),
    });
    const draft = previews.find((p) => p.ruleId === DRAFT_RULE_ID);
    if (!draft) throw new AppError("bad_request", "This rule kind has no preview.");
    return draft;
  },
);

export const deleteRuleAction = teamAction(
  { ...RULE_OWNER, input: z.object({ ruleId: ZRuleId }), revalidate: ALERTING },
  async ({ input, access, actor, team }) => {
    await deleteRule(access.org.id, actor, team?.id ?? null, input.ruleId);
    return null;
  },
);

export const moveRuleAction = teamAction(
  { ...RULE_OWNER, input: z.object({ ruleId: ZRuleId, direction: z.enum(["up", "down"]) }), revalidate: ALERTING },
  async ({ input, access, actor, team }) => {
    await moveRule(access.org.id, actor, team?.id ?? null, input.ruleId, input.direction);
    return null;
  },
);

// Destinations (PagerDuty services): org admins.

const ZTarget = z.object({ destinationId: z.string().min(1) });

export const createDestinationAction = orgAction(
  { permission: "org:integrations:manage", input: ZNewDestination, revalidate: ALERTING },
  async ({ input, access, actor }) => {
    const created = await createDestination(access.org.id, actor, input);
    return { id: created.id, name: created.name, keyReplaced: false };
  },
);

export const updateDestinationAction = orgAction(
  { permission: "org:integrations:manage", input: ZDestinationUpdate.extend(ZTarget.shape), revalidate: ALERTING },
  async ({ input: { destinationId, ...input }, access, actor }) => {
    const updated = await updateDestination(access.org.id, actor, destinationId, input);
    return { id: updated.id, name: updated.name, keyReplaced: Boolean(input.routingKey) };
  },
);

/**
 * Deletes from the destination's own page, then goes back to the list on the server: refreshing
 * the deleted destination's page first would show a 404.
 */
export const deleteDestinationAction = orgAction(
  { permission: "org:integrations:manage", input: ZTarget, revalidate: ALERTING },
  async ({ input, access, actor }) => {
    await deleteDestination(access.org.id, actor, input.destinationId);
    return redirectTo(`/o/${access.org.slug}/alerting/destinations`);
  },
);

/** A failed delivery (PagerDuty event or message) is due again now. */
export const retryDeliveryAction = orgAction(
  { permission: "org:integrations:manage", input: z.object({ eventId: z.string().default("") }), revalidate: ALERTING },
  async ({ input, access, actor }) => {
    await retryDelivery(access.org.id, actor, input.eventId);
    return null;
  },
);

/** Sends a trigger and its resolve now; PagerDuty refusing them is data (shown), not an action error. */
export const testDestinationAction = orgAction(
  { permission: "org:integrations:manage", input: ZTarget, revalidate: ALERTING },
  ({ input, access, actor }) => sendTestEvent(access.org.id, actor, input.destinationId),
);
