// What Bumpers can notify about: the alerting engine writes these types into the outbox, the
// notifications feature renders them per channel, and subscriptions pick among them. Client-safe.

export const NOTIFICATION_EVENT_TYPES = [
  "finding_group.opened",
  "finding_group.reopened",
  "finding_group.grew",
  "finding_group.fixed",
  "budget.crossed",
  "cost.anomaly",
  "cluster.stale",
  "admission.denied",
  "admission.would_deny",
  "ci.blocked",
  "pagerduty.incident_opened",
  "pagerduty.incident_resolved",
  "finding.assigned",
  "finding.sla_breached",
  "automation.rule_matched",
] as const;
export type TNotificationEventType = (typeof NOTIFICATION_EVENT_TYPES)[number];

/** Digest subscriptions use this on top. */
export const DIGEST_EVENT_TYPE = "digest";
/** Sent only to the assignee's own (personal) subscriptions. */
export const ASSIGNED_EVENT_TYPE = "finding.assigned" satisfies TNotificationEventType;

/** Findings past their SLA due date, one message per team and run (lib/notifications/sources/sla-breached.ts). */
export const SLA_BREACHED_EVENT_TYPE = "finding.sla_breached" satisfies TNotificationEventType;

/**
 * `personal`: only a member's own subscriptions can have it (forms for teams leave it out).
 * `ruleOnly`: sent only by an automation rule's "notify a channel" action, to the rule's own
 * channel; no subscription can pick it.
 */
export type TEventCatalogEntry = {
  type: TNotificationEventType;
  label: string;
  area: string;
  personal?: true;
  ruleOnly?: true;
};

/** How forms and the delivery log name each type, grouped by area. */
export const NOTIFICATION_EVENT_CATALOG: readonly TEventCatalogEntry[] = [
  { type: "finding_group.opened", label: "New findings", area: "Findings" },
  { type: "finding_group.reopened", label: "Findings back after a fix", area: "Findings" },
  { type: "finding_group.grew", label: "More resources affected", area: "Findings" },
  { type: "finding_group.fixed", label: "Fixed", area: "Findings" },
  { type: "finding.sla_breached", label: "Past its due date (SLA)", area: "Findings" },
  { type: "budget.crossed", label: "Budget threshold crossed", area: "Cost" },
  { type: "cost.anomaly", label: "Cost anomaly", area: "Cost" },
  { type: "cluster.stale", label: "Cluster stopped reporting", area: "Clusters" },
  { type: "admission.denied", label: "Deployment denied", area: "Admission" },
  { type: "admission.would_deny", label: "Would deny (passive mode)", area: "Admission" },
  { type: "ci.blocked", label: "CI run blocked on a default branch", area: "CI" },
  { type: "pagerduty.incident_opened", label: "PagerDuty incident opened", area: "PagerDuty" },
  { type: "pagerduty.incident_resolved", label: "PagerDuty incident resolved", area: "PagerDuty" },
  { type: "finding.assigned", label: "Findings assigned to me", area: "Findings", personal: true },
  { type: "automation.rule_matched", label: "Automation rule matched", area: "Automation", ruleOnly: true },
];

/** A new subscription's events when the form leaves them out: the finding group's life. */
export const DEFAULT_SUBSCRIPTION_EVENTS: readonly TNotificationEventType[] = [
  "finding_group.opened",
  "finding_group.reopened",
  "finding_group.fixed",
];

/** Types no subscription may list (see `ruleOnly`). */
export const RULE_ONLY_EVENT_TYPES: ReadonlySet<string> = new Set(
  NOTIFICATION_EVENT_CATALOG.filter((e) => e.ruleOnly).map((e) => e.type),
);
