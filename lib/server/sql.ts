import type { PoolClient, QueryResultRow } from "pg";
import { z } from "zod";
import { AppError } from "./errors";

// The one module for SQL written by hand (see "Data access" in docs/development.md): parameters,
// keyset pagination with opaque cursors, and an executor that a pg client and a Prisma transaction
// both satisfy. No Next.js or `server-only` imports, so scripts and the worker can use it too.

// ---------------------------------------------------------------------------------------------
// Parameters

/**
 * Appends `value` to `params` and returns its placeholder (`$n`, cast when `cast` is given). The
 * list is the query's `values`, so every fragment built with it composes into one statement.
 */
export function param(params: unknown[], value: unknown, cast?: string): string {
  params.push(value);
  return cast ? `$${params.length}::${cast}` : `$${params.length}`;
}

/** An ILIKE pattern matching `text` anywhere, its wildcards taken literally. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A statement ready for `pool.query` or `TSqlExecutor.query`. */
export type TSql = { text: string; values: unknown[] };

// ---------------------------------------------------------------------------------------------
// Executors and transactions

/**
 * What a verb needs to run builder SQL: a pg `Pool`/`PoolClient` satisfies it as is, a Prisma
 * transaction through `prismaExecutor`, so one writer (recordAudit, for example) serves both.
 */
export type TSqlExecutor = {
  query<R extends QueryResultRow>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
};

type TPrismaRaw = { $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T> };

/**
 * Builder SQL on a Prisma transaction's own connection, so a verb can mix typed Prisma calls and
 * hand-written SQL and commit them together. Prisma maps result types itself (bigint → BigInt,
 * numeric → Decimal), unlike pg; cast in SQL (`::int`, `::text`) where the caller relies on a type.
 */
export function prismaExecutor(tx: TPrismaRaw): TSqlExecutor {
  return {
    async query<R extends QueryResultRow>(text: string, values: unknown[] = []) {
      return { rows: await tx.$queryRawUnsafe<R[]>(text, ...values) };
    },
  };
}

type TConnectable = { connect(): Promise<PoolClient> };

/**
 * Runs `fn` in one transaction on one pooled connection: committed when it returns, rolled back
 * when it throws (the error is rethrown). For Prisma-first verbs use `db.$transaction` and
 * `prismaExecutor(tx)` for the SQL parts.
 */
