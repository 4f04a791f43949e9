"use server";

import { z } from "zod";
import { orgAction, publicAction, teamAction } from "@/lib/api/action";
import { canOrg } from "@/lib/auth/permissions";
import { db } from "@/lib/server/db";
import { fail } from "@/lib/server/action-result";
import { appBaseUrl } from "@/lib/server/app-url";
import { AppError } from "@/lib/server/errors";
import { createConnection, deleteConnection, rotateSigningSecret, updateConnection } from "./connections/write";
import { ZSubscriptionInput } from "./schemas";
import { slackChannelsOf, testConnection } from "./connections/test-connection";
import { createSubscription, deleteSubscription, updateSubscription } from "./subscriptions/write";
import { sendDigestNow } from "./digests/run-due";
import { setCostAnomalyFactor } from "./sources/cost-anomaly-factor";
import { ZCostAnomalySetting } from "./sources/schemas";
import { setTeamTimeZone } from "./team-time-zone";
import { INVALID_UNSUBSCRIBE_LINK, unsubscribeWithToken } from "./unsubscribe";
import {
  connectionInputFromForm,
  connectionUpdateFromForm,
  notificationFieldErrors,
  subscriptionInputFromForm,
} from "./ui-form";

// Connections and subscriptions: the org's (empty `team`: org admins) or a team's (its admins),
// through one set of actions; personal subscriptions: any member, for themselves.

const OWNER = { permission: "team:routing:manage", withoutTeam: "org:integrations:manage" } as const;
const REVALIDATE = [
  { path: "/settings/integrations", type: "layout" },
  { path: "/teams", type: "layout" },
  { path: "/notifications", type: "page" },
] as const;
/** The verbs that change what an owner has, and the pages that show it again. */
const OWNER_WRITE = { ...OWNER, revalidate: [...REVALIDATE] };
/** The connections and subscriptions of the team named in the form, or the org's when it names none. */
const ownerOf = (team: { id: string } | null | undefined) => ({ teamId: team?.id ?? null });
const ZId = z.string().default("");
/**
 * The app's public address for a Jira or GitHub connection's webhook URL (shown once). Outside a
 * request (code calling the action directly) there are no headers: the verb uses the configured URL.
 */
const baseUrl = () => appBaseUrl().catch(() => undefined);
const formFields = (fieldErrors: Record<string, string[]>) => notificationFieldErrors(fieldErrors);

/** The raw connection fields (validated by the verbs' schemas, which name the failing field). */
const ZConnectionForm = z.object({ connectionId: ZId, input: z.record(z.string(), z.unknown()) });

export const saveConnectionAction = teamAction(
  {
    ...OWNER_WRITE,
    fromForm: (form) => ({
      org: form.get("org"),
      team: form.get("team") ?? "",
      connectionId: form.get("connectionId") ?? "",
      input: form.get("connectionId") ? connectionUpdateFromForm(form) : connectionInputFromForm(form),
    }),
    input: ZConnectionForm,
    formFields,
  },
  async ({ input, access, actor, team }) => {
    if (input.connectionId) {
      const connection = await updateConnection(access.org.id, actor, ownerOf(team), input.connectionId, input.input);
      return { connection };
    }
    return createConnection(access.org.id, actor, ownerOf(team), input.input as never, { baseUrl: await baseUrl() });
  },
);

export const deleteConnectionAction = teamAction(
  { ...OWNER_WRITE, input: z.object({ connectionId: ZId }) },
  async ({ input, access, actor, team }) => {
    await deleteConnection(access.org.id, actor, ownerOf(team), input.connectionId);
    return null;
  },
);

/** "Send test": the provider's answer is the result (ok or not), shown as it came. */
export const testConnectionAction = teamAction(
  {
    ...OWNER_WRITE,
    input: z.object({ connectionId: ZId, channel: z.string().trim().max(40).default("") }),
  },
  ({ input, access, actor, team }) =>
    testConnection(access.org.id, { ...actor, email: access.user.email }, ownerOf(team), input.connectionId, {
      channel: input.channel || undefined,
    }),
);

/** The channels a Slack connection can post to (the subscription form's picker). */
export const listSlackChannelsAction = teamAction(
  { ...OWNER, input: z.object({ connectionId: ZId }) },
  ({ input, access, team }) => slackChannelsOf(access.org.id, ownerOf(team), input.connectionId),
);

/** A new signing secret for a webhook (or webhook secret for Jira / GitHub), shown once in the answer. */
export const rotateSigningSecretAction = teamAction(
  { ...OWNER_WRITE, input: z.object({ connectionId: ZId }) },
  async ({ input, access, actor, team }) =>
    rotateSigningSecret(access.org.id, actor, ownerOf(team), input.connectionId, { baseUrl: await baseUrl() }),
);

const ZSubscriptionForm = z.object({ subscriptionId: ZId, subscription: ZSubscriptionInput });
const subscriptionForm = (form: FormData) => ({
  org: form.get("org"),
  team: form.get("team") ?? "",
  subscriptionId: form.get("subscriptionId") ?? "",
  subscription: subscriptionInputFromForm(form),
});
const subscriptionFields = (fieldErrors: Record<string, string[]>) =>
  notificationFieldErrors(
    Object.fromEntries(Object.entries(fieldErrors).map(([k, v]) => [k.replace(/^subscription\./, ""), v])),
  );

