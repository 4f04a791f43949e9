import "server-only";
import { randomUUID } from "node:crypto";
import type { TNotificationEventType } from "@/lib/domain/notification-events";
import type { TNotification } from "@/lib/domain/notification-message";
import { ruleMatches, type TMatchable } from "../rules/match";
import type { TAlertGrouping, TRuleKind } from "../schemas";
import type { TEngineContext } from "./context";
import type {
  TDesiredGroup,
  TEngineSubscription,
  TExistingGroup,
  TNotifyRoute,
  TNotifyTarget,
  TRouteTarget,
} from "./types";

// Notification subscriptions ride on alert groups: a subscription that matches a group's
// findings adds a route to it, like a rule's PagerDuty destination, so a report that opens 1,000
// findings of one check is one message, its growth and its fix replies in that message's thread,
// and the fix goes to the channels that got the opening. The messages go into the same outbox.

/** Sends per minute on one pacing key: Slack allows about one message a second per channel. */
export const PACE_PER_MINUTE: Readonly<Record<TNotifyTarget["channel"], number>> = {
  slack: 60,
  slack_webhook: 60,
  teams: 30,
  email: 60,
  webhook: 120,
};

/** What a subscription listens to for a group kind. */
const TYPES_OF_KIND: Readonly<Record<TRuleKind, readonly TNotificationEventType[]>> = {
  findings: ["finding_group.opened", "finding_group.reopened", "finding_group.grew", "finding_group.fixed"],
  stale_cluster: ["cluster.stale"],
  budget: ["budget.crossed"],
  // Breaches reach subscriptions as "finding.sla_breached" events (a notification source), not as groups.
  sla_breach: [],
};

const wantsKind = (s: TEngineSubscription, kind: TRuleKind) => TYPES_OF_KIND[kind].some((t) => s.events.includes(t));

/**
 * Whether a subscription hears news of this team: the org's hear every team's, a team's only its
 * own. ownOnly: an alert that belongs to no team's resources (a stale cluster) goes to each
 * owner's subscriptions once, not to the org's again through every team.
 */
const hears = (s: TEngineSubscription, teamId: string | null, ownOnly = false) =>
  ownOnly ? s.teamId === teamId : s.teamId === null || s.teamId === teamId;

/**
 * The notification routes a group of this kind, team and matchable item gets, by grouping: the
 * org's subscriptions (all teams), the team's own, and the baseline's (to the team's channel, or
 * the baseline's own target for a team that has none).
 */
export function notifyRoutesFor(
  ctx: TEngineContext,
  kind: TRuleKind,
  teamId: string | null,
  item: TMatchable,
  options: { ownOnly?: boolean } = {},
): Map<TAlertGrouping, TRouteTarget[]> {
  const out = new Map<TAlertGrouping, TRouteTarget[]>();
  for (const s of ctx.subscriptions) {
    if (!hears(s, teamId, options.ownOnly) || !wantsKind(s, kind) || !ruleMatches(s.match, item)) continue;
    out.set(s.grouping, [...(out.get(s.grouping) ?? []), routeOf(ctx, s, teamId)]);
  }
  return out;
}

type TRoutingContext = Pick<TEngineContext, "subscriptions" | "teamChannel">;

/**
 * The routes of an event that is not an alert group (an admission denial, a blocked CI run…):
 * the same subscriptions as a group's, those whose events include the type and whose match takes
 * any of its items (a CI run's blocking findings are several).
 */
export function notifyRoutesForEvent(
  ctx: TRoutingContext,
  type: TNotificationEventType,
  teamId: string | null,
  items: readonly TMatchable[],
): TNotifyRoute[] {
  return ctx.subscriptions
    .filter((s) => hears(s, teamId) && s.events.includes(type) && items.some((item) => ruleMatches(s.match, item)))
    .map((s) => routeOf(ctx, s, teamId));
}

/** A subscription's route for a team's group: a baseline sends to the team's own channel. */
function routeOf(ctx: TRoutingContext, s: TEngineSubscription, teamId: string | null): TNotifyRoute {
  const target = s.baseline && teamId ? (ctx.teamChannel.get(teamId) ?? s.target) : s.target;
  return {
    destinationId: s.id,
    destinationName: `${s.name} (${target.targetLabel || CHANNEL_NAMES[target.channel]})`,
    routingKeyCiphertext: "",
    keyFingerprint: `${target.paceKey}:${target.target}`,
    notify: { ...target, subscriptionId: s.id, events: s.events },
  };
}

/** Where a recorded notification route sends now (null: its subscription was deleted or switched off). */
export function currentRouteOf(
  ctx: TEngineContext,
  route: { destinationId: string },
  teamId: string | null,
): TRouteTarget | null {
  const s = ctx.subscriptions.find((x) => x.id === route.destinationId);
  return s ? routeOf(ctx, s, teamId) : null;
}

