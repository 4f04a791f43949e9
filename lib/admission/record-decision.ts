import "server-only";
import type pg from "pg";
import { alertOnFindingsTriaged } from "@/lib/alerting/hooks";
import { runRules } from "@/lib/automation/engine/run-rules";
import { findingFingerprint } from "@/lib/ingest/process/fingerprint";
import { checkById } from "@/lib/policies/checks";
import type { TCheckSeverity } from "@/lib/policies/types";
import type { TAdmissionDecision, TFailingCheck } from "./review";

// What an admission review leaves behind: a row in the decision log, and the object's failing
// checks as findings with source `admission`, one per check and object, so they sit beside the
// agent's findings for the same check (the same check ids) and follow the same lifecycle: a later
// review of the object without the problem fixes them, one with it again reopens them.

export type TReviewedObject = {
  orgId: string;
  clusterId: string;
  teamId: string | null;
  uid: string;
  operation: string;
  kind: string;
  namespace: string;
  name: string;
  username: string;
  labels: Record<string, string>;
  /** Objects a controller made (a Deployment's Pods) are logged, but their findings are the controller's. */
  controlled: boolean;
};

/** Fairwinds score bands (DESIGN.md): the middle of each band, so severity and score agree. */
const SCORES: Record<TCheckSeverity, number> = { critical: 0.95, high: 0.75, medium: 0.5, low: 0.25 };

type TExisting = { id: string; fingerprint: string; status: "open" | "fixed" | "removed" };

async function ensureResource(client: pg.ClientBase, object: TReviewedObject) {
  await client.query(
    `INSERT INTO resources (org_id, cluster_id, kind, namespace, name, labels, owner_team_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (org_id, cluster_id, kind, namespace, name) DO NOTHING`,
    [object.orgId, object.clusterId, object.kind, object.namespace, object.name, object.labels, object.teamId],
  );
  // The row lock serializes two reviews of the same object (a retried apply), so they cannot both
  // insert or both reopen its findings.
  const { rows } = await client.query<{ id: string; ownerTeamId: string | null }>(
    `SELECT id, owner_team_id AS "ownerTeamId" FROM resources
      WHERE org_id = $1 AND cluster_id = $2 AND kind = $3 AND namespace = $4 AND name = $5
      FOR UPDATE`,
    [object.orgId, object.clusterId, object.kind, object.namespace, object.name],
  );
  return rows[0];
}

function evidenceOf(result: TFailingCheck) {
  return { failures: result.failures, blocks: result.blocks };
}

