"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { previewRuleAction, saveRuleAction } from "@/lib/automation/actions";
import type { TPreview } from "@/lib/automation/engine/preview";
import type { TEditorChoices } from "@/lib/automation/rules/editor-choices";
import { describeRule, namesFromRecords } from "@/lib/automation/rules/describe-rule";
import type { TRuleNameRecords } from "@/lib/automation/rules/editor-choices";
import { ZAutomationRuleInput } from "@/lib/automation/schemas";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Checkbox, Field, FieldError, Input, Textarea } from "@/components/ui/field";
import { ActionFields } from "./action-fields";
import { ConditionBuilder } from "./condition-builder";
import { PreviewPanel } from "./preview-panel";
import { draftOf, inputOf, type TDraft } from "./rule-draft";

type TStoredRule = Parameters<typeof draftOf>[0] & { id: string };

const GENERIC = "Please correct the highlighted fields.";

/**
 * The rule editor (new or edit): basics, conditions, actions and the preview. "Preview" asks the
 * engine what the draft would change now; saving previews too, and asks for an explicit
 * confirmation when the rule would match every open finding it can reach.
 */
export function RuleEditor({
  orgSlug,
  teamSlug,
  rule,
  choices,
  names,
  listHref,
}: {
  orgSlug: string;
  /** "" for the org's list. */
  teamSlug: string;
  rule?: TStoredRule;
  choices: TEditorChoices;
  names: TRuleNameRecords;
  listHref: string;
}) {
  const router = useRouter();
  const [draft, setDraft] = useState<TDraft>(() => draftOf(rule));
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [preview, setPreview] = useState<TPreview | null>(null);
  const [confirmEverything, setConfirmEverything] = useState(false);
  const [needsConfirm, setNeedsConfirm] = useState(false);
  const [pending, startTransition] = useTransition();
  const [previewing, startPreview] = useTransition();
  const idPrefix = `rule-${rule?.id ?? "new"}`;
  const change = (next: Partial<TDraft>) => {
    setDraft((d) => ({ ...d, ...next }));
    setSaved(false);
  };
  const base = { org: orgSlug, team: teamSlug, ruleId: rule?.id ?? "" };
  const showError = (error: { message: string; fieldErrors?: Record<string, string[]> }) => {
    setErrors(error.fieldErrors ?? {});
    setFormError(error.message !== GENERIC ? error.message : null);
  };

  const runPreview = () =>
    startPreview(async () => {
      const result = await previewRuleAction({ ...base, rule: inputOf(draft) });
      if (!result.ok) return showError(result.error);
      setErrors({});
      setFormError(null);
      setPreview(result.data);
      setNeedsConfirm(result.data.matchesEverything);
    });

  const save = (e: FormEvent) => {
    e.preventDefault();
    startTransition(async () => {
      const result = await saveRuleAction({ ...base, rule: inputOf(draft), confirmEverything });
      if (!result.ok) {
        if (result.error.fieldErrors?.confirmEverything) {
          setNeedsConfirm(true);
          runPreview();
        }
        return showError(result.error);
      }
      setErrors({});
      setFormError(null);
      setSaved(true);
      router.refresh();
    });
  };

  const parsed = ZAutomationRuleInput.safeParse(inputOf(draft));
  const summary = parsed.success ? describeRule(parsed.data, namesFromRecords(names)) : null;
  const f = (key: string) => `${idPrefix}-${key}`;

  return (
    <form onSubmit={save} className="space-y-6" aria-label={rule ? `Edit ${rule.name}` : "New rule"} noValidate>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {saved ? (
        <Alert tone="success">Saved. It runs on new reports from now on; apply it to existing findings below.</Alert>
      ) : null}
      <Card>
        <CardHeader
          title="Rule"
          description={summary ?? "Fill in the conditions and actions; the summary appears here."}
        />
        <CardBody className="grid gap-4 lg:grid-cols-2">
          <Field id={f("name")} label="Name" errors={errors.name}>
            <Input
              value={draft.name}
              onChange={(e) => change({ name: e.target.value })}
              maxLength={120}
              required
              placeholder="kube-system findings on staging are low"
            />
          </Field>
          <Field
            id={f("expires")}
            label="Expires on (optional)"
            errors={errors.expiresAt}
            hint="The rule stops at the end of this day (UTC)."
          >
            <Input type="date" value={draft.expiresOn} onChange={(e) => change({ expiresOn: e.target.value })} />
          </Field>
          <Field id={f("note")} label="Note (optional)" errors={errors.note} className="lg:col-span-2">
            <Textarea
              rows={2}
              value={draft.note}
              onChange={(e) => change({ note: e.target.value })}
              maxLength={2000}
              placeholder="Why this rule exists, and who to ask."
            />
          </Field>
          <div className="flex flex-wrap gap-6 lg:col-span-2">
            <Checkbox checked={draft.enabled} onChange={(e) => change({ enabled: e.target.checked })}>
              Enabled
            </Checkbox>
            <Checkbox checked={draft.stopProcessing} onChange={(e) => change({ stopProcessing: e.target.checked })}>
              Stop processing further rules for the findings it matches
            </Checkbox>
          </div>
        </CardBody>
      </Card>

      <Card>
        <CardHeader
          title="When"
          description="All conditions must hold; a condition with several values matches any of them."
        />
        <CardBody>
          <ConditionBuilder
            conditions={draft.conditions}
            onChange={(conditions) => change({ conditions })}
            errors={errors}
            teams={teamSlug ? null : choices.teams}
            idPrefix={idPrefix}
          />
        </CardBody>
      </Card>

      <Card>
        <CardHeader
          title="Then"
          description="What the rule does to each finding it matches. Every change is explained on the finding."
        />
        <CardBody>
          <ActionFields
            actions={draft.actions}
            onChange={(actions) => change({ actions })}
            errors={errors}
            choices={choices}
            isOrgRule={!teamSlug}
            idPrefix={idPrefix}
          />
        </CardBody>
      </Card>

      <Card>
        <CardHeader
          title="Preview"
          description="What this draft would change on today's open findings. Nothing changes until you save and apply."
          actions={
            <Button variant="secondary" onClick={runPreview} disabled={previewing}>
              {previewing ? "Previewing…" : "Preview"}
            </Button>
          }
        />
        <CardBody>
          {preview ? (
            <PreviewPanel preview={preview} />
          ) : (
            <p className="text-sm text-slate-500">Press Preview to see the matching findings.</p>
          )}
        </CardBody>
      </Card>

      <div className="flex flex-wrap items-center justify-end gap-3">
        {needsConfirm ? (
          <div>
            <Checkbox
              checked={confirmEverything}
              onChange={(e) => setConfirmEverything(e.target.checked)}
              aria-describedby={`${idPrefix}-confirm-error`}
            >
              Yes, this rule may change every open finding it can reach
            </Checkbox>
            <FieldError id={`${idPrefix}-confirm`} errors={errors.confirmEverything} />
          </div>
        ) : null}
        <a href={listHref} className="text-sm font-medium text-slate-600 hover:text-slate-900">
          Back to the list
        </a>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : rule ? "Save changes" : "Save rule"}
        </Button>
      </div>
    </form>
  );
}
