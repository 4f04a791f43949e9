import { readFileSync } from "node:fs";
import path from "node:path";
import { get_dmmf } from "@prisma/prisma-schema-wasm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Migrations are hand-written SQL, so nothing stops schema.prisma and prisma/migrations from
// drifting apart except this test: it compares the Prisma schema's DMMF with the catalog of the
// database that lib/testing/global-setup.ts migrated from scratch for this run.

type TDmmfField = {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "enum" | "object" | "unsupported";
  isList: boolean;
  isRequired: boolean;
  isUnique: boolean;
  isId: boolean;
  isUpdatedAt: boolean;
  hasDefaultValue: boolean;
  default?: unknown;
  type: string;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
};
type TDmmfModel = { name: string; dbName: string | null; fields: TDmmfField[] };
type TDmmfEnum = { name: string; dbName?: string | null; values: { name: string; dbName: string | null }[] };
type TDmmfIndex = {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  fields: { name: string; sortOrder?: "asc" | "desc" }[];
};
type TDatamodel = { models: TDmmfModel[]; enums: TDmmfEnum[]; indexes: TDmmfIndex[] };

type TDbColumn = {
  table_name: string;
  column_name: string;
  is_nullable: "YES" | "NO";
  udt_name: string;
  data_type: string;
  datetime_precision: number | null;
  character_maximum_length: number | null;
  column_default: string | null;
  is_identity: "YES" | "NO";
  is_generated: "ALWAYS" | "NEVER";
};
type TDbIndex = { table: string; name: string; unique: boolean; primary: boolean; columns: string[]; desc: boolean[] };
type TDbForeignKey = {
  table: string;
  name: string;
  columns: string[];
  ref_table: string;
  ref_columns: string[];
  on_delete: string;
  on_update: string;
};
type TDbSnapshot = {
  tables: string[];
  columns: TDbColumn[];
  enums: Map<string, string[]>;
  indexes: TDbIndex[];
  foreignKeys: TDbForeignKey[];
};

const SCHEMA_PATH = path.resolve(process.cwd(), "prisma/schema.prisma");
const IGNORED_TABLES = new Set(["_prisma_migrations"]);

function loadDatamodel(schemaText: string): TDatamodel {
  return (JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: schemaText }))) as { datamodel: TDatamodel }).datamodel;
}

async function snapshotDatabase(client: pg.Client): Promise<TDbSnapshot> {
  const tables = await client.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  );
  const columns = await client.query<TDbColumn>(
    `SELECT table_name, column_name, is_nullable, udt_name, data_type, datetime_precision, character_maximum_length,
            column_default, is_identity, is_generated
       FROM information_schema.columns WHERE table_schema = 'public'`,
  );
  const enums = await client.query<{ name: string; label: string }>(
    `SELECT t.typname AS name, e.enumlabel AS label
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' ORDER BY t.typname, e.enumsortorder`,
  );
  const indexes = await client.query<TDbIndex>(
    `SELECT t.relname AS table, i.relname AS name, ix.indisunique AS unique, ix.indisprimary AS primary,
            array(SELECT coalesce(a.attname::text, '<expression>')
                    FROM unnest(ix.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
                    LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
                   ORDER BY k.ord) AS columns,
            array(SELECT (o.opt & 1) = 1 FROM unnest(ix.indoption::int2[]) WITH ORDINALITY o(opt, ord) ORDER BY o.ord)
              AS desc
       FROM pg_index ix
       JOIN pg_class i ON i.oid = ix.indexrelid
       JOIN pg_class t ON t.oid = ix.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = 'public' AND ix.indpred IS NULL`,
  );
  const foreignKeys = await client.query<TDbForeignKey>(
    `SELECT t.relname AS table, con.conname AS name, f.relname AS ref_table,
            array(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
            array(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord)
              AS ref_columns,
            con.confdeltype AS on_delete, con.confupdtype AS on_update
       FROM pg_constraint con
       JOIN pg_class t ON t.oid = con.conrelid
       JOIN pg_class f ON f.oid = con.confrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE con.contype = 'f' AND n.nspname = 'public'`,
  );
  const enumMap = new Map<string, string[]>();
  for (const row of enums.rows) enumMap.set(row.name, [...(enumMap.get(row.name) ?? []), row.label]);
  return {
    tables: tables.rows.map((r) => r.table_name),
    columns: columns.rows,
    enums: enumMap,
    indexes: indexes.rows,
    foreignKeys: foreignKeys.rows,
  };
}

