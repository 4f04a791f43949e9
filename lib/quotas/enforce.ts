import "server-only";
import type { PoolClient } from "pg";
import { pool } from "@/lib/server/db";
import { formatBytes } from "@/lib/server/byte-size";
import { AppError } from "@/lib/server/errors";
import { RateLimitedError } from "@/lib/server/rate-limit";
import { reportQuotaState, type TOrgQuotas, type TOrgUsage } from "./quotas";

// The agent's uploader runs `curl --fail`, so its log shows only the status (429: try tomorrow,
// 413: full). The body is for a person running curl by hand: short, with what to do.

const RAISE = "ask the operator of this Bumpers install";

/** Seconds until the next 00:00 UTC, when the daily quota starts over. */
export function secondsUntilUtcMidnight(now: Date = new Date()): number {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  return Math.max(1, Math.ceil((midnight - now.getTime()) / 1000));
}

function dailyQuotaError(limit: number): RateLimitedError {
  const wait = secondsUntilUtcMidnight();
  const totalMinutes = Math.ceil(wait / 60);
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  return new RateLimitedError(
    wait,
    `This organization stored its ${formatBytes(limit)} of reports for today (UTC). ` +
      `Uploads resume at 00:00 UTC (in ${hours} h ${minutes} min); to raise the daily limit, ${RAISE}.`,
    { code: "daily_quota_exceeded", details: { limitBytes: limit } },
  );
}

function storageQuotaError(limit: number): AppError {
  return new AppError(
    "storage_quota_exceeded",
    `This organization holds ${formatBytes(limit)} of reports, its storage limit. ` +
      `Older reports are removed by retention; to raise the limit, ${RAISE}.`,
    { limitBytes: limit },
  );
}

/** Counts one upload refused over a quota, for the org admins' Storage panel. */
export async function recordQuotaRefusal(orgId: string): Promise<void> {
  await pool.query(
    `INSERT INTO report_usage_daily (org_id, day, refused) VALUES ($1, (now() AT TIME ZONE 'UTC')::date, 1)
     ON CONFLICT (org_id, day) DO UPDATE SET refused = report_usage_daily.refused + 1`,
    [orgId],
  );
}

/** The quota an upload of `extraBytes` more would pass, given what is stored now; null if none. */
function exceeded(quotas: TOrgQuotas, usage: Pick<TOrgUsage, "reportBytesToday" | "reportBytesStored">, extra: number) {
  if (quotas.reportBytesTotal !== null && usage.reportBytesStored + extra > quotas.reportBytesTotal) {
    return storageQuotaError(quotas.reportBytesTotal);
  }
  if (quotas.reportBytesPerDay !== null && usage.reportBytesToday + extra > quotas.reportBytesPerDay) {
    return dailyQuotaError(quotas.reportBytesPerDay);
  }
  return null;
}

/**
 * Before an upload's body is read: refuses at once when the organization has no room left today
 * or in total, so an agent past its quota does not send 50 MB to be told so.
 */
export async function assertUploadRoom(orgId: string): Promise<void> {
  const { quotas, usage } = await reportQuotaState(orgId);
  // "No room" is a full quota: any report, however small, would pass it.
  const error = exceeded(quotas, usage, 1);
  if (!error) return;
  await recordQuotaRefusal(orgId);
  throw error;
}

/**
 * Inside the transaction that inserted a report (the trigger on reports has counted it): throws
 * when the organization is now over a quota, so the caller rolls the report back. The counter rows
 * stay locked by that insert until the end of the transaction, so concurrent uploads of one
 * organization are checked one after the other and never pass a quota together.
 */
export async function assertWithinReportQuota(client: PoolClient, orgId: string): Promise<void> {
  const { quotas, usage } = await reportQuotaState(orgId, client);
  const error = exceeded(quotas, usage, 0);
  if (error) throw error;
}

/** Whether an error is a refusal over a quota (then counted once the transaction is rolled back). */
export function isQuotaRefusal(err: unknown): boolean {
  return err instanceof AppError && (err.code === "daily_quota_exceeded" || err.code === "storage_quota_exceeded");
}

export async function countQuotaRefusal(orgId: string): Promise<void> {
  await recordQuotaRefusal(orgId);
}
