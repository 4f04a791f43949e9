"use client";

import { Fragment } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { CodeInput, Field, FieldError, Select } from "@/components/ui/field";
import { errorKey, PATTERN_FIELDS, type TDraftRule, type TPatternField } from "./scope-draft";

const FIELD_LABELS: Record<TPatternField, { label: string; example: string }> = {
  cluster: { label: "Cluster", example: "prod-*" },
  namespace: { label: "Namespace", example: "payments-*" },
  kind: { label: "Kind", example: "Deployment" },
  name: { label: "Workload name", example: "api-*" },
};

/** A label condition: a key, "=", and a value pattern. */
const LABEL_PARTS = [
  { field: "key", label: "key", placeholder: "app.kubernetes.io/part-of" },
  { field: "value", label: "value pattern", placeholder: "*" },
] as const;

export type TRuleRowActions = {
  change: (patch: Partial<Omit<TDraftRule, "id" | "labels">>) => void;
  changeLabel: (labelId: string, patch: { key?: string; value?: string }) => void;
  addLabel: () => void;
  removeLabel: (labelId: string) => void;
  move: (by: -1 | 1) => void;
  remove: () => void;
};

/** One ordered scope rule: effect, four patterns and label conditions. */
export function ScopeRuleRow({
  idPrefix,
  rule,
  index,
  count,
  errors,
  actions,
}: {
  idPrefix: string;
  rule: TDraftRule;
  index: number;
  count: number;
  errors: Record<string, string[]>;
  actions: TRuleRowActions;
}) {
  const id = (field: string, labelId?: string) => `${idPrefix}-${rule.id}-${labelId ? `${labelId}-` : ""}${field}`;
  const err = (field: string, labelId?: string) => errors[errorKey(rule.id, field, labelId)];
  const n = index + 1;
  return (
    <fieldset
      className={cn(
        "rounded-md border border-l-4 border-slate-200 bg-white p-3",
        rule.effect === "include" ? "border-l-emerald-400" : "border-l-red-400",
      )}
      data-testid="scope-rule"
    >
      <legend className="sr-only">Rule {n}</legend>
      <div className="flex flex-wrap items-center gap-2">
        <span className="w-6 text-sm font-semibold tabular-nums text-slate-400" aria-hidden>
          {n}.
        </span>
        <label htmlFor={id("effect")} className="sr-only">
          Rule {n} effect
        </label>
        {/* The width sits on a wrapper: the control's own classes set w-full. */}
        <div className="w-32">
          <Select
            id={id("effect")}
            value={rule.effect}
            onChange={(e) => actions.change({ effect: e.target.value as TDraftRule["effect"] })}
            aria-invalid={Boolean(err("effect"))}
            aria-describedby={err("effect") ? `${id("effect")}-error` : undefined}
          >
            <option value="include">Include</option>
            <option value="exclude">Exclude</option>
          </Select>
        </div>
        <div className="ml-auto flex items-center gap-1">
          <Button
            id={id("up")}
            size="sm"
            variant="ghost"
            onClick={() => actions.move(-1)}
            disabled={index === 0}
            aria-label={`Move rule ${n} up`}
            title="Move up"
          >
            ↑
          </Button>
          <Button
            id={id("down")}
            size="sm"
            variant="ghost"
            onClick={() => actions.move(1)}
            disabled={index === count - 1}
            aria-label={`Move rule ${n} down`}
            title="Move down"
          >
            ↓
          </Button>
          <Button size="sm" variant="ghost" onClick={actions.remove} aria-label={`Remove rule ${n}`}>
            Remove
          </Button>
        </div>
      </div>
      <FieldError id={id("effect")} errors={err("effect")} className="mt-1" />
      <div className="mt-3 grid grid-cols-2 gap-3">
        {PATTERN_FIELDS.map((field) => (
          <Field key={field} id={id(field)} label={FIELD_LABELS[field].label} errors={err(field)}>
            <CodeInput
              value={rule[field]}
              placeholder="*"
              title={`Any ${FIELD_LABELS[field].label.toLowerCase()} when empty, e.g. ${FIELD_LABELS[field].example}`}
              onChange={(e) => actions.change({ [field]: e.target.value })}
            />
          </Field>
        ))}
      </div>
      <div className="mt-3">
        <p className="text-sm font-medium text-slate-700">Labels</p>
        {rule.labels.length ? (
          <ul className="mt-1 space-y-2">
            {rule.labels.map((label, j) => (
              <li key={label.id} className="flex flex-wrap items-start gap-2">
                {LABEL_PARTS.map((part, k) => (
                  <Fragment key={part.field}>
                    {k > 0 ? (
                      <span className="pt-2 text-sm text-slate-400" aria-hidden>
                        =
                      </span>
                    ) : null}
                    <Field
                      id={id(part.field, label.id)}
                      label={`Rule ${n} label ${j + 1} ${part.label}`}
                      hideLabel
                      errors={err(part.field, label.id)}
                      className="min-w-0 flex-1"
                    >
                      <CodeInput
                        value={label[part.field]}
                        placeholder={part.placeholder}
                        onChange={(e) => actions.changeLabel(label.id, { [part.field]: e.target.value })}
                      />
                    </Field>
                  </Fragment>
                ))}
                <Button
                  size="sm"
                  variant="ghost"
                  className="mt-0.5"
                  onClick={() => actions.removeLabel(label.id)}
                  aria-label={`Remove label ${j + 1} of rule ${n}`}
                >
                  ✕
                </Button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-0.5 text-xs text-slate-500">Any labels. Add one to require a label and value.</p>
        )}
        <Button size="sm" variant="secondary" className="mt-2" onClick={actions.addLabel} id={id("add-label")}>
          Add label
        </Button>
      </div>
    </fieldset>
  );
}
