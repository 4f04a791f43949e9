import { randomBytes } from "node:crypto";
import path from "node:path";
import { migrate } from "@/lib/server/migrations";
import {
  createScratchDatabase,
  ensurePostgresServer,
  type TPostgresServer,
  type TScratchDatabase,
} from "@/scripts/lib/scratch-database";

// One fresh, migrated database per test run: on the server named by DATABASE_URL (CI: the
// machine's PostgreSQL) or, when unset, on an embedded server so tests run on any laptop.

let server: TPostgresServer | undefined;
let database: TScratchDatabase | undefined;

export async function setup(): Promise<void> {
  server = await ensurePostgresServer({
    dir: path.resolve(".data/test-postgres"),
    port: Number(process.env.BUMPERS_TEST_PG_PORT || 54330),
  });
  database = await createScratchDatabase(server.url, "bumpers_test");
  process.env.DATABASE_URL = database.url;
  process.env.NEXTAUTH_SECRET ||= "test-secret-not-for-production";
  process.env.BUMPERS_ENCRYPTION_KEY ||= randomBytes(32).toString("base64");
  process.env.BUMPERS_BCRYPT_COST = "4";
  await migrate(database.url);
}

export async function teardown(): Promise<void> {
  await database?.dispose().catch(() => {});
  await server?.stop();
}
