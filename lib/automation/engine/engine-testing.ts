import "server-only";
import { polarisReportWith, type TFailingCheck, type TWorkload } from "@/lib/alerting/test-helpers";
import { pool } from "@/lib/server/db";
import { inTransaction } from "@/lib/server/sql";
import { createTestCluster, createTestTeam, createTestTenant } from "@/lib/testing/factories";
import { fixtureJson } from "@/lib/testing/fixtures";
import { storeAndProcess } from "@/lib/testing/reports";
import { ZAutomationRuleInput, type TAutomationRule, type TAutomationRuleInput } from "../schemas";
import { RULE_COLUMNS, ruleFromRow, type TAutomationRuleRow } from "./load-rules";
import { runRules } from "./run-rules";
import type { TCandidates, TRuleRun, TRunOptions } from "./types";

// Builders for the engine's tests: a tenant with real ingested findings (a workloads inventory
// with labels, a Polaris audit, a Trivy report of two images), stored rules, and runs in a
// transaction as the hooks make them.

type TJson = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export async function ingestOk(orgId: string, clusterId: string, type: string, body: Buffer | string) {
  const { outcome } = await storeAndProcess(orgId, clusterId, type, body);
  if (outcome?.status !== "processed") throw new Error(`report not processed: ${outcome?.error ?? "duplicate"}`);
  return outcome;
}

export type TInventoryWorkload = TWorkload & { kind?: string; labels?: Record<string, string> };

/** A workloads inventory in the agent's format (the parser fixture's shape) with these namespaces and controllers. */
export function workloadsReport(
  namespaces: ReadonlyArray<{ name: string; labels?: Record<string, string> }>,
  controllers: readonly TInventoryWorkload[],
): Buffer {
  const base = fixtureJson<TJson>("lib/ingest/parsers/fixtures/workloads-report.json");
  const template = base.Controllers[0];
  base.Namespaces = namespaces.map((ns) => ({
    metadata: { name: ns.name, uid: ns.name, labels: { "kubernetes.io/metadata.name": ns.name, ...ns.labels } },
    spec: {},
    status: { phase: "Active" },
  }));
  base.Controllers = controllers.map((w) => ({
    ...template,
    Kind: w.kind ?? "Deployment",
    Name: w.name,
    Namespace: w.namespace,
    Labels: w.labels ?? {},
    PodLabels: w.labels ?? {},
    UID: `${w.namespace}/${w.name}`,
  }));
  base.Ingresses = [];
  base.Services = [];
  base.PersistentVolumeClaims = [];
  base.Images = [];
  return Buffer.from(JSON.stringify(base));
}

const TRIVY_IMAGES = ["docker.io/curlimages/curl:7.79.1", "k8s.gcr.io/coredns/coredns:v1.8.0"];

/** The Fairwinds Trivy fixture cut to curl (insights-agent/cronjob-executor) and coredns (kube-system/coredns). */
export function trivyReport(): Buffer {
  const json = fixtureJson<TJson>("../shared/fixtures/trivy-insights/v0.26-latest.json");
  json.Images = json.Images.filter((i: TJson) => TRIVY_IMAGES.includes(i.Name) && !i.RecommendationOnly);
  return Buffer.from(JSON.stringify(json));
}

export const PRIV: TFailingCheck = { id: "privilegeEscalationAllowed", severity: "danger", category: "Security" };
export const CPU: TFailingCheck = { id: "cpuRequestsMissing", severity: "warning", category: "Efficiency" };

/** Workloads of the world the tests share: kube-system (platform) and shop-* (the shop team). */
export const WORLD: TInventoryWorkload[] = [
  { namespace: "kube-system", name: "coredns", labels: { "k8s-app": "kube-dns", tier: "system" } },
  { namespace: "kube-system", name: "metrics-server", labels: { "k8s-app": "metrics" } },
  { namespace: "shop-api", name: "checkout", labels: { app: "checkout", tier: "backend" } },
  { namespace: "shop-web", name: "storefront", labels: { app: "storefront" } },
  { namespace: "insights-agent", name: "cronjob-executor", kind: "Job", labels: {} },
];

const NAMESPACES = [
  { name: "kube-system", labels: { "pod-security.kubernetes.io/enforce": "privileged" } },
  { name: "shop-api", labels: { env: "staging", owner: "shop" } },
  { name: "shop-web", labels: { env: "production", owner: "shop" } },
  { name: "insights-agent", labels: {} },
];

const include = (namespace: string) => ({ effect: "include" as const, cluster: "*", namespace, kind: "*", name: "*" });

/**
 * A tenant with a "shop" team (shop-*), a "platform" team (kube-system, insights-agent) and one
 * cluster "staging-eu" that took a workloads inventory, a Polaris audit (PRIV on every workload but
 * the Job, CPU on shop ones) and a Trivy report of two images, all through the real ingest path.
 */
