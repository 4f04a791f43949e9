import { z } from "zod";
import { FINDING_CATEGORIES } from "@/lib/domain/categories";
import { SEVERITY_LEVELS } from "@/lib/domain/severity";

// Shared by the Alerting forms (client) and the lib verbs (server), so the limits shown are enforced.

// Re-exported for rules/match.ts until it imports lib/domain/severity itself (new code imports the domain).
export { SEVERITY_RANK, type TSeverityLevel } from "@/lib/domain/severity";

export const PD_SEVERITIES = ["critical", "error", "warning", "info"] as const;
export const ALERT_GROUPINGS = ["check", "check_cluster", "check_namespace", "workload"] as const;
export const RULE_KINDS = ["findings", "stale_cluster", "budget", "sla_breach"] as const;

export type TPdSeverity = (typeof PD_SEVERITIES)[number];
export type TAlertGrouping = (typeof ALERT_GROUPINGS)[number];
export type TRuleKind = (typeof RULE_KINDS)[number];

export const GROUPING_LABELS: Record<TAlertGrouping, string> = {
  check: "By check",
  check_cluster: "By check and cluster",
  check_namespace: "By check and namespace",
  workload: "By workload",
};
export const RULE_KIND_LABELS: Record<TRuleKind, string> = {
  findings: "Findings",
  stale_cluster: "Stale cluster",
  budget: "Budget",
  sla_breach: "SLA breach",
};

/** Kinds whose rules match findings (and group them the same way). */
export const FINDING_RULE_KINDS = ["findings", "sla_breach"] as const satisfies readonly TRuleKind[];
export const matchesFindings = (kind: TRuleKind) => (FINDING_RULE_KINDS as readonly TRuleKind[]).includes(kind);

/** An Events API v2 integration key: 32 characters, letters and digits. */
export const ZRoutingKey = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9]{32}$/, "An Events API v2 integration key is 32 letters and digits.");

export const ZDestinationName = z.string().trim().min(2, "At least 2 characters.").max(80, "At most 80 characters.");

const ZOptionalUuid = z.preprocess((v) => (v === "" ? null : v), z.uuid("Choose one.").nullable().default(null));

export const ZNewDestination = z.object({
  name: ZDestinationName,
  routingKey: ZRoutingKey,
  /** The team that owns the service, or null for an org-wide one (e.g. platform). */
  teamId: ZOptionalUuid,
});
export type TNewDestination = z.input<typeof ZNewDestination>;

/** Renames or reassigns a destination; a non-empty routingKey replaces the key. */
export const ZDestinationUpdate = z.object({
  name: ZDestinationName,
  teamId: ZOptionalUuid,
  routingKey: z.preprocess((v) => (v === "" ? undefined : v), ZRoutingKey.optional()),
});
export type TDestinationUpdate = z.input<typeof ZDestinationUpdate>;

// Kubernetes names plus `*` wildcards ("prod-*"); a list means "any of these".
const ZPattern = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9*._\-/]+$/, "Use letters, digits, . - _ / and * wildcards.");
const ZList = <T extends z.ZodType>(item: T) => z.array(item).max(50, "At most 50 entries.").default([]);

/** What a rule matches. Empty lists match everything. */
export const ZRuleMatch = z.object({
  minSeverity: z.enum(SEVERITY_LEVELS).default("low"),
  categories: ZList(z.enum(FINDING_CATEGORIES)),
  /** Source tools: polaris, trivy, pluto, nova, goldilocks, kube-bench. */
  sources: ZList(z.string().trim().min(1).max(40)),
  /** Check ids (exact, or with * wildcards). */
  checks: ZList(ZPattern),
  clusters: ZList(ZPattern),
  namespaces: ZList(ZPattern),
});
export type TRuleMatch = z.infer<typeof ZRuleMatch>;

export const ZRuleInput = z
  .object({
    kind: z.enum(RULE_KINDS).default("findings"),
    name: z.string().trim().min(2, "At least 2 characters.").max(80, "At most 80 characters."),
    match: ZRuleMatch.default(ZRuleMatch.parse({})),
    /** Send to the owning team's destination when it has one. */
    useTeamDestination: z.boolean().default(false),
    /** The destination, or the fallback when useTeamDestination finds none. */
    destinationId: ZOptionalUuid,
    pdSeverity: z.enum(PD_SEVERITIES).default("error"),
    grouping: z.enum(ALERT_GROUPINGS).default("check"),
    continueMatching: z.boolean().default(false),
    noPage: z.boolean().default(false),
  })
  .superRefine((rule, ctx) => {
    if (!rule.noPage && !rule.useTeamDestination && !rule.destinationId) {
      ctx.addIssue({
        code: "custom",
        path: ["destinationId"],
        message: 'Choose a destination, the team\'s own destination, or "no page".',
      });
    }
  });
export type TRuleInput = z.input<typeof ZRuleInput>;
export type TRule = z.infer<typeof ZRuleInput>;

export const ZRuleId = z.uuid("Not a rule id.");
export const ZDestinationId = z.uuid("Not a destination id.");

/** Budget code raises its alerts through raiseAlert (lib/alerting/raise-alert.ts). */
export const ZRaiseAlert = z.object({
  orgId: z.uuid(),
  teamId: z.uuid().nullable(),
  /** Stable per problem, e.g. "budget:<budgetId>:monthly". */
  key: z.string().trim().min(1).max(200),
  severity: z.enum(PD_SEVERITIES).default("warning"),
  summary: z.string().trim().min(1).max(1024),
  details: z.record(z.string(), z.unknown()).default({}),
  /** Absolute URL or app path ("/o/acme/cost/budgets") shown as the event's link. */
  link: z.string().trim().max(2000).optional(),
});
export type TRaiseAlertInput = z.input<typeof ZRaiseAlert>;

export const PD_SEVERITY_RANK: Record<TPdSeverity, number> = { critical: 3, error: 2, warning: 1, info: 0 };

/** GET /api/v1/alerts/deliveries query: team slug ("unassigned" for org-level), destination id, status, action. */
export const ZDeliveryLogQuery = z.object({
  team: z.string().trim().min(1).max(60).optional(),
  destination: z.uuid("destination must be a destination id.").optional(),
  status: z
    .enum(["pending", "delivered", "failed"], { error: "status must be pending, delivered or failed." })
    .optional(),
  action: z
    .enum(["trigger", "acknowledge", "resolve"], { error: "action must be trigger, acknowledge or resolve." })
    .optional(),
  limit: z.coerce.number().int().min(1, "limit must be at least 1.").max(500, "limit must be at most 500.").default(50),
  /** Opaque (the keyset helper's); one that is not ours is a bad_request from the list. */
  cursor: z.string().max(1000, "cursor is not valid.").optional(),
});
export type TDeliveryLogQuery = z.infer<typeof ZDeliveryLogQuery>;
