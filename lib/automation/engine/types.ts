import type { TAutomationRule } from "../schemas";
import type { TMarkField } from "../marks";

// The engine's contract (lib/automation/engine/README.md): what callers hand to runRules and what
// they get back. Callers: ingest (after a report), admission, triage, the apply-to-existing job,
// the daily pass and the preview.

export const AUTOMATION_TRIGGERS = ["report", "admission", "ci", "triage", "schedule", "apply"] as const;
export type TAutomationTrigger = (typeof AUTOMATION_TRIGGERS)[number];

export type TRuleRun = {
  orgId: string;
  trigger: TAutomationTrigger;
  /** One time for the whole run: events, snooze ends, resolution expiries and ages agree. */
  now: Date;
  /** The report that caused the run (its events carry it, so alerting sees rule changes too). */
  reportId?: string | null;
  /** The apply-to-existing or daily job whose batch this is (ledger rows add up per job). */
  jobId?: string | null;
};

/** Which findings a run looks at. Only open findings are ever changed. */
export type TCandidates =
  /** Explicit findings: a triage action's, an admission decision's, a job's batch. */
  | { kind: "ids"; ids: readonly string[] }
  /** What a processed report opened, reopened or changed (findings.last_report_id). */
  | { kind: "report"; reportId: string };

export type TRunOptions = {
  /** Evaluate these (ordered: org rules, then team rules) instead of the stored active rules. */
  rules?: readonly TAutomationRule[];
  /** Work out the changes and return them, but leave the database as it was. */
  dryRun?: boolean;
  /** How many changed findings to describe in `sample` (default 0; previews ask for ~10). */
  sampleSize?: number;
};

export type TChangeField = TMarkField | "tags";

export type TChange = {
  field: TChangeField;
  from: string | null;
  to: string | null;
  ruleId: string | null;
  ruleName: string | null;
};

export type TChangeSample = {
  findingId: string;
  title: string;
  cluster: string;
  namespace: string;
  kind: string;
  name: string;
  changes: TChange[];
};

export type TRuleStat = { ruleId: string; matched: number; changed: number; durationMs: number; error?: string };

export type TRunResult = {
  /** Open findings looked at. */
  candidates: number;
  /** Findings with at least one change. */
  changedFindings: number;
  changedIds: string[];
  /** Findings changed per field. */
  changes: { field: TChangeField; count: number }[];
  /** Per rule: findings it matched and changed (in order of the rules). */
  rules: TRuleStat[];
  sample: TChangeSample[];
};
