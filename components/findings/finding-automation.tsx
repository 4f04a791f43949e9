import type { Route } from "next";
import Link from "next/link";
import type { TFindingDetail } from "@/lib/findings/get-finding";
import type { TFindingRule } from "@/lib/findings/finding-rules";
import { dueBasis, dueView, type TDueView } from "@/lib/findings/due-format";
import { automationRuleHref } from "@/lib/findings/rule-links";
import { formatDate } from "@/components/ui/format";
import { cn } from "@/components/ui/cn";

// What rules and SLAs did to a finding, shown where its values are: the rule behind a value,
// the due date, the tags. Server components: links only, no state.

/** `rule "Name"`, linked to the rule's page. */
export function RuleLink({ orgSlug, rule }: { orgSlug: string; rule: TFindingRule }) {
  return (
    <Link
      href={automationRuleHref(orgSlug, rule) as Route}
      className="font-medium text-brand-600 hover:text-brand-700"
      data-testid="rule-link"
    >
      rule &quot;{rule.name}&quot;
    </Link>
  );
}

/** A small "by rule X" beside a value a rule set. */
export function RuleNote({ orgSlug, rule, className }: { orgSlug: string; rule?: TFindingRule; className?: string }) {
  if (!rule) return null;
  return (
    <span className={cn("text-xs text-slate-500", className)} data-testid="rule-note">
      by <RuleLink orgSlug={orgSlug} rule={rule} />
      {rule.level === "team" ? " (team)" : null}
    </span>
  );
}

/** "set by rule X: reason (reported: High)" when a rule changed the severity the tool reported. */
export function SeverityNote({ orgSlug, finding }: { orgSlug: string; finding: TFindingDetail }) {
  if (!finding.reportedSeverity) return null;
  const rule = finding.rules.fields.severity;
  const reported = finding.reportedSeverity.charAt(0).toUpperCase() + finding.reportedSeverity.slice(1);
  return (
    <span className="text-sm text-slate-600" data-testid="severity-note">
      set by {rule ? <RuleLink orgSlug={orgSlug} rule={rule} /> : "a rule"}
      {rule?.reason ? `: ${rule.reason}` : null} <span className="text-slate-500">(reported: {reported})</span>
    </span>
  );
}

const DUE_TONES: Record<TDueView["tone"], string> = {
  overdue: "font-medium text-red-700",
  paused: "text-amber-700",
  due: "text-slate-800",
  none: "text-slate-500",
};

/** The Due fact: when, how far off or how late, and whose days (the SLA's or a rule's). */
export function DueFact({ orgSlug, finding, now }: { orgSlug: string; finding: TFindingDetail; now: Date }) {
  const view = dueView(finding, now);
  const rule = finding.rules.fields.due;
  const basis = view.at ? dueBasis(finding.dueDays, Boolean(rule)) : null;
  return (
    <span className="text-sm" data-testid="due-fact">
      <span className="text-slate-500">Due: </span>
      {view.at ? (
        <time dateTime={view.at} className="text-slate-800">
          {formatDate(view.at)}
        </time>
      ) : null}
      {view.at ? <span className="px-1 text-slate-300">·</span> : null}
      <span className={DUE_TONES[view.tone]}>{view.text}</span>
      {basis ? (
        <span className="text-slate-500">
          {" "}
          ({basis}
          {rule ? (
            <>
              , by <RuleLink orgSlug={orgSlug} rule={rule} />
            </>
          ) : null}
          )
        </span>
      ) : null}
    </span>
  );
}
