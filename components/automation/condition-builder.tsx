"use client";

import { useState } from "react";
import { FINDING_CATEGORIES } from "@/lib/domain/categories";
import { FINDING_SOURCES } from "@/lib/domain/finding-filters";
import { SEVERITY_LEVELS } from "@/lib/domain/severity";
import { CONDITION_LABELS, LIFECYCLES, type TConditionField } from "@/lib/automation/schemas";
import { Button } from "@/components/ui/button";
import { FieldError, Input, Select } from "@/components/ui/field";
import { ChipsInput, ChoiceChecks } from "./chips-input";
import { errorsUnder, isListField, newCondition, PICKABLE_FIELDS, type TDraftCondition } from "./rule-draft";

const HINTS: Partial<Record<TConditionField, string>> = {
  cluster: "Cluster slugs; * matches any run of characters (staging-*).",
  namespace: "Namespaces, with * wildcards.",
  resource_label: "key (present) or key=value; * wildcards on either side.",
  namespace_label: "key (present) or key=value; * wildcards on either side.",
  check: "Check ids (runAsRootAllowed, KSV012…), with * wildcards.",
  title: "Text the finding's title contains (any case).",
  source: `Tools: ${FINDING_SOURCES.join(", ")}.`,
};

/**
 * "All must hold": the rule's conditions, each a field, its values (chips, or choices) and an
 * "is not" switch; severity and age compare at least / at most.
 */
export function ConditionBuilder({
  conditions,
  onChange,
  errors,
  teams,
  idPrefix,
}: {
  conditions: TDraftCondition[];
  onChange: (conditions: TDraftCondition[]) => void;
  errors: Record<string, string[]>;
  /** Org rules only: the teams a team condition can name; null hides the field. */
  teams: { id: string; label: string }[] | null;
  idPrefix: string;
}) {
  const fields = PICKABLE_FIELDS.filter((f) => f !== "team" || teams);
  const [adding, setAdding] = useState<TConditionField>(fields[0]);
  const update = (i: number, next: TDraftCondition) => onChange(conditions.map((c, j) => (j === i ? next : c)));
  return (
    <div className="space-y-3">
      {conditions.length === 0 ? (
        <p className="text-sm text-slate-500">No conditions: the rule applies to every open finding it can reach.</p>
      ) : null}
      <ol className="space-y-3">
        {conditions.map((c, i) => {
          const id = `${idPrefix}-cond-${c.key}`;
          const fieldErrors = errorsUnder(errors, `conditions.${i}`);
          return (
            <li key={c.key} className="rounded-md border border-slate-200 p-3">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <div className="flex flex-wrap items-center gap-3">
                  <span className="text-sm font-medium text-slate-800" id={`${id}-label`}>
                    {i > 0 ? <span className="mr-1 text-slate-400">and</span> : null}
                    {CONDITION_LABELS[c.field]}
                  </span>
                  <label className="inline-flex items-center gap-1.5 text-sm text-slate-600">
                    <input
                      type="checkbox"
                      className="size-4 rounded border-slate-300 text-brand-600 focus:ring-brand-500"
                      checked={Boolean(c.negate)}
                      onChange={(e) => update(i, { ...c, negate: e.target.checked })}
                    />
                    is not
                  </label>
                </div>
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => onChange(conditions.filter((_, j) => j !== i))}
                  aria-label={`Remove the ${CONDITION_LABELS[c.field]} condition`}
                >
                  Remove
                </Button>
              </div>
              <div className="mt-2" role="group" aria-labelledby={`${id}-label`}>
                <ConditionValue id={id} condition={c} onChange={(next) => update(i, next)} teams={teams ?? []} />
                {HINTS[c.field] ? <p className="mt-1 text-xs text-slate-500">{HINTS[c.field]}</p> : null}
                <FieldError id={id} errors={fieldErrors} className="mt-1" />
              </div>
            </li>
          );
        })}
      </ol>
      <div className="flex items-end gap-2">
        <div className="space-y-1">
          <label htmlFor={`${idPrefix}-add-field`} className="block text-sm font-medium text-slate-700">
            Add a condition
          </label>
          <Select
            id={`${idPrefix}-add-field`}
            value={adding}
            onChange={(e) => setAdding(e.target.value as TConditionField)}
            className="w-56"
          >
            {fields.map((f) => (
              <option key={f} value={f}>
                {CONDITION_LABELS[f]}
              </option>
            ))}
          </Select>
        </div>
        <Button variant="secondary" onClick={() => onChange([...conditions, newCondition(adding)])}>
          Add condition
        </Button>
      </div>
    </div>
  );
}

function ConditionValue({
  id,
  condition: c,
  onChange,
  teams,
}: {
  id: string;
  condition: TDraftCondition;
  onChange: (next: TDraftCondition) => void;
  teams: { id: string; label: string }[];
}) {
  if (c.field === "severity" || c.field === "age_days") {
    return (
      <div className="flex items-center gap-2">
        <Select
          aria-label="Comparison"
          value={c.op}
          onChange={(e) => onChange({ ...c, op: e.target.value as "at_least" | "at_most" })}
          className="w-32"
        >
          <option value="at_least">at least</option>
          <option value="at_most">at most</option>
        </Select>
        {c.field === "severity" ? (
          <Select
            id={id}
            aria-label="Severity"
            value={c.value}
            onChange={(e) => onChange({ ...c, value: e.target.value as (typeof SEVERITY_LEVELS)[number] })}
            className="w-36"
          >
            {SEVERITY_LEVELS.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </Select>
        ) : (
          <span className="inline-flex items-center gap-2 text-sm text-slate-600">
            <Input
              id={id}
              aria-label="Days"
              type="number"
              min={0}
              max={3650}
              value={String(c.value)}
              onChange={(e) => onChange({ ...c, value: e.target.value === "" ? 0 : Number(e.target.value) })}
              className="w-24"
            />
            days since first seen (or reopened)
          </span>
        )}
      </div>
    );
  }
  if (c.field === "fix_available") {
    return (
      <Select
        id={id}
        aria-label="Fix available"
        value={c.value ? "yes" : "no"}
        onChange={(e) => onChange({ ...c, value: e.target.value === "yes" })}
        className="w-40"
      >
        <option value="yes">a fix is available</option>
        <option value="no">no fix yet</option>
      </Select>
    );
  }
  if (!isListField(c.field) || !("values" in c)) return null;
  const values = (c.values ?? []) as string[];
  const set = (next: string[]) => onChange({ ...c, values: next } as TDraftCondition);
  if (c.field === "category") {
    return (
      <ChoiceChecks
        label="Categories"
        options={FINDING_CATEGORIES.map((v) => ({ value: v, label: v }))}
        values={values}
        onChange={set}
      />
    );
  }
  if (c.field === "lifecycle") {
    return (
      <ChoiceChecks
        label="Finding is"
        options={LIFECYCLES.map((v) => ({ value: v, label: v }))}
        values={values}
        onChange={set}
      />
    );
  }
  if (c.field === "team") {
    return (
      <ChoiceChecks
        label="Teams"
        options={teams.map((t) => ({ value: t.id, label: t.label }))}
        values={values}
        onChange={set}
      />
    );
  }
  return <ChipsInput id={id} label={c.field.replace("_", " ")} values={values} onChange={set} />;
}
