import { describeAutomationEvent, type TAutomationEventInput, type TAutomationEventView } from "./rule-events";
import { RESOLUTION_TEXT, SOURCE_LABELS } from "./ui-labels";

// Text the findings pages render: ages, where a finding is, what a history event says, and
// check texts with `code` and links. Pure and client-safe, so it is the same on server and client.

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? "" : "s"}`;
}

/** "just now", "5 min ago", "3 h ago", "yesterday", "4 days ago", "3 weeks ago", "2 months ago", "1 year ago". */
export function formatAge(value: Date | string, now: Date): string {
  const seconds = Math.max(0, (now.getTime() - new Date(value).getTime()) / 1000);
  if (seconds < MINUTE) return "just now";
  if (seconds < HOUR) return `${Math.floor(seconds / MINUTE)} min ago`;
  if (seconds < DAY) return `${Math.floor(seconds / HOUR)} h ago`;
  const days = Math.floor(seconds / DAY);
  if (days === 1) return "yesterday";
  if (days < 14) return `${days} days ago`;
  if (days < 60) return `${plural(Math.floor(days / 7), "week")} ago`;
  if (days < 365) return `${plural(Math.floor(days / 30), "month")} ago`;
  return `${plural(Math.floor(days / 365), "year")} ago`;
}

/** "in 6 days", "tomorrow", "in 3 h": when a snooze ends. */
export function formatUntil(value: Date | string, now: Date): string {
  const seconds = (new Date(value).getTime() - now.getTime()) / 1000;
  if (seconds <= 0) return "now";
  if (seconds < HOUR) return `in ${Math.max(1, Math.round(seconds / MINUTE))} min`;
  if (seconds < DAY) return `in ${Math.round(seconds / HOUR)} h`;
  const days = Math.round(seconds / DAY);
  return days === 1 ? "tomorrow" : `in ${days} days`;
}

export type TWhere = {
  cluster: { name: string };
  namespace: string;
  kind: string;
  name: string;
  container: string;
};

/**
 * Where a finding is, most general first: cluster, namespace, "Kind name", container. Image
 * findings have no namespace; cluster-scoped objects neither.
 */
export function wherePath(f: TWhere): string[] {
  const parts = [f.cluster.name];
  if (f.namespace && !(f.kind === "Namespace" && f.name === f.namespace)) parts.push(f.namespace);
  if (f.name) parts.push(f.kind ? `${f.kind} ${f.name}` : f.name);
  if (f.container) parts.push(`container ${f.container}`);
  return parts;
}

export type TEventInput = TAutomationEventInput & { reportId: string | null };

export type TEventView = {
  /** One sentence: who did what. */
  text: string;
  /** A reason or a note, shown below as the person wrote it. */
  quote: string | null;
  tone: "neutral" | "green" | "amber" | "blue" | "red";
  /** For a rule's change: the words of `text` that name the rule, and its page. */
  rule?: TAutomationEventView["rule"];
};

const str = (value: unknown): string | null => (typeof value === "string" && value.trim() ? value : null);

const untilDate = (value: unknown): string | null => {
  const s = str(value);
  if (!s || Number.isNaN(Date.parse(s))) return null;
  return new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(
    new Date(s),
  );
};

/** What a ticket event did ("Ana created PAY-12"). */
const TICKET_EVENT_VERBS: Record<string, string> = {
  created: "created",
  found: "found its ticket",
  linked: "linked",
  unlinked: "unlinked",
  closed: "closed",
  reopened: "reopened",
};

/**
 * A history event in words, for people who were not there. With `links`, a rule's name links to
 * the rule (when it still exists).
 */
export function describeEvent(event: TEventInput, source: string, links?: { orgSlug: string }): TEventView {
  const automated = describeAutomationEvent(event, links);
  if (automated) return automated;
  const who = event.actor?.name || str(event.data.actorLabel) || "Someone";
  // Admission findings come from reviews of one object, not from a report of the cluster.
  const report =
    source === "admission" ? "the latest admission review" : `the ${SOURCE_LABELS[source] ?? source} report`;
  const d = event.data;
  switch (event.kind) {
    case "opened":
      return { text: `Found by ${report}`, quote: null, tone: "red" };
    case "fixed":
      return { text: `Fixed: no longer in ${report}`, quote: null, tone: "green" };
    case "reopened":
      return { text: `Reopened: back in ${report}`, quote: null, tone: "red" };
    case "removed":
      return { text: "The resource is gone from the cluster's inventory", quote: null, tone: "neutral" };
    case "resolved": {
      const resolution = RESOLUTION_TEXT[str(d.resolution) ?? ""] ?? "resolved";
      return { text: `${who} resolved it: ${resolution.toLowerCase()}`, quote: str(d.reason), tone: "neutral" };
    }
    case "unresolved":
      return { text: `${who} reopened it for triage`, quote: null, tone: "blue" };
    case "snoozed": {
      const until = untilDate(d.until);
      return { text: until ? `${who} snoozed it until ${until} UTC` : `${who} snoozed it`, quote: null, tone: "amber" };
    }
    case "unsnoozed":
      return d.expired
        ? { text: "The snooze ended", quote: null, tone: "blue" }
        : { text: `${who} ended the snooze`, quote: null, tone: "blue" };
    case "assigned":
      return { text: `${who} assigned it to ${str(d.assigneeName) ?? "someone"}`, quote: null, tone: "blue" };
    case "unassigned": {
      const previous = str(d.previousAssigneeName);
      return { text: previous ? `${who} unassigned ${previous}` : `${who} unassigned it`, quote: null, tone: "blue" };
    }
    case "commented":
      return str(d.ticket)
        ? { text: `${who} commented on ${str(d.ticket)}`, quote: str(d.text), tone: "neutral" }
        : { text: `${who} wrote a note`, quote: str(d.text), tone: "neutral" };
    case "ticket": {
      const key = str(d.key) ?? "a ticket";
      const verb = TICKET_EVENT_VERBS[str(d.action) ?? ""] ?? "changed";
      // Without a person it was Bumpers itself (a queued creation, a fix closing the ticket).
      const by = event.actor?.name || str(d.actorLabel) || "Bumpers";
      return { text: `${by} ${verb} ${key}`, quote: null, tone: "blue" };
    }
    default:
      return { text: `${who}: ${event.kind}`, quote: null, tone: "neutral" };
  }
}

export type TSegment = { type: "text" | "code" | "link"; value: string };

const URL_PATTERN = /https?:\/\/[^\s<>"'`)]+[^\s<>"'`).,;:!?]/g;

function linkSegments(text: string): TSegment[] {
  const out: TSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    if (match.index > last) out.push({ type: "text", value: text.slice(last, match.index) });
    out.push({ type: "link", value: match[0] });
    last = match.index + match[0].length;
  }
  if (last < text.length) out.push({ type: "text", value: text.slice(last) });
  return out;
}

