import type { TFindingState } from "@/lib/domain/finding-filters";

// A finding's SLA due date in words, for the list's Due column and the finding's Due fact: how far
// off or how late, paused while snoozed, or why nothing is due. Pure and client-safe.

const DAY = 86_400_000;

export type TDueInput = {
  /** From slaDueJoin: null when no SLA applies. */
  due: Date | string | null;
  /** From overdueSql: past due and still needing work. */
  overdue: boolean;
  state: TFindingState;
};

export type TDueView = {
  /** "in 5 days", "3 days overdue", "paused while snoozed", "no SLA". */
  text: string;
  tone: "overdue" | "paused" | "due" | "none";
  /** The due date itself (ISO), for a title or a <time>; null when there is none to show. */
  at: string | null;
};

const days = (n: number) => `${n} day${n === 1 ? "" : "s"}`;

/** What the due date means for the finding now. `compact` keeps it short for the list. */
export function dueView(finding: TDueInput, now: Date, compact = false): TDueView {
  if (!finding.due) return { text: compact ? "—" : "no SLA", tone: "none", at: null };
  const due = new Date(finding.due);
  const at = due.toISOString();
  if (finding.overdue) {
    const late = Math.round((now.getTime() - due.getTime()) / DAY);
    return { text: late < 1 ? "overdue" : `${days(late)} overdue`, tone: "overdue", at };
  }
  switch (finding.state) {
    case "snoozed":
      return { text: compact ? "paused" : "paused while snoozed", tone: "paused", at };
    case "resolved":
      return { text: compact ? "—" : "not due while resolved", tone: "none", at: null };
    case "fixed":
    case "removed":
      return { text: compact ? "—" : `none: ${finding.state}`, tone: "none", at: null };
  }
  const left = Math.round((due.getTime() - now.getTime()) / DAY);
  // An open finding due within the day (or a moment ago, before the overdue flag caught up).
  if (left < 1) return { text: "due today", tone: "due", at };
  return { text: left === 1 ? "tomorrow" : `in ${days(left)}`, tone: "due", at };
}

/** "7-day SLA" (the policy's days), or "14 days" when a rule set them (the page names the rule). */
export function dueBasis(dueDays: number | null, byRule: boolean): string | null {
  if (dueDays === null) return null;
  return byRule ? days(dueDays) : `${dueDays}-day SLA`;
}