// Prisma's default column type per scalar, and per native type attribute (@db.X), as udt names.
const SCALAR_UDT: Record<string, string> = {
  String: "text",
  Int: "int4",
  BigInt: "int8",
  Float: "float8",
  Decimal: "numeric",
  Boolean: "bool",
  DateTime: "timestamp",
  Json: "jsonb",
  Bytes: "bytea",
};
const NATIVE_UDT: Record<string, string> = {
  Text: "text",
  VarChar: "varchar",
  Char: "bpchar",
  Uuid: "uuid",
  Citext: "citext",
  Inet: "inet",
  Xml: "xml",
  Integer: "int4",
  SmallInt: "int2",
  BigInt: "int8",
  Oid: "oid",
  DoublePrecision: "float8",
  Real: "float4",
  Decimal: "numeric",
  Money: "money",
  Boolean: "bool",
  Timestamp: "timestamp",
  Timestamptz: "timestamptz",
  Date: "date",
  Time: "time",
  Timetz: "timetz",
  Json: "json",
  JsonB: "jsonb",
  ByteA: "bytea",
  Bit: "bit",
  VarBit: "varbit",
};
const FK_ACTION: Record<string, string> = {
  a: "NoAction",
  r: "Restrict",
  c: "Cascade",
  n: "SetNull",
  d: "SetDefault",
};
// Defaults computed by Prisma Client, not by the database.
const CLIENT_SIDE_DEFAULTS = new Set(["uuid", "cuid", "nanoid", "ulid"]);

const columnOf = (field: TDmmfField) => field.dbName ?? field.name;
const tableOf = (model: TDmmfModel) => model.dbName ?? model.name;

function expectedColumnType(
  field: TDmmfField,
  enums: TDmmfEnum[],
): { udt: string; precision?: number; length?: number } {
  let udt: string;
  let precision: number | undefined;
  let length: number | undefined;
  if (field.kind === "enum") {
    const e = enums.find((candidate) => candidate.name === field.type);
    udt = e?.dbName ?? field.type;
  } else if (field.nativeType) {
    const [native, args] = field.nativeType;
    udt = NATIVE_UDT[native] ?? native.toLowerCase();
    if (["Timestamp", "Timestamptz", "Time", "Timetz"].includes(native)) precision = args[0] ? Number(args[0]) : 6;
    if (native === "VarChar" || native === "Char") length = args[0] ? Number(args[0]) : undefined;
  } else {
    udt = SCALAR_UDT[field.type] ?? field.type.toLowerCase();
    if (field.type === "DateTime") precision = 3;
  }
  return { udt: field.isList ? `_${udt}` : udt, precision, length };
}

