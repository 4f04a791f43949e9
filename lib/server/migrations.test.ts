import { createHash, randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createDatabaseIfMissing, dropDatabase } from "@/scripts/lib/local-postgres";
import { MIGRATIONS_DIR, migrate, readMigrations } from "./migrations";

// Each case gets its own empty database on the test server (the run's database from
// lib/testing/global-setup.ts serves as the connection to create them from).

const serverUrl = process.env.DATABASE_URL!;
const created: string[] = [];
const tempDirs: string[] = [];

async function freshDatabase(): Promise<string> {
  const name = `bumpers_migrate_${Date.now()}_${randomBytes(3).toString("hex")}`;
  await createDatabaseIfMissing(serverUrl, name);
  created.push(name);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A migrations folder in Prisma's layout: <name>/migration.sql. */
async function migrationsDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "bumpers-migrations-"));
  tempDirs.push(dir);
  for (const [name, sql] of Object.entries(files)) await writeMigration(dir, name, sql);
  return dir;
}

async function writeMigration(dir: string, name: string, sql: string): Promise<void> {
  await mkdir(path.join(dir, name), { recursive: true });
  await writeFile(path.join(dir, name, "migration.sql"), sql);
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const recorded = (url: string) =>
  query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
    url,
    `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
  );

const tableExists = async (url: string, table: string) =>
  (await query<{ exists: boolean }>(url, `SELECT to_regclass('public.${table}') IS NOT NULL AS exists`))[0].exists;

afterAll(async () => {
  for (const name of created) await dropDatabase(serverUrl, name).catch(() => {});
  for (const dir of tempDirs) await rm(dir, { recursive: true, force: true });
});

describe("migrate()", () => {
  it("applies the project's migrations once and records them like prisma migrate deploy", async () => {
    const url = await freshDatabase();
    const names = (await readdir(MIGRATIONS_DIR, { withFileTypes: true }))
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    expect(names.length).toBeGreaterThan(0);

    expect(await migrate(url)).toEqual(names);
    expect(await migrate(url)).toEqual([]);

    const rows = await recorded(url);
    const files = await readMigrations();
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    for (const row of rows) {
      const file = files.find((f) => f.name === row.migration_name)!;
      expect(row.checksum).toBe(createHash("sha256").update(file.sql).digest("hex"));
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
    }
    expect(await tableExists(url, "organizations")).toBe(true);
  });

  it("applies only new migrations, in name order", async () => {
    const url = await freshDatabase();
    const dir = await migrationsDir({ "20260101000000_first": `CREATE TABLE first_table (id int);` });
    expect(await migrate(url, { dir })).toEqual(["20260101000000_first"]);

    await writeMigration(dir, "20260103000000_third", `ALTER TABLE first_table ADD COLUMN c int;`);
    await writeMigration(dir, "20260102000000_second", `ALTER TABLE first_table ADD COLUMN b int;`);
    expect(await migrate(url, { dir })).toEqual(["20260102000000_second", "20260103000000_third"]);
    const columns = await query<{ column_name: string }>(
      url,
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'first_table' ORDER BY ordinal_position`,
    );
    expect(columns.map((c) => c.column_name)).toEqual(["id", "b", "c"]);
    expect((await recorded(url)).map((r) => r.migration_name)).toEqual([
      "20260101000000_first",
      "20260102000000_second",
      "20260103000000_third",
    ]);
  });

  it("refuses to continue when an applied migration was edited", async () => {
    const url = await freshDatabase();
    const dir = await migrationsDir({ "20260101000000_init": `CREATE TABLE things (id int);` });
    await migrate(url, { dir });

    await writeMigration(dir, "20260101000000_init", `CREATE TABLE things (id bigint);`);
    await writeMigration(dir, "20260102000000_more", `CREATE TABLE more_things (id int);`);
    await expect(migrate(url, { dir })).rejects.toThrow(/20260101000000_init was changed after it was applied/);
    expect(await tableExists(url, "more_things")).toBe(false);
    expect((await recorded(url)).map((r) => r.migration_name)).toEqual(["20260101000000_init"]);
  });

  it("rolls a failing migration back completely and records nothing for it", async () => {
    const url = await freshDatabase();
    const dir = await migrationsDir({
      "20260101000000_ok": `CREATE TABLE kept (id int);`,
      "20260102000000_broken": `CREATE TABLE half_done (id int);\nINSERT INTO kept VALUES (1);\nSELECT 1 / 0;`,
    });
    await expect(migrate(url, { dir })).rejects.toThrow(/20260102000000_broken failed: division by zero/);

    expect(await tableExists(url, "kept")).toBe(true);
    expect(await tableExists(url, "half_done")).toBe(false);
    expect(await query(url, `SELECT * FROM kept`)).toEqual([]);
    expect((await recorded(url)).map((r) => r.migration_name)).toEqual(["20260101000000_ok"]);

    // Once fixed, the next run applies it.
    await writeMigration(dir, "20260102000000_broken", `CREATE TABLE half_done (id int);`);
    expect(await migrate(url, { dir })).toEqual(["20260102000000_broken"]);
    expect(await tableExists(url, "half_done")).toBe(true);
  });

  it("lets concurrent runs apply each migration exactly once", async () => {
    const url = await freshDatabase();
    const dir = await migrationsDir({
      "20260101000000_a": `CREATE TABLE a (id int); SELECT pg_sleep(0.2);`,
      "20260102000000_b": `CREATE TABLE b (id int);`,
    });
    const results = await Promise.all([migrate(url, { dir }), migrate(url, { dir }), migrate(url, { dir })]);
    expect(results.flat().sort()).toEqual(["20260101000000_a", "20260102000000_b"]);
    expect((await recorded(url)).map((r) => r.migration_name)).toEqual(["20260101000000_a", "20260102000000_b"]);
  });
});
