import pg from "pg";
import { isDatabaseUnavailable } from "./db-errors";
import { env } from "./env";

// Whether PostgreSQL can be reached, for the proxy (proxy.ts): pages render and stream before
// their queries fail, so once one meets a dead database its status is already sent (200 with an
// error boundary, or a 500). The proxy asks here first and answers 503 with a clear page instead.
// A success is trusted for a second, so a busy app checks about once a second, not per request;
// while the database is down every page request checks again (a refused connection fails fast),
// so pages come back as soon as it does. The proxy is bundled apart from the routes, hence its own
// one-connection pool (no "server-only" import here: the proxy bundle is not a react-server one).

const TRUST_OK_MS = 1000;

export type TDatabaseStatus = { reachable: () => Promise<boolean>; close: () => Promise<void> };

export function createDatabaseStatus(url: string | undefined): TDatabaseStatus {
  let okUntil = 0;
  let inFlight: Promise<boolean> | undefined;
  let pool: pg.Pool | undefined;

  async function check(): Promise<boolean> {
    if (!url) return true;
    if (!pool) {
      pool = new pg.Pool({ connectionString: url, max: 1, connectionTimeoutMillis: 5000, idleTimeoutMillis: 30_000 });
      pool.on("error", () => undefined); // an idle connection dropped by a restart: the next check reconnects
    }
    try {
      await pool.query("SELECT 1");
      okUntil = Date.now() + TRUST_OK_MS;
      return true;
    } catch (err) {
      // Only an unreachable database closes the pages; any other error is left to the page itself.
      return !isDatabaseUnavailable(err);
    }
  }

  return {
    reachable() {
      if (Date.now() < okUntil) return Promise.resolve(true);
      inFlight ??= check().finally(() => (inFlight = undefined));
      return inFlight;
    },
    async close() {
      await pool?.end();
    },
  };
}

const globalForStatus = globalThis as unknown as { bumpersDatabaseStatus?: TDatabaseStatus };

/** The process's database status, on DATABASE_URL. */
export function databaseStatus(): TDatabaseStatus {
  return (globalForStatus.bumpersDatabaseStatus ??= createDatabaseStatus(env().DATABASE_URL));
}
