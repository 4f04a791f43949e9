import "server-only";
import type { PoolClient } from "pg";
import { pool } from "@/lib/server/db";
import { applyCloudCosts } from "@/lib/cost/ingest/apply-cloudcosts";
import { applyCostEstimate } from "@/lib/cost/ingest/apply-estimate";
import { applyOpenCost } from "@/lib/cost/ingest/apply-opencost";
import { alertOnReportProcessed } from "@/lib/alerting/hooks";
import { runRules } from "@/lib/automation/engine/run-rules";
import { ReportShapeError } from "@/lib/ingest/parsers/types";
import { applyFindings, findingRowsFromParsed, type TReportContext } from "@/lib/ingest/process/apply-findings";
import { applyImages } from "@/lib/ingest/process/apply-images";
import { applyInventory } from "@/lib/ingest/process/apply-inventory";
import { FINDING_SOURCES, parseReport, WINDOWED_TYPES } from "@/lib/ingest/process/parse-report";
import { readReportJson } from "@/lib/ingest/process/read-report-json";
import { ticketsOnReportProcessed } from "@/lib/tickets/sync/after-report";

export type TProcessOutcome = {
  reportId: string;
  status: "processed" | "failed";
  summary: Record<string, unknown>;
  error?: string;
};

type TReportRow = {
  id: string;
  org_id: string;
  cluster_id: string;
  type: string;
  received_at: Date;
};

// Namespace of the advisory locks that serialize processing per cluster and report type (the
// second key is a hash of both), so two reports of one cluster racing cannot interleave.
const PROCESS_LOCK_NAMESPACE = 72707370;

/** A report id, or which waiting reports to take the oldest of (all when omitted). */
export type TProcessTarget = string | { clusterId?: string } | undefined;

