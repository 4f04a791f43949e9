import "server-only";
import { pool } from "@/lib/server/db";

/** The Postgres channel the ingest worker listens on; the payload is the report id. */
export const REPORTS_CHANNEL = "bumpers_reports";

/**
 * Wakes the ingest worker for a stored report. Only a hint: the worker also polls, so a lost
 * notification (worker restarting) delays processing by one poll interval and loses nothing.
 */
export async function notifyReportReceived(reportId: string): Promise<void> {
  await pool.query("SELECT pg_notify($1, $2)", [REPORTS_CHANNEL, reportId]);
}
