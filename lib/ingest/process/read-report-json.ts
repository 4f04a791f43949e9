import "server-only";
import type { PoolClient } from "pg";
import { cleanReportBody, cleanReportText } from "../clean-text";

// SQLSTATE 22021 character_not_in_repertoire: convert_from met NUL or invalid UTF-8.
const NOT_UTF8 = "22021";

/**
 * A stored report's JSON, cleaned like an upload (clean-text.ts). Reports stored since uploads are
 * cleaned never need it, but one stored before (NUL, invalid UTF-8 or a \u0000 escape in its
 * bytes) failed here every time; cleaning on read lets an admin's reprocess recover it.
 */
export async function readReportJson(client: PoolClient, reportId: string): Promise<unknown> {
  await client.query("SAVEPOINT read_body");
  try {
    // As text: the server decodes it, which is much faster than bytea's hex in JavaScript.
    const { rows } = await client.query<{ text: string }>(
      `SELECT convert_from(body, 'UTF8') AS text FROM reports WHERE id = $1`,
      [reportId],
    );
    await client.query("RELEASE SAVEPOINT read_body");
    return cleanReportText(rows[0].text).json;
  } catch (err) {
    if ((err as { code?: unknown }).code !== NOT_UTF8) throw err;
    await client.query("ROLLBACK TO SAVEPOINT read_body");
    const { rows } = await client.query<{ body: Buffer }>(`SELECT body FROM reports WHERE id = $1`, [reportId]);
    return cleanReportBody(rows[0].body).json;
  }
}