const CHANNEL_NAMES: Readonly<Record<TNotifyTarget["channel"], string>> = {
  slack: "Slack",
  slack_webhook: "Slack webhook",
  teams: "Microsoft Teams",
  email: "email",
  webhook: "webhook",
};

/** A notification route is keyed "notify:…"; a PagerDuty route by its key's fingerprint. */
export const isNotifyRoute = (route: { keyFingerprint: string }) => route.keyFingerprint.startsWith("notify:");

/** Which message a transition is, for a group kind (null: none for this kind). */
export function messageTypeOf(
  kind: TRuleKind,
  transition: "opened" | "reopened" | "grew" | "fixed",
): TNotificationEventType | null {
  if (kind === "findings") return `finding_group.${transition}`;
  if (transition === "opened" || transition === "reopened" || transition === "fixed") {
    return kind === "stale_cluster" ? "cluster.stale" : "budget.crossed";
  }
  return null;
}

/** How a reply in a group's thread says what changed, before the group's title. */
const TITLE_PREFIX: Partial<Record<TNotificationEventType, string>> = {
  "finding_group.reopened": "Back again: ",
  "finding_group.grew": "More resources affected: ",
  "finding_group.fixed": "Fixed: ",
};

const SEVERITY_OF_PD = { critical: "critical", error: "high", warning: "medium", info: "low" } as const;

/** The neutral message for a group (desired now, or as recorded when it resolves). */
export function groupMessage(
  ctx: TEngineContext,
  group: { kind: TRuleKind; teamId: string | null; groupKey: string; epoch: number },
  facts: { title: string; summary: string; link: string; linkText: string; details: Record<string, unknown> },
  type: TNotificationEventType,
  state: "open" | "resolved",
  now: Date,
): TNotification {
  const team = group.teamId ? ctx.teams.get(group.teamId) : undefined;
  const d = facts.details;
  const sample = Array.isArray(d.sample) ? (d.sample as string[]).filter((s) => !s.startsWith("…and ")) : [];
  const affected = typeof d.affected_resources === "number" ? d.affected_resources : undefined;
  const worst = typeof d.worst_severity === "string" ? d.worst_severity : undefined;
  const factRows: { label: string; value: string }[] = [];
  const add = (label: string, value: unknown) => {
    if (value !== undefined && value !== null && value !== "") factRows.push({ label, value: String(value) });
  };
  add("Check", d.check);
  add("Team", team?.name ?? (group.kind === "findings" ? "Unassigned" : undefined));
  add("Clusters", Array.isArray(d.clusters) ? (d.clusters as string[]).join(", ") : d.cluster);
  add("Affected resources", affected);
  add("Category", d.category);
  add("Last report", d.last_report_at);
  return {
    id: randomUUID(),
    type,
    org: { slug: ctx.orgSlug, name: ctx.orgName },
    team: team ? { slug: team.slug, name: team.name } : null,
    title: oneLine(`${TITLE_PREFIX[type] ?? (state === "resolved" ? "Fixed: " : "")}${facts.title}`, 300),
    summary: facts.summary.slice(0, 3000),
    severity:
      group.kind === "findings"
        ? ((worst as TNotification["severity"]) ?? null)
        : (SEVERITY_OF_PD[(d.pd_severity as keyof typeof SEVERITY_OF_PD) ?? "warning"] ?? "medium"),
    state,
    link: facts.link,
    linkText: facts.linkText.slice(0, 75),
    facts: factRows.map((f) => ({ label: f.label, value: f.value.slice(0, 2000) })),
    sample: sample.slice(0, 10).map((s) => s.slice(0, 500)),
    ...(affected && affected > Math.min(sample.length, 10)
      ? { moreCount: affected - Math.min(sample.length, 10) }
      : {}),
    occurredAt: now.toISOString(),
    threadKey: `${group.groupKey}:${group.epoch}`,
  };
}

/** A title on one line, at most `max` characters (the message schema's limits). */
export function oneLine(text: string, max: number): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}

/** Facts of a desired group, in the shape groupMessage reads. */
export const factsOfDesired = (d: TDesiredGroup) => ({
  title: d.title,
  summary: d.facts.summary,
  link: d.facts.link,
  linkText: d.facts.linkText,
  details: { ...d.facts.customDetails, pd_severity: d.pdSeverity },
});

/** Facts of a recorded group (what was stored when it last changed). */
export const factsOfExisting = (e: TExistingGroup) => ({
  title: String(e.details.summary ?? e.groupKey),
  summary: String(e.details.summary ?? ""),
  link: String(e.details.link ?? ""),
  linkText: "Open in Bumpers",
  details: { ...e.details, pd_severity: e.pdSeverity },
});