export const saveSubscriptionAction = teamAction(
  {
    ...OWNER_WRITE,
    fromForm: subscriptionForm,
    input: ZSubscriptionForm,
    formFields: subscriptionFields,
  },
  async ({ input, access, actor, team }) => {
    const saved = input.subscriptionId
      ? await updateSubscription(access.org.id, actor, ownerOf(team), input.subscriptionId, input.subscription)
      : await createSubscription(access.org.id, actor, ownerOf(team), input.subscription);
    return { id: saved.id, name: saved.name };
  },
);

export const deleteSubscriptionAction = teamAction(
  { ...OWNER_WRITE, input: z.object({ subscriptionId: ZId }) },
  async ({ input, access, actor, team }) => {
    await deleteSubscription(access.org.id, actor, ownerOf(team), input.subscriptionId);
    return null;
  },
);

/**
 * A member's own email subscription: a team's digest (a team they are on) or the findings
 * assigned to them. The owner is always the caller.
 */
export const savePersonalSubscriptionAction = orgAction(
  {
    permission: "org:read",
    fromForm: (form) => ({ ...subscriptionForm(form), teamId: form.get("teamId") ?? "" }),
    input: ZSubscriptionForm.extend({ teamId: z.string().default("") }),
    formFields: subscriptionFields,
    revalidate: [...REVALIDATE],
  },
  async ({ input, access, actor }) => {
    let teamId: string | null = null;
    if (input.teamId) {
      const team = await db.team.findFirst({ where: { id: input.teamId, orgId: access.org.id }, select: { id: true } });
      const onTeam = team && (access.teamRoles.has(team.id) || canOrg(access.role, "org:teams:manage"));
      if (!onTeam) throw new AppError("bad_request", "Choose one of your teams.", { field: "teamId" });
      teamId = team.id;
    }
    const owner = { teamId, userId: access.user.id };
    const saved = input.subscriptionId
      ? await updateSubscription(access.org.id, actor, owner, input.subscriptionId, input.subscription)
      : await createSubscription(access.org.id, actor, owner, input.subscription);
    return { id: saved.id, name: saved.name };
  },
);

export const deletePersonalSubscriptionAction = orgAction(
  {
    permission: "org:read",
    input: z.object({ subscriptionId: ZId, teamId: z.string().default("") }),
    revalidate: [...REVALIDATE],
  },
  async ({ input, access, actor }) => {
    const row = await db.notificationSubscription.findFirst({
      where: { id: input.subscriptionId || undefined, orgId: access.org.id, userId: access.user.id },
      select: { teamId: true },
    });
    if (!row) throw new AppError("not_found", "Subscription not found.");
    await deleteSubscription(
      access.org.id,
      actor,
      { teamId: row.teamId, userId: access.user.id },
      input.subscriptionId,
    );
    return null;
  },
);

/** A team's or the org's digest now, as a preview (its schedule does not move). */
export const sendDigestNowAction = teamAction(
  { ...OWNER, input: z.object({ subscriptionId: ZId }) },
  ({ input, access, team }) => sendDigestNow(access.org.id, ownerOf(team), input.subscriptionId),
);

/** A member's own digest now, by email to them. */
export const sendPersonalDigestNowAction = orgAction(
  { permission: "org:read", input: z.object({ subscriptionId: ZId }) },
  async ({ input, access }) => {
    const row = await db.notificationSubscription.findFirst({
      where: { id: input.subscriptionId || undefined, orgId: access.org.id, userId: access.user.id },
      select: { teamId: true },
    });
    if (!row) throw new AppError("not_found", "Subscription not found.");
    return sendDigestNow(access.org.id, { teamId: row.teamId, userId: access.user.id }, input.subscriptionId);
  },
);

/** The factor above which a day's cost is an anomaly (org admins). */
export const setCostAnomalyFactorAction = orgAction(
  { permission: "org:integrations:manage", input: ZCostAnomalySetting, revalidate: [...REVALIDATE] },
  ({ input, access, actor }) => setCostAnomalyFactor(access.org.id, actor, input.costAnomalyFactor),
);

/** The team's time zone: its digests go out at their hour in it. */
export const setTeamTimeZoneAction = teamAction(
  {
    permission: "team:routing:manage",
    input: z.object({ timeZone: z.string().trim().min(1).max(64) }),
    revalidate: [...REVALIDATE],
  },
  async ({ input, access, actor }) => {
    await setTeamTimeZone(access.org.id, actor, access.team.id, input.timeZone);
    return { timeZone: input.timeZone };
  },
);

/**
 * The unsubscribe page's button: no session, the signed token in the mail's link is the authority
 * (lib/notifications/unsubscribe.ts). A token that is not ours is a broken link, not a field.
 */
export const unsubscribeAction = publicAction(
  {
    input: z.object({ token: z.string().min(1).max(1000) }),
    onInvalid: () => fail("not_found", INVALID_UNSUBSCRIBE_LINK),
  },
  ({ input }) => unsubscribeWithToken(input.token),
);
