import type { TActions, TCondition } from "../schemas";

// One line of plain English per rule, for the lists, the editor's header and the YAML diff:
// "When severity ≥ high and namespace is kube-system on clusters staging-* → set severity low, add
// tag platform". Pure and client-safe: ids are named through `names` (team, person, connection and
// destination names the page already has), and fall back to a short form of the id.

export type TRuleNames = {
  teams?: ReadonlyMap<string, string>;
  users?: ReadonlyMap<string, string>;
  connections?: ReadonlyMap<string, string>;
  destinations?: ReadonlyMap<string, string>;
};

type TDescribable = { conditions: readonly TCondition[]; actions: TActions; stopProcessing?: boolean };

const RESOLUTION_TEXT = { will_not_fix: "will not fix", working_as_intended: "working as intended" } as const;
const TICKET_TEXT = {
  check: "one per check",
  check_cluster: "one per check and cluster",
  findings: "one per finding",
} as const;

const nameOf = (map: ReadonlyMap<string, string> | undefined, id: string) => map?.get(id) ?? `#${id.slice(0, 8)}`;

/** "a", "a or b", "a, b or c". */
function either(values: readonly string[]): string {
  if (values.length <= 1) return values[0] ?? "";
  return `${values.slice(0, -1).join(", ")} or ${values[values.length - 1]}`;
}

const isPlural = (values: readonly string[]) => values.length > 1 || values.some((v) => v.includes("*"));

/** "namespace is kube-system", "is one of a, b", "is not a", "is none of a, b". */
function isPhrase(label: string, values: readonly string[], negate: boolean): string {
  if (values.length === 1) return `${label} is ${negate ? "not " : ""}${values[0]}`;
  return `${label} is ${negate ? "none" : "one"} of ${values.join(", ")}`;
}

const LIST_LABELS = {
  namespace: "namespace",
  workload_kind: "kind",
  workload_name: "workload",
  source: "source",
  check: "check",
  category: "category",
  image_repository: "image",
  image_tag: "image tag",
  cve: "CVE",
  package: "package",
} as const;

/** One condition as a phrase; clusters read as a place ("on clusters staging-*"). */
export function describeCondition(condition: TCondition, names: TRuleNames = {}): string {
  const not = condition.negate;
  switch (condition.field) {
    case "cluster": {
      const noun = isPlural(condition.values) ? "clusters" : "cluster";
      return `${not ? "not " : ""}on ${noun} ${either(condition.values)}`;
    }
    case "resource_label":
    case "namespace_label": {
      const noun = condition.field === "resource_label" ? "resource label" : "namespace label";
      return `${not ? "no" : "has"} ${noun} ${either(condition.values)}`;
    }
    case "title":
      return `title ${not ? "does not contain" : "contains"} ${either(condition.values.map((v) => `“${v}”`))}`;
    case "team":
      return isPhrase(
        "team",
        condition.values.map((id) => nameOf(names.teams, id)),
        not,
      );
    case "lifecycle":
      return `finding is ${not ? "not " : ""}${either(condition.values)}`;
    case "severity": {
      const op = condition.op === "at_least" ? (not ? "<" : "≥") : not ? ">" : "≤";
      return `severity ${op} ${condition.value}`;
    }
    case "age_days": {
      const op = condition.op === "at_least" ? (not ? "<" : "≥") : not ? ">" : "≤";
      return `age ${op} ${condition.value} day${condition.value === 1 ? "" : "s"}`;
    }
    case "fix_available":
      return condition.value !== not ? "a fix is available" : "no fix is available";
    default:
      return isPhrase(LIST_LABELS[condition.field], condition.values, not);
  }
}

/** What the rule does, as a comma list ("set severity low, add tag platform"). */
export function describeActions(actions: TActions, names: TRuleNames = {}): string {
  const parts: string[] = [];
  if (actions.severity) parts.push(`set severity ${actions.severity.to}`);
  if (actions.assign) parts.push(`assign to ${nameOf(names.users, actions.assign.userId)}`);
  if (actions.team) parts.push(`give to team ${nameOf(names.teams, actions.team.teamId)}`);
  if (actions.addTags?.length)
    parts.push(`add tag${actions.addTags.length > 1 ? "s" : ""} ${actions.addTags.join(", ")}`);
  if (actions.snooze) parts.push(`snooze for ${days(actions.snooze.days)}`);
  if (actions.resolve) {
    const until = actions.resolve.expiresInDays ? ` for ${days(actions.resolve.expiresInDays)}` : "";
    parts.push(`resolve as ${RESOLUTION_TEXT[actions.resolve.resolution]}${until}`);
  }
  if (actions.due) parts.push(`due in ${days(actions.due.days)}`);
  if (actions.ticket) parts.push(`create a ticket (${TICKET_TEXT[actions.ticket.subject]})`);
  if (actions.notify) {
    const target = actions.notify.target ? ` ${actions.notify.target}` : "";
    parts.push(`notify ${nameOf(names.connections, actions.notify.connectionId)}${target}`);
  }
  if (actions.page)
    parts.push(`page ${nameOf(names.destinations, actions.page.destinationId)} (${actions.page.severity})`);
  return parts.join(", ") || "do nothing";
}

const days = (n: number) => `${n} day${n === 1 ? "" : "s"}`;

/** The whole rule in one line: "When … → …". */
export function describeRule(rule: TDescribable, names: TRuleNames = {}): string {
  const places = rule.conditions.filter((c) => c.field === "cluster").map((c) => describeCondition(c, names));
  const others = rule.conditions.filter((c) => c.field !== "cluster").map((c) => describeCondition(c, names));
  const when = [others.join(" and "), places.join(" ")].filter(Boolean).join(" ");
  const head = when ? `When ${when}` : "For every open finding";
  const stop = rule.stopProcessing ? "; then stop" : "";
  return `${head} → ${describeActions(rule.actions, names)}${stop}`;
}

/** describeRule's names from plain records (what a server page can hand a client component). */
export const namesFromRecords = (records: Record<keyof TRuleNames, Record<string, string>>): TRuleNames => ({
  teams: new Map(Object.entries(records.teams)),
  users: new Map(Object.entries(records.users)),
  connections: new Map(Object.entries(records.connections)),
  destinations: new Map(Object.entries(records.destinations)),
});
