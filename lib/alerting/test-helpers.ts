import "server-only";
import { randomBytes } from "node:crypto";
import { orgWideScope } from "@/lib/auth/visibility-scope";
import { pool } from "@/lib/server/db";
import { inTransaction } from "@/lib/server/sql";
import { actorFor, createTestTenant } from "@/lib/testing/factories";
import { createDestination } from "./destinations/create-destination";
import { evaluateFindingAlerts } from "./engine/evaluate";
import { createRule } from "./rules/create-rule";
import type { TRuleInput } from "./schemas";
import { storeAndProcess } from "@/lib/testing/reports";

// Builders for the alerting integration tests and the benchmark: Polaris reports that go through
// the real ingest path, and set-based inserts for findings Polaris cannot produce (criticals).

/**
 * A fresh tenant whose org baseline has one rule, sending to an org-level "Platform" destination
 * with a fresh routing key (returned as `key`, to check that no read ever shows it).
 */
export async function tenantWithRule(rule: Omit<TRuleInput, "destinationId">) {
  const t = await createTestTenant();
  const actor = actorFor(t.users.admin);
  const key = randomBytes(16).toString("hex");
  const destination = await createDestination(t.org.id, actor, { name: "Platform", routingKey: key, teamId: null });
  await createRule(t.org.id, actor, null, { ...rule, destinationId: destination.id });
  return { t, actor, key, destination };
}

export type TWorkload = { namespace: string; name: string };
export type TFailingCheck = {
  id: string;
  message?: string;
  severity?: "danger" | "warning";
  category?: "Security" | "Reliability" | "Efficiency";
  /** Containers of each workload failing it. */
  containers?: number;
};

let reportSeq = 0;

/** A Polaris audit in the agent's format: each workload fails each check in `containers` containers. */
export function polarisReport(workloads: readonly TWorkload[], checks: readonly TFailingCheck[]): Buffer {
  return polarisReportWith(workloads, () => checks);
}

/** Like polarisReport, with the failing checks chosen per workload. */
export function polarisReportWith(
  workloads: readonly TWorkload[],
  checksOf: (workload: TWorkload, index: number) => readonly TFailingCheck[],
): Buffer {
  const perWorkload = workloads.map((w, i) => checksOf(w, i));
  const maxContainers = Math.max(1, ...perWorkload.flat().map((c) => c.containers ?? 1));
  const result = (c: TFailingCheck) => ({
    ID: c.id,
    Message: c.message ?? `${c.id} should be fixed`,
    Details: null,
    Success: false,
    Severity: c.severity ?? "danger",
    Category: c.category ?? "Security",
  });
  return Buffer.from(
    JSON.stringify({
      PolarisOutputVersion: "1.0",
      AuditTime: new Date().toISOString(),
      SourceType: "Cluster",
      SourceName: "",
      DisplayName: `alerting-test-${++reportSeq}`,
      ClusterInfo: { Version: "1.29", Nodes: 3, Pods: workloads.length, Namespaces: 1, Controllers: workloads.length },
      Results: workloads.map((w, wi) => ({
        Name: w.name,
        Namespace: w.namespace,
        Kind: "Deployment",
        Results: {},
        PodResult: {
          Name: "",
          Results: {},
          ContainerResults: Array.from({ length: maxContainers }, (_, i) => ({
            Name: `c${i}`,
            Results: Object.fromEntries(
              perWorkload[wi]!.filter((c) => i < (c.containers ?? 1)).map((c) => [c.id, result(c)]),
            ),
          })),
        },
        CreatedTime: "0001-01-01T00:00:00Z",
      })),
      Score: 50,
    }),
  );
}

export function workloads(count: number, namespaces: readonly string[], prefix = "app"): TWorkload[] {
  return Array.from({ length: count }, (_, i) => ({
    namespace: namespaces[i % namespaces.length]!,
    name: `${prefix}-${String(i).padStart(4, "0")}`,
  }));
}

/** Stores and processes a report like an agent upload followed by the worker. */
export async function ingest(orgId: string, clusterId: string, type: string, body: Buffer) {
  const { outcome } = await storeAndProcess(orgId, clusterId, type, body);
  if (outcome?.status !== "processed") throw new Error(`report not processed: ${outcome?.error ?? "?"}`);
  return outcome;
}

/**
 * Inserts open findings of one check directly (set-based), then evaluates alerts in a
 * transaction, as processReport would.
 */
export async function insertFindings(input: {
  orgId: string;
  clusterId: string;
  teamId: string | null;
  checkId: string;
  severity: "critical" | "high" | "medium" | "low";
  category?: string;
  source?: string;
  namespace?: string;
  count: number;
}): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query(
      `INSERT INTO findings (org_id, cluster_id, fingerprint, source, check_id, category, severity, score, title,
                             namespace, kind, name, owner_team_id)
       SELECT $1, $2, md5(random()::text || i), $3, $4, $5, $6::severity_level, 0.95, $4 || ' is wrong',
              $7, 'Deployment', 'w-' || i, $8
         FROM generate_series(1, $9) AS i`,
      [
        input.orgId,
        input.clusterId,
        input.source ?? "trivy",
        input.checkId,
        input.category ?? "security",
        input.severity,
        input.namespace ?? "default",
        input.teamId,
        input.count,
      ],
    );
    await evaluateFindingAlerts(client, input.orgId, { source: input.source ?? "trivy" });
  });
}

export type TOutboxRow = {
  id: string;
  action: string;
  dedup_key: string;
  status: string;
  destination_id: string;
  group_id: string | null;
  attempts: number;
  payload: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
};

export async function outbox(orgId: string): Promise<TOutboxRow[]> {
  const { rows } = await pool.query<TOutboxRow>(
    `SELECT id::text AS id, action::text AS action, dedup_key, status::text AS status, destination_id, group_id,
            attempts, payload
       FROM alert_events e WHERE org_id = $1 ORDER BY e.id`,
    [orgId],
  );
  return rows;
}

/** The org's finding ids and an org-wide triage context, to triage them as a test actor. */
export async function triageEverything(orgId: string) {
  const { rows } = await pool.query<{ id: string }>(`SELECT id FROM findings WHERE org_id = $1`, [orgId]);
  const scope = orgWideScope(orgId);
  return { ids: rows.map((r) => r.id), ctx: { scope, triageScope: scope, actor: { userId: null, label: "test" } } };
}
