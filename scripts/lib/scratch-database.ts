import path from "node:path";
import { createDatabaseIfMissing, dropDatabase, startEmbeddedPostgres } from "./local-postgres";
import { freePort } from "./ports";

export type TPostgresServer = { url: string; embedded: boolean; stop: () => Promise<void> };
export type TScratchDatabase = { url: string; name: string; dispose: () => Promise<void> };

/**
 * The PostgreSQL server tests run against: the one named by DATABASE_URL (CI: the machine's
 * server) or, when it is unset, an embedded server with its data in `dir` on a free port.
 */
export async function ensurePostgresServer(options: { dir: string; port?: number }): Promise<TPostgresServer> {
  const given = process.env.DATABASE_URL?.trim();
  if (given) return { url: given, embedded: false, stop: async () => {} };
  const server = await startEmbeddedPostgres({
    dir: path.resolve(options.dir),
    port: options.port ?? (await freePort()),
    database: "postgres",
    // A free port a moment ago; if another program took it since, the next one will do.
    portTries: 20,
  });
  return { url: server.url, embedded: true, stop: server.stop };
}

/**
 * A new, empty database on the server at `serverUrl`, named `<prefix>_<time>_<pid>`, dropped by
 * `dispose()` unless BUMPERS_KEEP_TEST_DB is set (to look at it after a failure).
 */
export async function createScratchDatabase(serverUrl: string, prefix: string): Promise<TScratchDatabase> {
  const name = `${prefix}_${Date.now()}_${process.pid}`;
  const admin = new URL(serverUrl);
  admin.pathname = "/postgres";
  let adminUrl = admin.toString();
  // Some servers have no "postgres" database to connect to; any database will do for CREATE DATABASE.
  try {
    await createDatabaseIfMissing(adminUrl, name);
  } catch {
    adminUrl = serverUrl;
    await createDatabaseIfMissing(adminUrl, name);
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    dispose: async () => {
      if (!process.env.BUMPERS_KEEP_TEST_DB) await dropDatabase(adminUrl, name);
    },
  };
}
