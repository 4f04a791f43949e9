import "server-only";
import { pool } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { parseReportType } from "./report-type";

/** Failure messages are logs from the agent's job; the start of one says what went wrong. */
export const MAX_FAILURE_BYTES = 64 * 1024;

export type TStoreFailureInput = { orgId: string; clusterId: string; type: string; body: Buffer };

/** Stores the agent's failure text (whatever its Content-Type), cut to 64 KB. */
export async function storeFailure(input: TStoreFailureInput): Promise<{ failureId: string }> {
  const type = parseReportType(input.type);
  // PostgreSQL text cannot hold NUL; a cut in the middle of a UTF-8 sequence decodes to U+FFFD.
  const message = input.body.subarray(0, MAX_FAILURE_BYTES).toString("utf8").replaceAll("\u0000", "");
  if (!message.trim()) throw new AppError("bad_request", "The failure message is empty.");
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO agent_failures (org_id, cluster_id, type, message) VALUES ($1, $2, $3, $4) RETURNING id`,
    [input.orgId, input.clusterId, type, message],
  );
  return { failureId: rows[0].id };
}
