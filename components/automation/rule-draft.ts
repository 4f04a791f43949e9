import {
  LIST_FIELDS,
  type TActionKey,
  type TActionsInput,
  type TAutomationRuleDraft,
  type TAutomationRuleInput,
  type TConditionField,
  type TConditionInput,
} from "@/lib/automation/schemas";

// The rule editor's state and how it becomes the input every surface validates
// (ZAutomationRuleInput): conditions keep a key for React, list values are chips, the expiry is a
// date field's text. Pure, so the editor stays a thin view over it.

export type TDraftCondition = TConditionInput & { key: string };

export type TDraft = {
  name: string;
  note: string;
  enabled: boolean;
  stopProcessing: boolean;
  /** yyyy-mm-dd (the end of the rule's life, UTC), or "". */
  expiresOn: string;
  conditions: TDraftCondition[];
  actions: TActionsInput;
};

let keys = 0;
const nextKey = () => `c${++keys}`;

/** Fields added through the condition picker, in the order it lists them. */
export const PICKABLE_FIELDS: readonly TConditionField[] = [
  "severity",
  "cluster",
  "namespace",
  "workload_kind",
  "workload_name",
  "resource_label",
  "namespace_label",
  "source",
  "check",
  "category",
  "title",
  "image_repository",
  "image_tag",
  "cve",
  "package",
  "fix_available",
  "age_days",
  "lifecycle",
  "team",
];

export const isListField = (field: TConditionField): field is (typeof LIST_FIELDS)[number] =>
  (LIST_FIELDS as readonly string[]).includes(field);

/** A fresh condition of `field`, with the values a person would most likely pick. */
export function newCondition(field: TConditionField): TDraftCondition {
  const key = nextKey();
  if (field === "severity") return { key, field, op: "at_least", value: "high", negate: false };
  if (field === "age_days") return { key, field, op: "at_least", value: 30, negate: false };
  if (field === "fix_available") return { key, field, value: true, negate: false };
  if (field === "lifecycle") return { key, field, values: ["new"], negate: false };
  return { key, field, values: [], negate: false } as TDraftCondition;
}

/** The editor's state for a stored rule (or an empty one). */
export function draftOf(
  rule?: Pick<
    TAutomationRuleDraft,
    "name" | "note" | "enabled" | "stopProcessing" | "expiresAt" | "conditions" | "actions"
  >,
): TDraft {
  if (!rule) {
    return { name: "", note: "", enabled: true, stopProcessing: false, expiresOn: "", conditions: [], actions: {} };
  }
  return {
    name: rule.name,
    note: rule.note,
    enabled: rule.enabled,
    stopProcessing: rule.stopProcessing,
    expiresOn: rule.expiresAt ? new Date(rule.expiresAt).toISOString().slice(0, 10) : "",
    conditions: rule.conditions.map((c) => ({ ...c, key: nextKey() }) as TDraftCondition),
    actions: structuredClone(rule.actions) as TActionsInput,
  };
}

/** What the editor sends: the rule input, untouched otherwise (the server's schema judges it). */
export function inputOf(draft: TDraft): TAutomationRuleInput {
  return {
    name: draft.name,
    note: draft.note,
    enabled: draft.enabled,
    stopProcessing: draft.stopProcessing,
    // The end of the chosen day: a rule "until 31 May" still runs on 31 May.
    expiresAt: draft.expiresOn ? `${draft.expiresOn}T23:59:59.999Z` : null,
    conditions: draft.conditions.map(({ key: _key, ...c }) => c as TConditionInput),
    actions: draft.actions,
  };
}

/** Chips typed as a comma (or line) list: trimmed, blanks and repeats dropped. */
export function splitValues(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,\n]/)
        .map((v) => v.trim())
        .filter(Boolean),
    ),
  ];
}

/** Adds an action with its defaults, or removes it. */
export function toggleAction(actions: TActionsInput, key: TActionKey, on: boolean): TActionsInput {
  const next = { ...actions };
  if (!on) {
    delete next[key];
    return next;
  }
  const defaults: Required<TActionsInput> = {
    severity: { to: "low", reason: "" },
    assign: { userId: "" },
    team: { teamId: "" },
    addTags: [],
    snooze: { days: 7 },
    resolve: { resolution: "will_not_fix", reason: "" },
    due: { days: 30 },
    ticket: { subject: "check_cluster" },
    notify: { connectionId: "", target: "" },
    page: { destinationId: "", severity: "error" },
  };
  return { ...next, [key]: defaults[key] };
}

/** Errors of a field and everything under it ("actions.severity" → reason's too), flattened. */
export function errorsUnder(fieldErrors: Record<string, string[]>, prefix: string): string[] | undefined {
  const found = Object.entries(fieldErrors)
    .filter(([k]) => k === prefix || k.startsWith(`${prefix}.`))
    .flatMap(([, v]) => v);
  return found.length ? [...new Set(found)] : undefined;
}