/** Every disagreement between the Prisma schema and the database, as readable sentences. */
function compareSchemaWithDatabase(model: TDatamodel, db: TDbSnapshot): string[] {
  const problems: string[] = [];
  const dbTables = new Set(db.tables);
  const schemaTables = new Set(model.models.map(tableOf));

  for (const table of db.tables) {
    if (!IGNORED_TABLES.has(table) && !schemaTables.has(table))
      problems.push(`table "${table}" exists in the database but no model maps to it`);
  }

  for (const e of model.enums) {
    const name = e.dbName ?? e.name;
    const expected = e.values.map((v) => v.dbName ?? v.name);
    const actual = db.enums.get(name);
    if (!actual) problems.push(`enum type "${name}" (${e.name}) is missing from the database`);
    else if (actual.join(",") !== expected.join(","))
      problems.push(
        `enum "${name}" has values [${actual.join(", ")}] in the database, [${expected.join(", ")}] in schema`,
      );
  }

  for (const m of model.models) {
    const table = tableOf(m);
    if (!dbTables.has(table)) {
      problems.push(`table "${table}" of model ${m.name} is missing from the database`);
      continue;
    }
    const columns = new Map(db.columns.filter((c) => c.table_name === table).map((c) => [c.column_name, c]));
    const fields = m.fields.filter((f) => f.kind === "scalar" || f.kind === "enum");
    const where = (f: TDmmfField) => `${m.name}.${f.name} (column "${table}"."${columnOf(f)}")`;

    for (const f of fields) {
      const col = columns.get(columnOf(f));
      if (!col) {
        problems.push(`${where(f)} is missing from the database`);
        continue;
      }
      const nullable = col.is_nullable === "YES";
      if (nullable === f.isRequired)
        problems.push(
          `${where(f)} is ${nullable ? "nullable" : "NOT NULL"} in the database but ${f.isRequired ? "required" : "optional"} in schema`,
        );
      const expected = expectedColumnType(f, model.enums);
      if (col.udt_name !== expected.udt)
        problems.push(`${where(f)} has type ${col.udt_name} in the database, expected ${expected.udt}`);
      else if (expected.precision !== undefined && col.datetime_precision !== expected.precision)
        problems.push(`${where(f)} has precision ${col.datetime_precision}, expected ${expected.precision}`);
      else if (expected.length !== undefined && col.character_maximum_length !== expected.length)
        problems.push(`${where(f)} has length ${col.character_maximum_length}, expected ${expected.length}`);
      const defaultName = (f.default as { name?: string } | undefined)?.name;
      const needsDbDefault = f.hasDefaultValue && !CLIENT_SIDE_DEFAULTS.has(defaultName ?? "");
      if (needsDbDefault && col.column_default === null && col.is_identity !== "YES")
        problems.push(`${where(f)} has a default in schema but none in the database`);
    }

    // A database column Prisma does not know about breaks inserts when it is NOT NULL without a default.
    const known = new Set(fields.map(columnOf));
    for (const col of columns.values()) {
      if (known.has(col.column_name)) continue;
      if (
        col.is_nullable === "NO" &&
        col.column_default === null &&
        col.is_identity !== "YES" &&
        col.is_generated !== "ALWAYS"
      )
        problems.push(`column "${table}"."${col.column_name}" is NOT NULL without a default but is not in schema`);
    }

    const tableIndexes = db.indexes.filter((i) => i.table === table);
    const fieldColumn = (name: string) => columnOf(fields.find((f) => f.name === name) ?? ({ name } as TDmmfField));
    for (const idx of model.indexes.filter((i) => i.model === m.name && i.type !== "fulltext")) {
      const cols = idx.fields.map((f) => fieldColumn(f.name));
      const desc = idx.fields.map((f) => f.sortOrder === "desc");
      const found = tableIndexes.some(
        (i) =>
          i.columns.join(",") === cols.join(",") &&
          (idx.type !== "id" || i.primary) &&
          (idx.type === "normal" ? true : i.unique) &&
          (idx.type !== "normal" || i.desc.join(",") === desc.join(",")),
      );
      const kind = idx.type === "id" ? "primary key" : idx.type === "unique" ? "unique index" : "index";
      if (!found) problems.push(`${kind} on "${table}"(${cols.join(", ")}) declared in schema is missing`);
    }

    for (const rel of m.fields.filter((f) => f.kind === "object" && f.relationFromFields?.length)) {
      const target = model.models.find((candidate) => candidate.name === rel.type)!;
      const cols = rel.relationFromFields!.map(fieldColumn);
      const refCols = rel.relationToFields!.map((name) =>
        columnOf(target.fields.find((f) => f.name === name) ?? ({ name } as TDmmfField)),
      );
      const fk = db.foreignKeys.find(
        (k) => k.table === table && k.columns.join(",") === cols.join(",") && k.ref_table === tableOf(target),
      );
      const label = `foreign key "${table}"(${cols.join(", ")}) → "${tableOf(target)}"`;
      if (!fk) {
        problems.push(`${label} of relation ${m.name}.${rel.name} is missing`);
        continue;
      }
      if (fk.ref_columns.join(",") !== refCols.join(","))
        problems.push(`${label} references (${fk.ref_columns.join(", ")}), expected (${refCols.join(", ")})`);
      // Prisma's defaults: SetNull for optional relations, Restrict for required ones; Cascade on update.
      const onDelete = rel.relationOnDelete ?? (rel.isRequired ? "Restrict" : "SetNull");
      const onUpdate = rel.relationOnUpdate ?? "Cascade";
      if (FK_ACTION[fk.on_delete] !== onDelete)
        problems.push(`${label} does ON DELETE ${FK_ACTION[fk.on_delete]}, schema says ${onDelete}`);
      if (FK_ACTION[fk.on_update] !== onUpdate)
        problems.push(`${label} does ON UPDATE ${FK_ACTION[fk.on_update]}, schema says ${onUpdate}`);
    }
  }
  return problems;
}

