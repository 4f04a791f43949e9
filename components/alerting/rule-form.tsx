"use client";

import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { previewDraftAction, saveRuleAction } from "@/lib/alerting/actions";
import type { TRuleView } from "@/lib/alerting/rules/queries";
import { baselineConflict } from "@/lib/alerting/rules/baseline-guard";
import {
  matchesFindings,
  PD_SEVERITIES,
  RULE_KIND_LABELS,
  RULE_KINDS,
  ZRuleInput,
  type TRuleKind,
} from "@/lib/alerting/schemas";
import { ruleFieldErrors, ruleInputFromForm, type TDestinationMode } from "@/lib/alerting/ui-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox, Field, Input, Select } from "@/components/ui/field";
import { GroupingField, MatchFields } from "./match-fields";
import { RulePreview } from "./rule-preview";

export type TDestinationChoice = { id: string; name: string; teamName: string | null };
type TGuardRule = Parameters<typeof baselineConflict>[1][number];

const GENERIC = "Please correct the highlighted fields.";

function modeOf(rule?: TRuleView): TDestinationMode {
  if (!rule) return "team";
  return rule.noPage ? "none" : rule.useTeamDestination ? "team" : "specific";
}

/** The baseline rule the draft would undercut, checked as the form changes (the server checks again). */
function conflictOf(form: HTMLFormElement | null, baseline: readonly TGuardRule[] | null): string | null {
  if (!form || !baseline?.length) return null;
  const input = ruleInputFromForm(new FormData(form));
  // The guard looks at what is matched and how it pages, not at the name or the destination, so a
  // half-filled form is checked too.
  const draft = ZRuleInput.safeParse({ ...input, name: "draft", useTeamDestination: !input.noPage });
  return draft.success ? baselineConflict(draft.data, baseline) : null;
}

/**
 * Adds or edits a rule of the baseline (team "") or of a team. Fields stay as typed when the
 * server answers with an error; "Preview" shows what the draft would page for right now.
 */