export async function inTransaction<T>(pool: TConnectable, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const result = await fn(client);
    await client.query("COMMIT");
    return result;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

// ---------------------------------------------------------------------------------------------
// Opaque cursors

/** Cursors are opaque to clients: base64url of a small JSON position. */
export function encodeCursor(position: unknown): string {
  return Buffer.from(JSON.stringify(position)).toString("base64url");
}

/** The position in `cursor`, or a bad_request naming the `cursor` field. */
export function decodeCursor<T>(cursor: string, schema: z.ZodType<T>): T {
  try {
    return schema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    throw new AppError("bad_request", "The cursor is not valid; start again without it.", { field: "cursor" });
  }
}

// ---------------------------------------------------------------------------------------------
// Keyset pagination
//
// Pages are found by comparing with the last (or first) row shown, never by OFFSET, so a deep page
// costs what the first does and rows do not shift when something changes meanwhile. The key must be
// unique (end with the id) and its columns NOT NULL: a NULL never compares, so wrap a nullable
// column in coalesce() in `expr` (the CI list's `coalesce(f.line, 0)`); a row whose key is null
// is a programming error and throws.

export type TKeyValue = string | number | boolean;
export type TDirection = "next" | "prev";

export type TKeyColumn<TRow> = {
  /** SQL expression as it appears in ORDER BY (`f.score`, `max(f.score)`, `coalesce(f.line, 0)`). */
  expr: string;
  dir: "asc" | "desc";
  /** SQL type of the expression: the cursor value is cast to it, and validated by it (see ZValueOf). */
  cast: string;
  /** Overrides the cursor value's check derived from `cast` (an enum's values, for example). */
  schema?: z.ZodType<TKeyValue>;
  /** The key value of a row (Dates become ISO strings, bigints decimal strings). */
  of: (row: TRow) => TKeyValue | Date | bigint | null | undefined;
};

export type TKeysetCursor = { d: TDirection; k: TKeyValue[] };
export type TKeysetPage<T> = { data: T[]; next: string | null; prev: string | null };

const NUMBER_CASTS = new Set(["int", "integer", "smallint", "real", "float4", "float8", "double precision", "numeric"]);

function ZValueOf(cast: string): z.ZodType<TKeyValue> {
  if (NUMBER_CASTS.has(cast)) return cast.startsWith("int") || cast === "smallint" ? z.number().int() : z.number();
  if (cast === "boolean" || cast === "bool") return z.boolean();
  if (cast === "uuid") return z.uuid();
  if (cast === "timestamptz" || cast === "timestamp") return z.iso.datetime({ offset: true });
  if (cast === "bigint" || cast === "int8") return z.string().regex(/^-?\d{1,19}$/);
  return z.string().max(1000);
}

function keyValue(value: TKeyValue | Date | bigint | null | undefined, expr: string): TKeyValue {
  if (value === null || value === undefined) throw new Error(`Keyset column ${expr} is null; coalesce it in expr.`);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  return value;
}

/** Splits the key into runs of columns read the same way, each compared as one SQL row. */
function runsOf<TRow>(columns: readonly TKeyColumn<TRow>[]): { forward: boolean; from: number; to: number }[] {
  const runs: { forward: boolean; from: number; to: number }[] = [];
  columns.forEach((c, i) => {
    const forward = c.dir === "asc";
    const last = runs[runs.length - 1];
    if (last && last.forward === forward) last.to = i + 1;
    else runs.push({ forward, from: i, to: i + 1 });
  });
  return runs;
}

const tuple = (items: string[]) => (items.length === 1 ? items[0] : `(${items.join(", ")})`);

export type TKeyset<TRow> = {
  /** The cursor in `raw`; undefined without one. An unreadable cursor throws a bad_request, or
   *  with `lenient` (pages, where a stale link should just start over) reads as undefined. */
  read(raw: string | null | undefined, options?: { lenient?: boolean }): TKeysetCursor | undefined;
  /** ORDER BY list for the direction of travel (reversed when going back). */
  orderBy(cursor?: TKeysetCursor): string;
  /** The rows after (or before) the cursor's position, as one condition; its values go to `params`. */
  where(cursor: TKeysetCursor, params: unknown[]): string;
  /** `limit + 1` rows fetched in the direction of travel → a page in list order with neighbour cursors. */
  page<T extends TRow>(rows: readonly T[], limit: number, cursor: TKeysetCursor | undefined): TKeysetPage<T>;
  /** The cursor that reads on from `row` in direction `d`. */
  cursorOf(row: TRow, d: TDirection): string;
};

/**
 * One keyset over `columns` (sort columns with directions, ending with a unique id). Lists build
 * their WHERE, ORDER BY and cursors from it; the cursor is `{d, k}` checked against each column's
 * type, so a tampered cursor is a bad_request, never a SQL error.
 */
export function keyset<TRow>(columns: readonly TKeyColumn<TRow>[]): TKeyset<TRow> {
  const ZCursor = z.object({
    d: z.enum(["next", "prev"]),
    k: z.tuple(columns.map((c) => c.schema ?? ZValueOf(c.cast)) as [z.ZodType<TKeyValue>, ...z.ZodType<TKeyValue>[]]),
  });
  const runs = runsOf(columns);
  const cursorOf = (row: TRow, d: TDirection) =>
    encodeCursor({ d, k: columns.map((c) => keyValue(c.of(row), c.expr)) });

  return {
    read(raw, options) {
      if (!raw) return undefined;
      if (!options?.lenient) return decodeCursor(raw, ZCursor);
      try {
        return decodeCursor(raw, ZCursor);
      } catch {
        return undefined;
      }
    },
    orderBy(cursor) {
      const back = cursor?.d === "prev";
      return columns.map((c) => `${c.expr} ${(c.dir === "desc") !== back ? "DESC" : "ASC"}`).join(", ");
    },
    where(cursor, params) {
      const refs = cursor.k.map((v, i) => param(params, v, columns[i].cast));
      const exprs = columns.map((c) => c.expr);
      // Run by run: past the run's position, or equal to it and past it in the following runs.
      let condition = "";
      for (let r = runs.length - 1; r >= 0; r--) {
        const run = runs[r];
        const left = tuple(exprs.slice(run.from, run.to));
        const right = tuple(refs.slice(run.from, run.to));
        const forward = run.forward !== (cursor.d === "prev");
        const past = `${left} ${forward ? ">" : "<"} ${right}`;
        condition = condition ? `(${past} OR (${left} = ${right} AND ${condition}))` : `${past}`;
      }
      return runs.length === 1 ? `(${condition})` : condition;
    },
    page(rows, limit, cursor) {
      const more = rows.length > limit;
      const data = rows.slice(0, limit);
      const direction = cursor?.d ?? "next";
      if (direction === "prev") data.reverse();
      const first = data[0];
      const last = data[data.length - 1];
      const at = (row: TRow | undefined, d: TDirection) => (row ? cursorOf(row, d) : null);
      if (direction === "next") {
        return { data, next: more ? at(last, "next") : null, prev: cursor ? at(first, "prev") : null };
      }
      return { data, next: at(last, "next"), prev: more ? at(first, "prev") : null };
    },
    cursorOf,
  };
}
