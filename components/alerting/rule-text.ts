import { GROUPING_LABELS, matchesFindings, type TRuleMatch } from "@/lib/alerting/schemas";
import type { TRuleView } from "@/lib/alerting/rules/queries";

// Rules in words, for the lists: what a rule matches and what it does.

const list = (label: string, values: readonly string[]) => (values.length ? `${label} ${values.join(", ")}` : null);

/** "high and above · security, reliability · clusters prod-*", or "everything". */
export function matchText(kind: TRuleView["kind"], match: TRuleMatch): string {
  const parts =
    kind === "stale_cluster"
      ? [list("clusters", match.clusters)]
      : [
          match.minSeverity === "none"
            ? null
            : `${match.minSeverity}${match.minSeverity === "critical" ? "" : " and above"}`,
          list("", match.categories)?.trim() ?? null,
          list("from", match.sources),
          list("checks", match.checks),
          list("clusters", match.clusters),
          list("namespaces", match.namespaces),
        ];
  const text = parts.filter(Boolean).join(" · ");
  if (text) return text;
  return kind === "stale_cluster"
    ? "every cluster that stops reporting"
    : kind === "budget"
      ? "every budget alert"
      : kind === "sla_breach"
        ? "every finding past its SLA due date"
        : "every finding";
}

/** "Pages Platform on-call", "Pages the team's own destination, else Platform", "No page". */
export function actionText(
  rule: Pick<TRuleView, "noPage" | "useTeamDestination" | "destinationName" | "destinationId">,
): string {
  if (rule.noPage) return "No page: shown in the alert feed only";
  const fallback = rule.destinationId ? (rule.destinationName ?? "a deleted destination") : null;
  if (rule.useTeamDestination) {
    return fallback ? `Pages the team's own destination, else ${fallback}` : "Pages the team's own destination";
  }
  return fallback ? `Pages ${fallback}` : "Pages nothing: its destination was deleted";
}

export function groupingText(rule: Pick<TRuleView, "kind" | "grouping">): string | null {
  return matchesFindings(rule.kind) ? GROUPING_LABELS[rule.grouping].toLowerCase() : null;
}
