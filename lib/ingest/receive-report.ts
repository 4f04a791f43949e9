import "server-only";
import { pool } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { ReportShapeError } from "./parsers/types";
import { notifyReportReceived } from "./notify";
import { parseReport } from "./process/parse-report";
import { parseReportJson, storeReport, type TStoreReportInput, type TStoredReport } from "./store-report";

/**
 * An upload from an agent: checked to be JSON (400), stored durably, checked against its type's
 * shape (422, the report is kept as failed so it can be reprocessed after a fix), then handed to
 * the worker, which normalizes it without holding up the agent's request.
 */
export async function receiveReport(input: TStoreReportInput): Promise<TStoredReport> {
  const json = parseReportJson(input.body);
  const stored = await storeReport(input);
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
