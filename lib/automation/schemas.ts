import { z } from "zod";
import { FINDING_CATEGORIES } from "@/lib/domain/categories";
import { SEVERITY_LEVELS } from "@/lib/domain/severity";

// Automation rules as data: what the UI form, the API and YAML import all validate with (one
// schema, so the limits shown are the limits enforced). Client-safe: no server-only imports.
// docs/automation.md explains every field to users.

export const MAX_RULES_PER_LIST = 200;
export const MAX_VALUES = 50;
export const MAX_TAGS = 10;
export const MAX_REASON = 500;
export const MAX_NOTE = 2000;
/** A rule's snooze, due days and resolution expiry are bounded like a person's snooze: a year. */
export const MAX_DAYS = 365;

/** Conditions that take a list of values (any one matches); `*` is a wildcard in patterns. */
export const LIST_FIELDS = [
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
  "team",
  "lifecycle",
] as const;
export type TListField = (typeof LIST_FIELDS)[number];

export const LIFECYCLES = ["new", "reopened"] as const;
export type TLifecycle = (typeof LIFECYCLES)[number];

export const COMPARISONS = ["at_least", "at_most"] as const;
export type TComparison = (typeof COMPARISONS)[number];

export const CONDITION_LABELS: Record<TListField | "severity" | "age_days" | "fix_available", string> = {
  cluster: "Cluster",
  namespace: "Namespace",
  workload_kind: "Workload kind",
  workload_name: "Workload name",
  resource_label: "Resource label",
  namespace_label: "Namespace label",
  source: "Source",
  check: "Check",
  category: "Category",
  title: "Title contains",
  image_repository: "Image repository",
  image_tag: "Image tag",
  cve: "CVE",
  package: "Package",
  team: "Team",
  lifecycle: "Finding is",
  severity: "Severity",
  age_days: "Age in days",
  fix_available: "Fix available",
};

// Kubernetes names, label keys/values, image references, check ids and CVE ids, with `*` wildcards.
const ZPattern = z
  .string()
  .trim()
  .min(1, "Enter a value.")
  .max(253, "At most 253 characters.")
  .regex(/^[A-Za-z0-9*._\-/:=@+]+$/, "Use letters, digits, . - _ / : = @ + and * wildcards.");
// Free text (title contains): any printable text, matched case-insensitively.
const ZText = z.string().trim().min(1, "Enter some text.").max(200, "At most 200 characters.");

const ZValues = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .min(1, "Give at least one value.")
    .max(MAX_VALUES, `At most ${MAX_VALUES} values.`)
    .transform((values) => [...new Set(values)] as z.output<T>[]);

const negate = { negate: z.boolean().default(false) };

export const ZCondition = z.discriminatedUnion("field", [
  z.object({
    field: z.enum([
      "cluster",
      "namespace",
      "workload_name",
      "check",
      "image_repository",
      "image_tag",
      "cve",
      "package",
    ]),
    values: ZValues(ZPattern),
    ...negate,
  }),
  z.object({ field: z.literal("workload_kind"), values: ZValues(ZPattern), ...negate }),
  // "key" (present), "key=value"; either side may use `*`.
  z.object({ field: z.enum(["resource_label", "namespace_label"]), values: ZValues(ZPattern), ...negate }),
  z.object({ field: z.literal("source"), values: ZValues(z.string().trim().min(1).max(40)), ...negate }),
  z.object({ field: z.literal("category"), values: ZValues(z.enum(FINDING_CATEGORIES)), ...negate }),
  z.object({ field: z.literal("title"), values: ZValues(ZText), ...negate }),
  // Team ids (org rules only; a team rule's findings are its own team's already).
  z.object({ field: z.literal("team"), values: ZValues(z.uuid("Choose a team.")), ...negate }),
  z.object({ field: z.literal("lifecycle"), values: ZValues(z.enum(LIFECYCLES)), ...negate }),
  z.object({ field: z.literal("severity"), op: z.enum(COMPARISONS), value: z.enum(SEVERITY_LEVELS), ...negate }),
  z.object({
    field: z.literal("age_days"),
    op: z.enum(COMPARISONS),
    value: z.coerce.number().int("Whole days.").min(0).max(3650),
    ...negate,
  }),
  z.object({ field: z.literal("fix_available"), value: z.boolean(), ...negate }),
]);
export type TCondition = z.output<typeof ZCondition>;
export type TConditionInput = z.input<typeof ZCondition>;
export type TConditionField = TCondition["field"];

export const ZConditions = z.array(ZCondition).max(30, "At most 30 conditions.").default([]);

/** Resolutions a rule can set (a ticket's closing is not a rule's to decide). */
export const RULE_RESOLUTIONS = ["will_not_fix", "working_as_intended"] as const;

