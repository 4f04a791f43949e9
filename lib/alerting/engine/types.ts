import type { TAlertGrouping, TPdSeverity, TRuleKind, TRuleMatch } from "../schemas";

/** Where a notification subscription sends (lib/alerting/engine/notify.ts). */
export type TNotifyTarget = {
  channel: "slack" | "slack_webhook" | "teams" | "email" | "webhook";
  /** Null: email through the install's SMTP server. */
  connectionId: string | null;
  /** A Slack channel id, email addresses, or "". */
  target: string;
  targetLabel: string;
  /** Messages sharing it are paced together (a Slack channel, a webhook, an SMTP server). */
  paceKey: string;
};

/** An events subscription as the engine needs it (personal and digest ones are not routed here). */
export type TEngineSubscription = {
  id: string;
  teamId: string | null;
  name: string;
  baseline: boolean;
  match: TRuleMatch;
  grouping: TAlertGrouping;
  events: string[];
  target: TNotifyTarget;
};

/**
 * A destination a group's firing goes to: a PagerDuty service (the sealed key travels with it to
 * routes and events), or a notification subscription (`notify`; destinationId is its id).
 */
export type TRouteTarget = {
  destinationId: string;
  destinationName: string;
  routingKeyCiphertext: string;
  keyFingerprint: string;
  notify?: TNotifyTarget & { subscriptionId: string; events: readonly string[] };
};

/** A route to a notification subscription. */
export type TNotifyRoute = TRouteTarget & { notify: NonNullable<TRouteTarget["notify"]> };

/** What the Events API payload says about a group (see payload.ts). */
export type TGroupFacts = {
  summary: string;
  /** The cluster (or clusters) affected. */
  source: string;
  component: string;
  /** The owning team's slug, or "unassigned". */
  group: string;
  /** The category, "stale-cluster" or "budget". */
  class: string;
  /** Bounded: count, sample of affected resources, "…and N more". */
  customDetails: Record<string, unknown>;
  /** Absolute URL of the Bumpers page listing what is affected. */
  link: string;
  linkText: string;
};

/** A group as the current findings and rules say it should be (open). */
export type TDesiredGroup = {
  kind: TRuleKind;
  teamId: string | null;
  groupKey: string;
  grouping: TAlertGrouping;
  subject: string;
  scope: Record<string, string>;
  title: string;
  pdSeverity: TPdSeverity;
  affectedCount: number;
  routes: TRouteTarget[];
  facts: TGroupFacts;
  /** The rules that matched (for the preview; not stored). */
  ruleIds: string[];
};

export type TExistingRoute = {
  id: string;
  destinationId: string;
  keyFingerprint: string;
  routingKeyCiphertext: string;
};

export type TExistingGroup = {
  id: string;
  groupKey: string;
  teamId: string | null;
  kind: TRuleKind;
  epoch: number;
  status: "open" | "resolved";
  dedupKey: string;
  affectedCount: number;
  pdSeverity: TPdSeverity;
  details: Record<string, unknown>;
  /** Open routes of the current epoch. */
  routes: TExistingRoute[];
};