export async function createEngineWorld(options: { clusterSlug?: string } = {}) {
  const t = await createTestTenant();
  const shop = await createTestTeam(t.org.id, { slug: `shop-${t.org.slug}`, name: "Shop", rules: [include("shop-*")] });
  const platform = await createTestTeam(t.org.id, {
    slug: `platform-${t.org.slug}`,
    name: "Platform",
    priority: 10,
    rules: [include("kube-system"), include("insights-agent")],
  });
  const cluster = await createTestCluster(t.org.id, { slug: options.clusterSlug ?? "staging-eu" });
  await ingestOk(t.org.id, cluster.id, "workloads", workloadsReport(NAMESPACES, WORLD));
  await ingestOk(
    t.org.id,
    cluster.id,
    "polaris",
    polarisReportWith(
      WORLD.filter((w) => w.kind !== "Job"),
      (w) => (w.namespace.startsWith("shop-") ? [PRIV, CPU] : [PRIV]),
    ),
  );
  await ingestOk(t.org.id, cluster.id, "trivy", trivyReport());
  return { t, shop, platform, cluster };
}

let position = 0;

/** Stores a rule (validated like the form) at the end of its list; returns it as the engine reads it. */
export async function insertRule(
  orgId: string,
  input: TAutomationRuleInput,
  teamId: string | null = null,
): Promise<TAutomationRule> {
  const rule = ZAutomationRuleInput.parse(input);
  const { rows } = await pool.query<TAutomationRuleRow>(
    `INSERT INTO automation_rules AS r (org_id, team_id, position, name, enabled, conditions, actions, stop_processing,
                                        expires_at, note)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     RETURNING ${RULE_COLUMNS}`,
    [
      orgId,
      teamId,
      ++position,
      rule.name,
      rule.enabled,
      JSON.stringify(rule.conditions),
      JSON.stringify(rule.actions),
      rule.stopProcessing,
      rule.expiresAt,
      rule.note,
    ],
  );
  return ruleFromRow(rows[0]!)!;
}

/** A run as the hooks make one, in its own transaction. */
export function runInTransaction(
  run: Omit<TRuleRun, "now"> & { now?: Date },
  candidates: TCandidates,
  options?: TRunOptions,
) {
  return inTransaction(pool, (client) => runRules(client, { now: new Date(), ...run }, candidates, options));
}

export type TFindingRow = {
  id: string;
  source: string;
  check_id: string;
  title: string;
  namespace: string;
  kind: string;
  name: string;
  severity: string;
  reported_severity: string | null;
  owner_team_id: string | null;
  assignee_id: string | null;
  snoozed_until: Date | null;
  resolution: string | null;
  resolution_reason: string | null;
  resolution_expires_at: Date | null;
  sla_days: number | null;
  tags: string[];
  rule_marks: Record<string, unknown> | null;
  image: string | null;
  vulnerability_id: string;
  evidence: TJson;
  reopened_count: number;
};

/** The org's open findings with what rules change, in id order. */
export async function openFindings(orgId: string): Promise<TFindingRow[]> {
  const { rows } = await pool.query<TFindingRow>(
    `SELECT f.id, f.source, f.check_id, f.title, f.namespace, f.kind, f.name, f.severity::text AS severity,
            f.reported_severity::text AS reported_severity, f.owner_team_id, f.assignee_id, f.snoozed_until,
            f.resolution::text AS resolution, f.resolution_reason, f.resolution_expires_at, f.sla_days, f.tags,
            f.rule_marks, i.name AS image, f.vulnerability_id, f.evidence, f.reopened_count
       FROM findings f LEFT JOIN images i ON i.id = f.image_id
      WHERE f.org_id = $1 AND f.status = 'open' ORDER BY f.id`,
    [orgId],
  );
  return rows;
}

export async function eventsOf(findingIds: readonly string[], kinds?: readonly string[]) {
  const { rows } = await pool.query<{
    finding_id: string;
    kind: string;
    actor_id: string | null;
    report_id: string | null;
    data: TJson;
    created_at: Date;
  }>(
    `SELECT finding_id, kind::text AS kind, actor_id, report_id, data, created_at FROM finding_events
      WHERE finding_id = ANY($1::uuid[]) AND ($2::text[] IS NULL OR kind::text = ANY($2::text[]))
      ORDER BY created_at, id`,
    [findingIds, kinds ?? null],
  );
  return rows;
}

export async function ledgerOf(ruleId: string) {
  const { rows } = await pool.query<{
    trigger: string;
    report_id: string | null;
    job_id: string | null;
    matched: number;
    changed: number;
    duration_ms: number;
    error: string | null;
  }>(
    `SELECT trigger::text AS trigger, report_id, job_id, matched, changed, duration_ms, error
       FROM automation_rule_runs WHERE rule_id = $1 ORDER BY started_at, id`,
    [ruleId],
  );
  return rows;
}