describe("prisma/schema.prisma matches the migrated database", () => {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  let snapshot: TDbSnapshot;
  const schemaText = readFileSync(SCHEMA_PATH, "utf8");

  beforeAll(async () => {
    await client.connect();
    snapshot = await snapshotDatabase(client);
  });
  afterAll(() => client.end());

  it("has every model, column, enum, index and foreign key of the schema, and no unknown table", () => {
    const datamodel = loadDatamodel(schemaText);
    expect(datamodel.models.length).toBeGreaterThan(0);
    expect(compareSchemaWithDatabase(datamodel, snapshot)).toEqual([]);
  });

  it("notices a field, an enum value and an index added to the schema without a migration", () => {
    // The same comparison on an edited copy of the schema: proof that the check above can fail.
    const edited = schemaText
      .replace(/model User \{\n/, 'model User {\n  timezone String @default("UTC")\n  nickname String?\n')
      .replace(/enum OrgRole \{\n/, "enum OrgRole {\n  billing\n")
      .replace(/model Cluster \{\n/, "model Cluster {\n  @@index([name])\n");
    expect(edited).not.toBe(schemaText);
    const problems = compareSchemaWithDatabase(loadDatamodel(edited), snapshot);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('User.timezone (column "users"."timezone") is missing'),
        expect.stringContaining('User.nickname (column "users"."nickname") is missing'),
        expect.stringContaining('enum "org_role" has values'),
        expect.stringContaining('index on "clusters"(name) declared in schema is missing'),
      ]),
    );
  });

  it("notices a table the schema does not know and a nullability or type mismatch", () => {
    const datamodel = loadDatamodel(schemaText);
    const users = snapshot.columns.filter((c) => c.table_name === "users");
    const altered: TDbSnapshot = {
      ...snapshot,
      tables: [...snapshot.tables, "leftover_table"],
      columns: [
        ...snapshot.columns.filter((c) => c.table_name !== "users"),
        ...users.map((c) =>
          c.column_name === "name"
            ? { ...c, is_nullable: "YES" as const }
            : c.column_name === "email"
              ? { ...c, udt_name: "varchar" }
              : c,
        ),
      ],
    };
    // Compared with the unaltered catalog, so that this case holds whatever the first one finds.
    const before = compareSchemaWithDatabase(datamodel, snapshot);
    const after = compareSchemaWithDatabase(datamodel, altered).filter((p) => !before.includes(p));
    expect(after).toEqual([
      'table "leftover_table" exists in the database but no model maps to it',
      'User.email (column "users"."email") has type varchar in the database, expected text',
      'User.name (column "users"."name") is nullable in the database but required in schema',
    ]);
  });
});
