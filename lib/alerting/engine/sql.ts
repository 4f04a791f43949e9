import "server-only";
import type pg from "pg";
import type { Tx } from "@/lib/server/db";

// The engine runs inside its caller's transaction, which is a `pg` client on the ingest and triage
// paths and a Prisma interactive transaction for admin edits; both are reached through this.

export type TSql = { query<T>(text: string, params?: unknown[]): Promise<{ rows: T[] }> };
export type TSqlClient = pg.ClientBase | Tx | TSql;

export function sqlOf(client: TSqlClient): TSql {
  if ("$queryRawUnsafe" in client) {
    const tx = client;
    return {
      async query<T>(text: string, params: unknown[] = []) {
        return { rows: await tx.$queryRawUnsafe<T[]>(text, ...params) };
      },
    };
  }
  return client as TSql;
}
