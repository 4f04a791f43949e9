import "server-only";
import { pool } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { ReportShapeError } from "./parsers/types";
import { notifyReportReceived } from "./notify";
import { parseReport } from "./process/parse-report";
import { cleanReportBody } from "./clean-text";
import { storeReport, type TStoreReportInput, type TStoredReport } from "./store-report";

/**
 * An upload from an agent: checked to be JSON (400), cleaned of what PostgreSQL cannot hold (NUL,
 * invalid UTF-8, lone surrogates: see clean-text.ts), stored durably, checked against its type's
 * shape (422, the report is kept as failed so it can be reprocessed after a fix), then handed to
 * the worker, which normalizes it without holding up the agent's request.
 */
export async function receiveReport(input: TStoreReportInput): Promise<TStoredReport> {
  const { body, json, cleaned } = cleanReportBody(input.body);
  if (cleaned.length)
    console.info(`[ingest] ${input.type} report of cluster ${input.clusterId} cleaned: ${cleaned.join("; ")}`);
  const stored = await storeReport({ ...input, body });
  try {
    parseReport(input.type, json);
  } catch (err) {
    if (!(err instanceof ReportShapeError)) throw err;
    if (!stored.duplicate) {
      await pool.query(
        `UPDATE reports SET status = 'failed', error = $2, processed_at = now() WHERE id = $1 AND status = 'received'`,
        [stored.reportId, err.message],
      );
    }
    throw new AppError("unprocessable", `The ${input.type} report does not have the expected shape at ${err.message}`, {
      path: err.path,
    });
  }
  if (!stored.duplicate) await notifyReportReceived(stored.reportId);
  return stored;
}