export function RuleForm({
  orgSlug,
  teamSlug,
  rule,
  destinations,
  baseline,
  onDone,
  onCancel,
}: {
  orgSlug: string;
  teamSlug: string;
  rule?: TRuleView;
  destinations: TDestinationChoice[];
  /** The org baseline, to refuse a team rule that would undercut it; null for the baseline itself. */
  baseline: readonly TGuardRule[] | null;
  onDone: () => void;
  onCancel: () => void;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const [saved, save, saving] = useActionState(saveRuleAction, null);
  const [preview, runPreview, previewing] = useActionState(previewDraftAction, null);
  const [kind, setKind] = useState<TRuleKind>(rule?.kind ?? "findings");
  const [mode, setMode] = useState<TDestinationMode>(modeOf(rule));
  const [conflict, setConflict] = useState<string | null>(() =>
    rule && baseline ? baselineConflict(rule, baseline) : null,
  );
  const handled = useRef<unknown>(null);

  useEffect(() => {
    if (!saved?.ok || handled.current === saved) return;
    handled.current = saved;
    onDone();
  }, [saved, onDone]);

  const errors = saved && !saved.ok ? ruleFieldErrors(saved.error.fieldErrors) : {};
  const formError = saved && !saved.ok && saved.error.message !== GENERIC ? saved.error.message : null;
  const id = (name: string) => `rule-${rule?.id ?? "new"}-${name}`;
  const dispatch = (action: (form: FormData) => void) => {
    const form = formRef.current;
    if (form) startTransition(() => action(new FormData(form)));
  };
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    // Not a form action: React would reset the fields after an answer with errors.
    e.preventDefault();
    dispatch(save);
  };
  const previewResult = preview?.ok ? preview.data : null;

  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      onChange={() => setConflict(conflictOf(formRef.current, baseline))}
      className="space-y-4"
      aria-label={rule ? `Edit ${rule.name}` : "New rule"}
    >
      <input type="hidden" name="org" value={orgSlug} />
      <input type="hidden" name="team" value={teamSlug} />
      {rule ? <input type="hidden" name="ruleId" value={rule.id} /> : null}
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-[1fr_12rem]">
        <Field id={id("name")} label="Name" errors={errors.name}>
          <Input
            id={id("name")}
            name="name"
            defaultValue={rule?.name ?? ""}
            required
            maxLength={80}
            placeholder="Critical security findings"
            aria-invalid={Boolean(errors.name)}
          />
        </Field>
        <Field id={id("kind")} label="Alerts on" errors={errors.kind}>
          <Select id={id("kind")} name="kind" value={kind} onChange={(e) => setKind(e.target.value as TRuleKind)}>
            {RULE_KINDS.map((k) => (
              <option key={k} value={k}>
                {RULE_KIND_LABELS[k]}
              </option>
            ))}
          </Select>
        </Field>
      </div>

      <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium text-slate-700">Matches</legend>
        <MatchFields
          id={id}
          match={rule?.match}
          errors={errors}
          show={kind === "stale_cluster" ? "clusters" : kind === "budget" ? "severity" : "all"}
        />
      </fieldset>

      <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium text-slate-700">Then</legend>
        <div className="space-y-1.5" role="radiogroup" aria-label="Where it pages">
          {(
            [
              ["team", "Page the team's own destination, else a fallback"],
              ["specific", "Page a specific destination"],
              ["none", "No page: show it in the alert feed only"],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="flex items-center gap-2 text-sm text-slate-700">
              <input
                type="radio"
                name="destinationMode"
                value={value}
                checked={mode === value}
                onChange={() => setMode(value)}
                className="size-4 border-slate-300 text-brand-600 focus:ring-brand-500"
              />
              {label}
            </label>
          ))}
          {errors.noPage ? <p className="text-xs text-red-600">{errors.noPage.join(" ")}</p> : null}
        </div>
        {mode !== "none" ? (
          <div className="grid gap-3 sm:grid-cols-3">
            <Field
              id={id("destinationId")}
              label={mode === "team" ? "Fallback destination" : "Destination"}
              errors={errors.destinationId}
              hint={destinations.length ? undefined : "No destination yet: an org admin adds them."}
            >
              <Select
                id={id("destinationId")}
                name="destinationId"
                defaultValue={rule?.destinationId ?? ""}
                aria-invalid={Boolean(errors.destinationId)}
              >
                <option value="">{mode === "team" ? "No fallback" : "Choose…"}</option>
                {destinations.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                    {d.teamName ? ` (${d.teamName})` : ""}
                  </option>
                ))}
              </Select>
            </Field>
            <Field id={id("pdSeverity")} label="PagerDuty severity" errors={errors.pdSeverity}>
              <Select id={id("pdSeverity")} name="pdSeverity" defaultValue={rule?.pdSeverity ?? "critical"}>
                {PD_SEVERITIES.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </Select>
            </Field>
            {matchesFindings(kind) ? (
              <GroupingField
                id={id("grouping")}
                label="One incident per"
                errors={errors.grouping}
                grouping={rule?.grouping}
              />
            ) : null}
          </div>
        ) : matchesFindings(kind) ? (
          <GroupingField
            id={id("grouping")}
            label="One feed entry per"
            errors={errors.grouping}
            grouping={rule?.grouping}
            className="w-64"
          />
        ) : null}
        <Checkbox name="continueMatching" defaultChecked={rule?.continueMatching ?? false}>
          Continue: later rules may match these too (otherwise the first matching rule wins)
        </Checkbox>
      </fieldset>

      {conflict ? (
        <Alert tone="warning">
          <strong>This rule would lower the org baseline.</strong> {conflict}
        </Alert>
      ) : null}

      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" disabled={saving || Boolean(conflict)} aria-busy={saving}>
          {saving ? "Saving…" : rule ? "Save rule" : "Add rule"}
        </Button>
        {kind === "findings" ? (
          <Button variant="secondary" disabled={previewing} aria-busy={previewing} onClick={() => dispatch(runPreview)}>
            {previewing ? "Previewing…" : "Preview"}
          </Button>
        ) : null}
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>

      {kind === "findings" && preview ? (
        <section aria-label="Preview of this rule" className="rounded-md bg-slate-50 p-3">
          <h3 className="mb-2 text-sm font-semibold text-slate-900">Preview: what this rule would page for now</h3>
          {previewResult ? (
            <RulePreview preview={previewResult} noPage={mode === "none"} />
          ) : preview && !preview.ok ? (
            <p className="text-sm text-red-700">
              {preview.error.message === GENERIC ? "Fix the highlighted fields to preview." : preview.error.message}
            </p>
          ) : null}
        </section>
      ) : null}
    </form>
  );
}