async function recordFindings(
  client: pg.ClientBase,
  object: TReviewedObject,
  failing: readonly TFailingCheck[],
  now: Date,
): Promise<string[]> {
  const resource = await ensureResource(client, object);
  const { rows: existing } = await client.query<TExisting>(
    `SELECT id, fingerprint, status FROM findings WHERE org_id = $1 AND resource_id = $2 AND source = 'admission'`,
    [object.orgId, resource.id],
  );
  const byFingerprint = new Map(existing.map((f) => [f.fingerprint, f]));
  const changed: string[] = [];
  const seen = new Set<string>();
  for (const result of failing) {
    const check = checkById(result.checkId);
    const fingerprint = findingFingerprint({
      orgId: object.orgId,
      clusterId: object.clusterId,
      source: "admission",
      checkId: result.checkId,
      kind: object.kind,
      namespace: object.namespace,
      name: object.name,
      container: "",
      image: "",
      vulnerability: "",
    });
    seen.add(fingerprint);
    const prior = byFingerprint.get(fingerprint);
    const values = [result.severity, SCORES[result.severity], JSON.stringify(evidenceOf(result)), now];
    if (!prior) {
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO findings (org_id, cluster_id, fingerprint, source, check_id, category, severity, score, title,
                               description, remediation, namespace, kind, name, resource_id, owner_team_id,
                               evidence, status, first_seen_at, last_seen_at, updated_at, sla_started_at)
         VALUES ($5, $6, $7, 'admission', $8, $9, $1, $2, $10, $11, $12, $13, $14, $15, $16, $17, $3, 'open', $4, $4, $4, $4)
         ON CONFLICT (org_id, fingerprint) DO NOTHING
         RETURNING id`,
        [
          ...values,
          object.orgId,
          object.clusterId,
          fingerprint,
          result.checkId,
          result.category,
          result.title,
          check?.description ?? "",
          check?.remediation ?? "",
          object.namespace,
          object.kind,
          object.name,
          resource.id,
          resource.ownerTeamId,
        ],
      );
      if (rows[0]) {
        await event(client, object.orgId, rows[0].id, "opened", now);
        changed.push(rows[0].id);
      }
      continue;
    }
    await client.query(
      `UPDATE findings SET score = $2, evidence = $3, status = 'open', fixed_at = NULL,
              -- A rule's severity stays; the rules run after the decision re-decide it.
              severity = CASE WHEN reported_severity IS NULL THEN $1::severity_level ELSE severity END,
              reported_severity = CASE WHEN reported_severity IS NULL THEN NULL ELSE $1::severity_level END,
              reopened_count = reopened_count + (status <> 'open')::int,
              sla_started_at = CASE WHEN status <> 'open' THEN $4 ELSE sla_started_at END,
              sla_paused = CASE WHEN status <> 'open' THEN interval '0' ELSE sla_paused END,
              sla_breached_at = CASE WHEN status <> 'open' THEN NULL ELSE sla_breached_at END,
              last_seen_at = $4, updated_at = $4
        WHERE id = $5`,
      [...values, prior.id],
    );
    if (prior.status !== "open") {
      await event(client, object.orgId, prior.id, "reopened", now);
      changed.push(prior.id);
    }
  }
  // Open findings of this object the review no longer has: fixed (or turned off, or exempted).
  const fixed = existing.filter((f) => f.status === "open" && !seen.has(f.fingerprint)).map((f) => f.id);
  if (fixed.length > 0) {
    await client.query(
      `UPDATE findings SET status = 'fixed', fixed_at = $2, updated_at = $2 WHERE id = ANY($1::uuid[])`,
      [fixed, now],
    );
    for (const id of fixed) await event(client, object.orgId, id, "fixed", now);
    changed.push(...fixed);
  }
  return changed;
}

async function event(client: pg.ClientBase, orgId: string, findingId: string, kind: string, at: Date) {
  await client.query(
    `INSERT INTO finding_events (org_id, finding_id, kind, created_at) VALUES ($1, $2, $3::finding_event_kind, $4)`,
    [orgId, findingId, kind, at],
  );
}

/**
 * Writes the decision log row and the object's admission findings in one transaction, runs the
 * automation rules over them, then lets alerting react to the findings that opened, reopened or
 * were fixed (and those the rules changed).
 */
export async function recordAdmissionDecision(
  client: pg.ClientBase,
  object: TReviewedObject,
  decision: TAdmissionDecision,
  now = new Date(),
): Promise<{ changedFindingIds: string[] }> {
  await client.query(
    `INSERT INTO admission_decisions (org_id, cluster_id, team_id, uid, operation, namespace, kind, name, username,
                                      outcome, passive, blocking, warned, exempted, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
    [
      object.orgId,
      object.clusterId,
      object.teamId,
      object.uid,
      object.operation,
      object.namespace,
      object.kind,
      object.name,
      object.username,
      decision.outcome,
      decision.passive,
      decision.blocking.map((r) => r.checkId),
      decision.failing.filter((r) => !r.blocks).map((r) => r.checkId),
      decision.exempted.map((r) => r.checkId),
      now,
    ],
  );
  if (object.controlled || !object.name) return { changedFindingIds: [] };
  const changedFindingIds = await recordFindings(client, object, decision.failing, now);
  // Automation rules over the findings the decision opened or reopened (fixed ones are not open).
  const automation = await runRules(
    client,
    { orgId: object.orgId, trigger: "admission", now },
    { kind: "ids", ids: changedFindingIds },
  );
  const ruled = automation.changedIds.filter((id) => !changedFindingIds.includes(id));
  await alertOnFindingsTriaged(client, object.orgId, [...changedFindingIds, ...ruled]);
  return { changedFindingIds };
}
