import path from "node:path";
import { migrate } from "@/lib/server/migrations";
import {
  createDatabaseIfMissing,
  dropDatabase,
  startEmbeddedPostgres,
  type TLocalPostgres,
} from "@/scripts/lib/local-postgres";

// One fresh, migrated database per test run: on the server named by DATABASE_URL (CI: the
// machine's PostgreSQL) or, when unset, on an embedded server so tests run on any laptop.

let embedded: TLocalPostgres | undefined;
let adminUrl = "";
let database = "";

export async function setup(): Promise<void> {
  let serverUrl = process.env.DATABASE_URL?.trim();
  if (!serverUrl) {
    embedded = await startEmbeddedPostgres({
      dir: path.resolve(".data/test-postgres"),
      port: Number(process.env.BUMPERS_TEST_PG_PORT || 54330),
      database: "postgres",
      quiet: true,
    });
    serverUrl = embedded.url;
  }
  const url = new URL(serverUrl);
  database = `bumpers_test_${Date.now()}_${process.pid}`;
  url.pathname = "/postgres";
  adminUrl = url.toString();
  // Some servers have no "postgres" database to connect to; fall back to the one given.
  try {
    await createDatabaseIfMissing(adminUrl, database);
  } catch {
    adminUrl = serverUrl;
    await createDatabaseIfMissing(adminUrl, database);
  }
  url.pathname = `/${database}`;
  process.env.DATABASE_URL = url.toString();
  process.env.NEXTAUTH_SECRET ||= "test-secret-not-for-production";
  process.env.BUMPERS_BCRYPT_COST = "4";
  await migrate(process.env.DATABASE_URL);
}

export async function teardown(): Promise<void> {
  if (!process.env.BUMPERS_KEEP_TEST_DB) await dropDatabase(adminUrl, database).catch(() => {});
  await embedded?.stop();
}
