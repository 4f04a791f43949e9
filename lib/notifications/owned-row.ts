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

/** The columns every connection and subscription view starts with: what it is, and whose. */
export const OWNED_ROW_SELECT = { id: true, kind: true, name: true, teamId: true } as const;
