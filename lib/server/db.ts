import "server-only";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "./env";

// One pool and one client per process; Next.js dev reloads modules, so they live on globalThis.
const globalForDb = globalThis as unknown as { bumpersPool?: pg.Pool; bumpersPrisma?: PrismaClient };

function createPool(): pg.Pool {
  const created = new pg.Pool({ connectionString: env().DATABASE_URL, max: 10 });
  // An idle connection dropped by the server (restart, shutdown) is replaced on the next query;
  // without a listener the pool would crash the process.
  created.on("error", (err) => console.error(`[db] idle connection closed: ${err.message}`));
  return created;
}

/** Raw `pg` pool for set-based SQL on hot paths. */
export const pool: pg.Pool = (globalForDb.bumpersPool ??= createPool());

/** Prisma client for everything else. */
export const db: PrismaClient = (globalForDb.bumpersPrisma ??= new PrismaClient({
  adapter: new PrismaPg(pool),
}));

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
