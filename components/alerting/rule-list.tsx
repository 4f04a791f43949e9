import type { TRulePreview } from "@/lib/alerting/preview";
import type { TRuleView } from "@/lib/alerting/rules/queries";
import { RULE_KIND_LABELS, RULE_KINDS } from "@/lib/alerting/schemas";
import { Badge } from "@/components/ui/badge";
import { PdSeverityBadge } from "./badges";
import { DeleteRuleButton } from "./delete-rule-button";
import { MoveRuleButtons } from "./move-rule-buttons";
import { RuleEditor } from "./rule-editor";
import type { TDestinationChoice } from "./rule-form";
import { RulePreview } from "./rule-preview";
import { actionText, groupingText, matchText } from "./rule-text";

type TEditing = {
  orgSlug: string;
  /** "" for the baseline. */
  teamSlug: string;
  ownerLabel: string;
  destinations: TDestinationChoice[];
  baseline: readonly TRuleView[] | null;
};

/**
 * An ordered rule list, by kind (order only matters among rules of one kind). With `editing`,
 * each rule can move, be edited or deleted; `previews` adds what each would page for now.
 */
export function RuleList({
  rules,
  previews,
  editing,
  label,
}: {
  rules: TRuleView[];
  previews?: Map<string, TRulePreview>;
  editing?: TEditing | null;
  /** Accessible name of the list. */
  label: string;
}) {
  return (
    <div className="divide-y divide-slate-100">
      {RULE_KINDS.map((kind) => {
        const ofKind = rules.filter((r) => r.kind === kind);
        if (!ofKind.length) return null;
        return (
          <section key={kind} aria-label={`${label}: ${RULE_KIND_LABELS[kind]}`} className="px-5 py-3">
            <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">
              {RULE_KIND_LABELS[kind]} rules
            </h3>
            <ol className="space-y-2">
              {ofKind.map((rule, i) => {
                const preview = previews?.get(rule.id);
                const grouping = groupingText(rule);
                return (
                  <li key={rule.id} className="rounded-md border border-slate-200 bg-white px-3 py-2.5">
                    <div className="flex flex-wrap items-start justify-between gap-2">
                      <div className="min-w-0">
                        <div className="flex flex-wrap items-center gap-2">
                          <span className="text-xs tabular-nums text-slate-400">{i + 1}.</span>
                          <span className="font-medium text-slate-900">{rule.name}</span>
                          {rule.noPage ? <Badge>no page</Badge> : <PdSeverityBadge severity={rule.pdSeverity} />}
                          {rule.continueMatching ? <Badge tone="blue">continue</Badge> : null}
                        </div>
                        <p className="mt-0.5 text-sm text-slate-600">
                          <span className="text-slate-500">When</span> {matchText(rule.kind, rule.match)}
                        </p>
                        <p className="text-sm text-slate-600">
                          {actionText(rule)}
                          {grouping && !rule.noPage ? `, one incident ${grouping.replace(/^by /, "per ")}` : ""}
                          {rule.continueMatching ? "; later rules may match too" : ""}.
                        </p>
                      </div>
                      {editing ? (
                        <div className="flex items-center gap-1">
                          <MoveRuleButtons
                            orgSlug={editing.orgSlug}
                            teamSlug={editing.teamSlug}
                            rule={rule}
                            first={i === 0}
                            last={i === ofKind.length - 1}
                          />
                          <RuleEditor
                            orgSlug={editing.orgSlug}
                            teamSlug={editing.teamSlug}
                            ownerLabel={editing.ownerLabel}
                            rule={rule}
                            destinations={editing.destinations}
                            baseline={editing.baseline}
                          />
                          <DeleteRuleButton orgSlug={editing.orgSlug} teamSlug={editing.teamSlug} rule={rule} />
                        </div>
                      ) : null}
                    </div>
                    {preview ? (
                      <details className="mt-2 group">
                        <summary className="cursor-pointer text-sm font-medium text-brand-600 hover:text-brand-700">
                          Preview:{" "}
                          {rule.noPage
                            ? `${preview.groups.length} in the feed`
                            : `${preview.pagedGroups} incident${preview.pagedGroups === 1 ? "" : "s"}`}{" "}
                          now, {preview.affectedResources} resource{preview.affectedResources === 1 ? "" : "s"}
                        </summary>
                        <div className="mt-2">
                          <RulePreview preview={preview} noPage={rule.noPage} />
                        </div>
                      </details>
                    ) : null}
                  </li>
                );
              })}
            </ol>
          </section>
        );
      })}
    </div>
  );
}