async function claim(client: PoolClient, target: TProcessTarget): Promise<TReportRow | undefined> {
  // SKIP LOCKED: several workers share the queue; a report being processed by one is invisible to others.
  const { rows } = await client.query<TReportRow>(
    typeof target === "string"
      ? `SELECT id, org_id, cluster_id, type, received_at FROM reports
          WHERE id = $1 AND status = 'received' FOR UPDATE SKIP LOCKED`
      : `SELECT id, org_id, cluster_id, type, received_at FROM reports
          WHERE status = 'received' AND ($1::uuid IS NULL OR cluster_id = $1)
          ORDER BY received_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
    typeof target === "string" ? [target] : [target?.clusterId ?? null],
  );
  return rows[0];
}

async function apply(client: PoolClient, ctx: TReportContext, json: unknown): Promise<Record<string, unknown>> {
  const parsed = parseReport(ctx.source, json);
  switch (parsed.kind) {
    case "findings": {
      const counts = await applyFindings(client, ctx, findingRowsFromParsed(parsed.result.findings));
      // What the parser learned beyond findings (e.g. kube-bench's passed controls per node) stays
      // with the report for the pages that show it.
      return parsed.result.meta ? { ...counts, meta: parsed.result.meta } : counts;
    }
    case "images":
      return applyImages(client, ctx, parsed.result.images ?? []);
    case "inventory": {
      const counts = await applyInventory(client, ctx, parsed.inventory);
      // Estimated cost for clusters without OpenCost, from the owners and labels just applied.
      return { ...counts, cost: await applyCostEstimate(client, ctx, parsed.inventory) };
    }
    case "opencost":
      return applyOpenCost(client, ctx, parsed.report);
    case "cloudcosts":
      return applyCloudCosts(client, ctx, parsed.rows);
    case "stored":
      return { stored: true };
  }
}

async function finish(
  client: PoolClient,
  report: TReportRow,
  outcome: Omit<TProcessOutcome, "reportId">,
): Promise<TProcessOutcome> {
  await client.query(`UPDATE reports SET status = $2, error = $3, summary = $4, processed_at = now() WHERE id = $1`, [
    report.id,
    outcome.status,
    outcome.error ?? null,
    JSON.stringify(outcome.summary),
  ]);
  return { reportId: report.id, ...outcome };
}

// SQLSTATE classes worth a retry: 08 connection, 40 rollback (deadlock, serialization), 53 resources,
// 57 operator intervention (shutdown); Node's own socket errors have codes like ECONNRESET.
function isTransient(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  if (typeof code !== "string") return false;
  return /^(08|40|53|57)/.test(code) || code.startsWith("E");
}

/**
 * Processes one stored report (the given one, or the oldest waiting) in one transaction: parse,
 * normalize set-based, mark processed. A crash rolls everything back and leaves the report
 * waiting, so each report is applied exactly once. Returns undefined when there was nothing to do.
 */
export async function processReport(target?: TProcessTarget): Promise<TProcessOutcome | undefined> {
  const client = await pool.connect();
  let report: TReportRow | undefined;
  try {
    await client.query("BEGIN");
    report = await claim(client, target);
    if (!report) {
      await client.query("ROLLBACK");
      return undefined;
    }
    await client.query("SELECT pg_advisory_xact_lock($1, hashtext($2))", [
      PROCESS_LOCK_NAMESPACE,
      `${report.cluster_id}/${report.type}`,
    ]);
    // Shared side of lib/teams/lock.ts: reports of many clusters process together, but never
    // interleave with a scope edit, which could otherwise leave owners from the old scopes.
    // Taken before any row is touched, so the two cannot deadlock.
    await client.query("SELECT pg_advisory_xact_lock_shared(hashtextextended($1, 0))", [
      `team-ownership:${report.org_id}`,
    ]);
    // A newer report of the same cluster and type was already applied: applying this one would
    // move findings back in time. Cost reports carry their own dates and are always applied.
    const applied = await client.query<{ newer: boolean; previous: Date | null }>(
      `SELECT bool_or((received_at, id) > ($3, $4)) AS newer,
              max(received_at) FILTER (WHERE (received_at, id) < ($3, $4)) AS previous
         FROM reports WHERE cluster_id = $1 AND type = $2 AND status = 'processed'`,
      [report.cluster_id, report.type, report.received_at, report.id],
    );
    let outcome: TProcessOutcome;
    if (applied.rows[0]?.newer && !WINDOWED_TYPES.has(report.type)) {
      outcome = await finish(client, report, { status: "processed", summary: { superseded: true } });
    } else {
      const ctx: TReportContext = {
        orgId: report.org_id,
        clusterId: report.cluster_id,
        reportId: report.id,
        source: report.type,
        // Everything the report says is as of its arrival: first seen, fixed and event times
        // follow the reports, not how long the queue took.
        now: report.received_at,
        previousReportAt: applied.rows[0]?.previous ?? null,
      };
      await client.query("SAVEPOINT apply");
      try {
        const json = await readReportJson(client, report.id);
        const summary = await apply(client, ctx, json);
        if ((FINDING_SOURCES as readonly string[]).includes(ctx.source)) {
          // Automation rules over what the report opened, reopened or changed. Their events carry
          // the report, so the alert and ticket hooks below see the rules' changes too.
          const automation = await runRules(
            client,
            { orgId: ctx.orgId, trigger: "report", now: ctx.now, reportId: ctx.reportId },
            { kind: "report", reportId: ctx.reportId },
          );
          if (automation.changedFindings > 0) summary.automation = { changed: automation.changedFindings };
        }
        // Alert transitions (PagerDuty outbox) in the same transaction as the findings they follow.
        await alertOnReportProcessed(client, ctx);
        // Ticket transitions and comments (Jira / GitHub outbox) follow the same findings, in the same transaction.
        await ticketsOnReportProcessed(client, ctx);
        outcome = await finish(client, report, { status: "processed", summary });
      } catch (err) {
        if (!(err instanceof ReportShapeError)) throw err;
        // Nothing is kept from a report that does not fit its type; the report stays, with the reason.
        await client.query("ROLLBACK TO SAVEPOINT apply");
        outcome = await finish(client, report, { status: "failed", summary: {}, error: err.message });
      }
    }
    await client.query("COMMIT");
    return outcome;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    // Lost connections, deadlocks and shutdowns leave the report waiting: the next attempt will do.
    if (!report || isTransient(err)) throw err;
    // An unexpected failure (a bug, the database going away) keeps the report and shows the reason;
    // an admin can reprocess it from the clusters page once the cause is fixed.
    const message = `Processing failed: ${(err as Error).message}`;
    await pool.query(`UPDATE reports SET status = 'failed', error = $2, processed_at = now() WHERE id = $1`, [
      report.id,
      message,
    ]);
    console.error(`[ingest] report ${report.id} (${report.type}) failed: ${(err as Error).stack ?? err}`);
    return { reportId: report.id, status: "failed", summary: {}, error: message };
  } finally {
    client.release();
  }
}

/** Processes waiting reports (of one cluster, or all) until none is left or `max` were done; returns how many. */
export async function processPendingReports(options: { clusterId?: string; max?: number } = {}): Promise<number> {
  const max = options.max ?? Number.POSITIVE_INFINITY;
  let done = 0;
  while (done < max && (await processReport({ clusterId: options.clusterId }))) done++;
  return done;
}
