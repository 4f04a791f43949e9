import type { Route } from "next";
import Link from "next/link";
import { describeRule, namesFromRecords } from "@/lib/automation/rules/describe-rule";
import type { TRuleNameRecords } from "@/lib/automation/rules/editor-choices";
import type { TRuleView } from "@/lib/automation/rules/queries";
import { Badge } from "@/components/ui/badge";
import { LinkButton } from "@/components/ui/button";
import { formatDate, formatDateTime } from "@/components/ui/format";
import { DeleteRuleButton, EnabledToggle, MoveRuleButtons, type TListRef } from "./rule-row-controls";

/**
 * One ordered list of rules: position, name, on/off, what it does in one line, expiry and last
 * run. With `editing`, each rule can be switched, moved, edited and deleted; without, it is read only.
 */
export function RuleList({
  rules,
  names,
  base,
  editing,
  label,
  now,
}: {
  rules: TRuleView[];
  names: TRuleNameRecords;
  /** The list's URL: rule pages are `${base}/${id}`; null when the reader cannot open them. */
  base: string | null;
  editing: TListRef | null;
  label: string;
  now: Date;
}) {
  const describeNames = namesFromRecords(names);
  return (
    <ol aria-label={label} className="divide-y divide-slate-100">
      {rules.map((rule, i) => {
        const expired = rule.expiresAt !== null && rule.expiresAt <= now;
        return (
          <li key={rule.id} className="flex flex-wrap items-start justify-between gap-3 px-5 py-3">
            <div className="flex min-w-0 flex-1 items-start gap-3">
              <span className="mt-0.5 w-6 shrink-0 text-right text-sm tabular-nums text-slate-400">{i + 1}.</span>
              {editing ? (
                <EnabledToggle list={editing} rule={rule} />
              ) : (
                <Badge tone={rule.enabled ? "green" : "neutral"}>{rule.enabled ? "on" : "off"}</Badge>
              )}
              <div className="min-w-0">
                <div className="flex flex-wrap items-center gap-2">
                  {base ? (
                    <Link
                      href={`${base}/${rule.id}` as Route}
                      className="font-medium text-slate-900 hover:text-brand-700"
                    >
                      {rule.name}
                    </Link>
                  ) : (
                    <span className="font-medium text-slate-900">{rule.name}</span>
                  )}
                  {rule.stopProcessing ? <Badge tone="blue">stops later rules</Badge> : null}
                  {expired ? <Badge tone="amber">expired</Badge> : null}
                  {rule.problem ? <Badge tone="red">not valid</Badge> : null}
                </div>
                <p className="mt-0.5 text-sm text-slate-600">{rule.problem ?? describeRule(rule, describeNames)}</p>
                <p className="mt-0.5 text-xs text-slate-500">
                  {rule.expiresAt ? `${expired ? "Expired" : "Expires"} ${formatDate(rule.expiresAt)} · ` : ""}
                  {rule.lastRun
                    ? `Last ran ${formatDateTime(rule.lastRun.startedAt)}: matched ${rule.lastRun.matched}, changed ${rule.lastRun.changed}${rule.lastRun.error ? ` — failed: ${rule.lastRun.error}` : ""}`
                    : "Not run yet"}
                </p>
              </div>
            </div>
            {editing && base ? (
              <div className="flex items-center gap-1">
                <MoveRuleButtons list={editing} rule={rule} first={i === 0} last={i === rules.length - 1} />
                <LinkButton
                  href={`${base}/${rule.id}` as Route}
                  size="sm"
                  variant="ghost"
                  aria-label={`Edit ${rule.name}`}
                >
                  Edit
                </LinkButton>
                <DeleteRuleButton list={editing} rule={rule} />
              </div>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

/** "No rules yet", with an example of what one looks like. */
export function NoRulesYet({ action }: { action?: React.ReactNode }) {
  return (
    <div className="px-5 py-8 text-center">
      <p className="text-sm font-semibold text-slate-900">No rules yet</p>
      <p className="mx-auto mt-1 max-w-lg text-sm text-slate-500">
        A rule changes findings as they arrive, for example: “When namespace is kube-system on clusters staging-* → set
        severity low, add tag platform”. You see what it would change before you save it.
      </p>
      {action ? <div className="mt-4">{action}</div> : null}
    </div>
  );
}
