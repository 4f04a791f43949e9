import "server-only";
import { isUuid } from "@/lib/alerting/parse-input";
import { notFound } from "@/lib/server/errors";

/**
 * A connection or subscription looked up under its owner: an id that is not a uuid, or a row of
 * another owner or org, is "not found" alike, so nobody learns what exists elsewhere.
 */
export async function ownedRowOrNotFound<T>(id: string, what: string, find: () => Promise<T | null>): Promise<T> {
  if (!isUuid(id)) throw notFound(`${what} not found.`);
  const row = await find();
  if (!row) throw notFound(`${what} not found.`);
  return row;
}
