import { SEVERITY_LEVELS } from "@/lib/domain/severity";
import { automationRuleHref } from "./rule-links";
import { RESOLUTION_TEXT } from "./ui-labels";

// History lines for what automation rules and SLAs do to a finding: the rule is named (and
// linked), its reason shown, and an undone change says so. Events from rules have no actor; their
// data carries `rule: {id, name, level}` and `reverted: true` when the rule stopped applying.
// Client-safe.

/** The rule an event names, as the engine writes it into the event's data. */
export type TEventRule = { id: string; name: string; level: "org" | "team" };

export type TAutomationEventInput = {
  kind: string;
  actor: { name: string } | null;
  data: Record<string, unknown>;
  /** The rule's row still exists; its team's slug for a team rule (null: org rule). */
  ruleTarget?: { teamSlug: string | null } | null;
};

export type TAutomationEventView = {
  text: string;
  quote: string | null;
  tone: "neutral" | "green" | "amber" | "blue" | "red";
  /** The part of `text` that names the rule (`rule "…"`), and where that rule's page is. */
  rule: { label: string; href: string | null } | null;
};

/** Kinds only automation and SLAs write. */
const AUTOMATION_KINDS = new Set(["severity_changed", "tagged", "untagged", "due_changed", "moved", "sla_breached"]);

export const UNDONE = " (undone: the rule no longer applies)";

const str = (value: unknown): string | null => (typeof value === "string" && value.trim() ? value : null);

export function ruleOfEvent(data: Record<string, unknown>): TEventRule | null {
  const rule = data.rule;
  if (typeof rule !== "object" || rule === null) return null;
  const { id, name, level } = rule as Record<string, unknown>;
  const ruleName = str(name);
  if (!ruleName) return null;
  return { id: str(id) ?? "", name: ruleName, level: level === "team" ? "team" : "org" };
}

/** "12 Dec": the day a snooze, a resolution or a due date ends (UTC). */
export function shortDate(value: unknown): string | null {
  const s = str(value);
  if (!s || Number.isNaN(Date.parse(s))) return null;
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" }).format(new Date(s));
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const severityWord = (value: unknown) => capital(str(value) ?? "unknown");
const rank = (value: unknown) => SEVERITY_LEVELS.indexOf(value as (typeof SEVERITY_LEVELS)[number]);
const tagList = (value: unknown) =>
  Array.isArray(value) ? value.filter((t): t is string => typeof t === "string").join(", ") : "";
const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;

/**
 * The line of an event a rule wrote, or of a kind only automation writes (whoever wrote it), or
 * null for everything else (describeEvent words those).
 */
export function describeAutomationEvent(
  event: TAutomationEventInput,
  links?: { orgSlug: string },
): TAutomationEventView | null {
  const d = event.data;
  // Lines that read the same whoever caused them.
  if (event.kind === "unresolved" && d.expired) {
    return { text: "Resolution expired; open for triage again", quote: null, tone: "blue", rule: null };
  }
  if (event.kind === "unsnoozed" && d.expired)
    return { text: "The snooze ended", quote: null, tone: "blue", rule: null };
  const rule = ruleOfEvent(d);
  if (!rule && !AUTOMATION_KINDS.has(event.kind)) return null;
  if (event.kind === "sla_breached") {
    const due = shortDate(d.due);
    const days = typeof d.days === "number" ? `${d.days}-day SLA` : null;
    const detail = [due ? `due ${due}` : null, days].filter(Boolean).join(", ");
    return { text: `Past its due date${detail ? ` (${detail})` : ""}`, quote: null, tone: "red", rule: null };
  }

  const label = rule ? `rule "${rule.name}"` : null;
  const person = event.actor?.name || str(d.actorLabel);
  const by = label ? ` by ${label}` : person ? ` by ${person}` : "";
  const undone = d.reverted ? UNDONE : "";
  const reason = str(d.reason);
  const href =
    rule && rule.id && links && event.ruleTarget !== undefined && event.ruleTarget !== null
      ? rule.level === "team" && !event.ruleTarget.teamSlug
        ? null
        : automationRuleHref(links.orgSlug, { id: rule.id, teamSlug: event.ruleTarget.teamSlug })
      : null;
  const view = (text: string, tone: TAutomationEventView["tone"], withReason = false): TAutomationEventView => ({
    text: `${text}${undone}${withReason && reason ? `: ${reason}` : ""}`,
    quote: null,
    tone,
    rule: label ? { label, href } : null,
  });

  switch (event.kind) {
    case "severity_changed": {
      const direction = rank(d.to) >= 0 && rank(d.to) < rank(d.from) ? "raised" : "lowered";
      const level = rule ? ` (${rule.level})` : "";
      return view(
        `Severity ${direction} from ${severityWord(d.from)} to ${severityWord(d.to)}${by}${level}`,
        "blue",
        true,
      );
    }
    case "assigned":
      return view(`Assigned to ${str(d.assigneeName) ?? "someone"}${by}`, "blue");
    case "unassigned": {
      const previous = str(d.previousAssigneeName);
      return view(`Unassigned${previous ? ` ${previous}` : ""}${by}`, "blue");
    }
    case "moved":
      return view(`Given to ${str(d.toTeamName) ?? "no team"}${by}`, "blue");
    case "snoozed": {
      const until = shortDate(d.until);
      return view(`Snoozed${until ? ` until ${until}` : ""}${by}`, "amber");
    }
    case "unsnoozed":
      return view(`Snooze ended${by}`, "blue");
    case "resolved": {
      const resolution = (RESOLUTION_TEXT[str(d.resolution) ?? ""] ?? "resolved").toLowerCase();
      const until = shortDate(d.expiresAt);
      return view(`Resolved as ${resolution}${by}${until ? ` until ${until}` : ""}`, "neutral", true);
    }
    case "unresolved":
      return view(`Open for triage again${by}`, "blue");
    case "tagged":
      return view(`Tagged ${tagList(d.tags) || "(no tags)"}${by}`, "neutral");
    case "untagged":
      return view(`Untagged ${tagList(d.tags) || "(no tags)"}${by}`, "neutral");
    case "due_changed":
      return typeof d.days === "number"
        ? view(`Due in ${plural(d.days, "day")}${by}`, "blue")
        : view(`Due date back to the SLA policy${by}`, "blue");
    default:
      // A rule's event of a kind this page does not know yet: still say which rule.
      return view(`${capital(event.kind.replace(/_/g, " "))}${by}`, "neutral", true);
  }
}