const ZDays = z.coerce.number().int("Whole days.").min(1, "At least 1 day.").max(MAX_DAYS, `At most ${MAX_DAYS} days.`);
const ZReason = z.string().trim().min(1, "Say why: it is shown on the finding.").max(MAX_REASON);

/** What a rule does. Every key is optional; a rule needs at least one. */
export const ZActions = z
  .object({
    /** Raise or lower the severity; the reason is shown on the finding. */
    severity: z.object({ to: z.enum(SEVERITY_LEVELS), reason: ZReason }).optional(),
    /** Assign to a person (a member who can read the finding). */
    assign: z.object({ userId: z.uuid("Choose a person.") }).optional(),
    /** Give the finding to another team (org rules only). */
    team: z.object({ teamId: z.uuid("Choose a team.") }).optional(),
    addTags: z
      .array(
        z
          .string()
          .trim()
          .min(1)
          .max(40, "A tag is at most 40 characters.")
          .regex(/^[a-z0-9][a-z0-9._:-]*$/, "Tags are lower-case letters, digits and . _ : -"),
      )
      .min(1)
      .max(MAX_TAGS, `At most ${MAX_TAGS} tags.`)
      .transform((tags) => [...new Set(tags)])
      .optional(),
    /** Snooze for N days from when the rule first applies (once per finding). */
    snooze: z.object({ days: ZDays }).optional(),
    /** Resolve with a reason; with expiresInDays the finding opens for triage again after that. */
    resolve: z
      .object({
        resolution: z.enum(RULE_RESOLUTIONS, { error: "Choose will not fix or working as intended." }),
        reason: ZReason,
        expiresInDays: ZDays.optional(),
      })
      .optional(),
    /** Due N days after first seen (or reopened), instead of the SLA policy's days. */
    due: z.object({ days: ZDays }).optional(),
    /** Create (or add to) the ticket of the finding's problem in the team's ticket project. */
    ticket: z.object({ subject: z.enum(["check", "check_cluster", "findings"]).default("check_cluster") }).optional(),
    /** Send a message to a connection's channel (a notification connection the rule's owner may use). */
    notify: z
      .object({ connectionId: z.uuid("Choose a connection."), target: z.string().trim().max(200).default("") })
      .optional(),
    /** Page through a PagerDuty destination. */
    page: z
      .object({
        destinationId: z.uuid("Choose a destination."),
        severity: z.enum(["critical", "error", "warning", "info"]).default("error"),
      })
      .optional(),
  })
  .refine((a) => Object.values(a).some((v) => v !== undefined), { message: "Add at least one action." })
  .refine((a) => !(a.snooze && a.resolve), {
    message: "A rule either snoozes or resolves, not both.",
    path: ["snooze"],
  });
export type TActions = z.output<typeof ZActions>;
export type TActionsInput = z.input<typeof ZActions>;
export type TActionKey = keyof TActions;

export const ACTION_LABELS: Record<TActionKey, string> = {
  severity: "Set severity",
  assign: "Assign to a person",
  team: "Give to a team",
  addTags: "Add tags",
  snooze: "Snooze",
  resolve: "Resolve",
  due: "Set a due date",
  ticket: "Create a ticket",
  notify: "Notify a channel",
  page: "Page PagerDuty",
};

export const ZRuleName = z.string().trim().min(2, "At least 2 characters.").max(120, "At most 120 characters.");

/** A rule as the form, the API and YAML give it (position is the list's business). */
export const ZAutomationRuleInput = z.object({
  name: ZRuleName,
  enabled: z.boolean().default(true),
  conditions: ZConditions,
  actions: ZActions,
  stopProcessing: z.boolean().default(false),
  expiresAt: z.coerce.date({ error: "Pick a valid date." }).nullable().default(null),
  note: z.string().trim().max(MAX_NOTE, `At most ${MAX_NOTE} characters.`).default(""),
});
export type TAutomationRuleInput = z.input<typeof ZAutomationRuleInput>;
export type TAutomationRuleDraft = z.output<typeof ZAutomationRuleInput>;

/** A stored rule, as the engine and the pages read it. */
export type TAutomationRule = TAutomationRuleDraft & {
  id: string;
  orgId: string;
  /** Null: an org rule. */
  teamId: string | null;
  position: number;
};

/** Where a rule lives: the org's list or a team's. */
export type TRuleLevel = "org" | "team";
export const levelOf = (rule: { teamId: string | null }): TRuleLevel => (rule.teamId ? "team" : "org");

/** Actions a team rule may not have (they reach beyond the team). */
export const ORG_ONLY_ACTIONS: readonly TActionKey[] = ["team"];
/** Conditions a team rule may not have. */
export const ORG_ONLY_CONDITIONS: readonly TConditionField[] = ["team"];
