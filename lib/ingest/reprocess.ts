import "server-only";
import { db } from "@/lib/server/db";
import { AppError, notFound } from "@/lib/server/errors";
import { recordAudit, type TAuditEntry } from "@/lib/audit/record-audit";
import { isRowId } from "@/lib/tokens/schemas";
import { notifyReportReceived } from "./notify";

const AUDIT_ERROR_CHARS = 500;

/**
 * Queues a stored report for processing again (after a parser fix, or to retry a failure). Only a
 * finished report can go back: one still queued is already waiting for the worker, and flipping it
 * while the worker holds it would make two runs race.
 */
export async function reprocessReport(orgId: string, actor: TAuditEntry["actor"], reportId: string) {
  if (!isRowId(reportId)) throw notFound("Report not found.");
  const report = await db.$transaction(async (tx) => {
    const found = await tx.report.findFirst({
      where: { id: reportId, orgId },
      select: { id: true, type: true, status: true, error: true, cluster: { select: { slug: true } } },
    });
    if (!found) throw notFound("Report not found.");
    // Conditional update: a concurrent reprocess (or the worker) changing the status first wins.
    const { count } = await tx.report.updateMany({
      where: { id: found.id, orgId, status: { in: ["failed", "processed"] } },
      data: { status: "received", error: null, processedAt: null },
    });
    if (!count) throw new AppError("conflict", "This report is already queued for processing.");
    await recordAudit(tx, {
      orgId,
      actor,
      action: "report.reprocess",
      target: { type: "report", id: found.id, label: `${found.cluster.slug}/${found.type}` },
      // The error can be a long stack of parser output; its start says what went wrong.
      before: { status: found.status, error: found.error ? found.error.slice(0, AUDIT_ERROR_CHARS) : null },
      after: { status: "received" },
    });
    return { id: found.id, type: found.type, clusterSlug: found.cluster.slug };
  });
  // After the commit, so the worker sees the new status when it wakes.
  await notifyReportReceived(report.id);
  return report;
}