/**
 * A check's text as pieces to render: `backticked` parts as code, http(s) URLs as links, the rest
 * as text. Nothing is interpreted as HTML.
 */
export function inlineSegments(text: string): TSegment[] {
  const parts = text.split(/`([^`\n]+)`/);
  return parts.flatMap((part, i): TSegment[] => {
    if (i % 2 === 1) return [{ type: "code", value: part }];
    return part ? linkSegments(part) : [];
  });
}

/** Paragraphs of a check's text (blank lines separate them). */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** "Snoozed 3 findings.", and how many already were so (those get no change and no event). */
export function triageNotice(verb: string, result: { requested: number; changedIds: string[] }): string {
  const changed = result.changedIds.length;
  const same = result.requested - changed;
  if (changed === 0) return `Nothing changed: ${result.requested === 1 ? "it already was" : "they already were"}.`;
  const what = changed === 1 ? "1 finding" : `${changed} findings`;
  return same > 0 ? `${verb} ${what}; ${same} already ${same === 1 ? "was" : "were"}.` : `${verb} ${what}.`;
}

export type TPackage = { name: string; installed: string; fixed: string };

/** The vulnerable packages in a Trivy finding's evidence; anything else in it yields none. */
export function packagesOf(evidence: Record<string, unknown>): TPackage[] {
  const list = evidence.packages;
  if (!Array.isArray(list)) return [];
  const text = (v: unknown) => (typeof v === "string" ? v : "");
  return list
    .filter((p): p is Record<string, unknown> => typeof p === "object" && p !== null && !Array.isArray(p))
    .map((p) => ({ name: text(p.name), installed: text(p.installed), fixed: text(p.fixed) }));
}

export type TAssignablePerson = { id: string; name: string; email: string; orgAdmin: boolean; teams: string[] };

/**
 * Who can take findings of these teams (slugs; null for unassigned): org admins always, others
 * only when they are on every team involved. The server checks the same rule on assignment.
 */
export function eligibleAssignees<T extends TAssignablePerson>(
  people: readonly T[],
  teams: readonly (string | null)[],
): T[] {
  return people.filter((p) => p.orgAdmin || teams.every((t) => t !== null && p.teams.includes(t)));
}
