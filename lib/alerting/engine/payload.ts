import { createHash } from "node:crypto";
import type { TPdSeverity } from "../schemas";
import type { TGroupFacts } from "./types";

// The Events API v2 body (without routing_key, added at send time so the outbox never holds a
// readable key). Limits from PagerDuty: summary ≤ 1024 characters, dedup_key ≤ 255, whole event
// ≤ 512 KB; samples are bounded so an event stays a few KB whatever the group's size.

export const SUMMARY_MAX = 1024;
export const SAMPLE_MAX = 20;
export const CLIENT = "Bumpers";

export type TEventBody = {
  event_action: "trigger" | "acknowledge" | "resolve";
  dedup_key: string;
  payload?: {
    summary: string;
    source: string;
    severity: TPdSeverity;
    timestamp: string;
    component: string;
    group: string;
    class: string;
    custom_details: Record<string, unknown>;
  };
  links?: { href: string; text: string }[];
  client?: string;
  client_url?: string;
};

/** The identity of a group without its epoch: org, team, kind, subject and scope. */
export function groupKeyOf(parts: {
  orgId: string;
  teamId: string | null;
  kind: string;
  subject: string;
  scope: string;
}): string {
  return createHash("sha256")
    .update([parts.orgId, parts.teamId ?? "unassigned", parts.kind, parts.subject, parts.scope].join("\u0000"))
    .digest("hex");
}

/**
 * Stable per group and firing: independent of rule order and destination (editing rules never
 * orphans an open incident), new after each resolve (a recurrence is a new incident).
 */
export function dedupKeyOf(groupKey: string, epoch: number): string {
  return `bumpers-${createHash("sha256").update(`${groupKey}:${epoch}`).digest("hex").slice(0, 40)}`;
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A bounded list: the first `max` items, then "…and N more" when there are more. */
export function boundedSample(items: readonly string[], total: number, max = SAMPLE_MAX): string[] {
  const shown = items.slice(0, max);
  return total > shown.length ? [...shown, `…and ${total - shown.length} more`] : shown;
}

export function triggerBody(dedupKey: string, severity: TPdSeverity, facts: TGroupFacts, clientUrl: string, now: Date) {
  const body: TEventBody = {
    event_action: "trigger",
    dedup_key: dedupKey,
    payload: {
      summary: truncate(facts.summary, SUMMARY_MAX),
      source: truncate(facts.source, 255),
      severity,
      timestamp: now.toISOString(),
      component: truncate(facts.component, 255),
      group: truncate(facts.group, 255),
      class: truncate(facts.class, 255),
      custom_details: facts.customDetails,
    },
    links: [{ href: facts.link, text: facts.linkText }],
    client: CLIENT,
    client_url: clientUrl,
  };
  return body;
}

export function resolveBody(dedupKey: string): TEventBody {
  return { event_action: "resolve", dedup_key: dedupKey };
}
