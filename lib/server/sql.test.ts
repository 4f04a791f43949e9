import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, pool } from "./db";
import { AppError } from "./errors";
import { encodeCursor, inTransaction, keyset, param, prismaExecutor, type TKeysetCursor, type TKeyset } from "./sql";

type TRow = { id: string; score: number; name: string; line: number | null; at: Date };

const KEY = keyset<TRow>([
  { expr: "t.score", dir: "desc", cast: "int", of: (r) => r.score },
  { expr: "t.name", dir: "asc", cast: "text", of: (r) => r.name },
  { expr: "coalesce(t.line, 0)", dir: "asc", cast: "int", of: (r) => r.line ?? 0 },
  { expr: "t.at", dir: "desc", cast: "timestamptz", of: (r) => r.at },
  { expr: "t.id", dir: "asc", cast: "uuid", of: (r) => r.id },
]);

const ID = "00000000-0000-4000-8000-000000000001";
const row: TRow = { id: ID, score: 7, name: "web", line: null, at: new Date("2024-05-01T10:00:00.000Z") };

function decoded(key: TKeyset<TRow>, cursor: string | null): TKeysetCursor {
  const read = key.read(cursor);
  if (!read) throw new Error("no cursor");
  return read;
}

describe("param", () => {
  it("numbers placeholders in order and casts on request", () => {
    const params: unknown[] = ["x"];
    expect(param(params, 5)).toBe("$2");
    expect(param(params, "a", "uuid")).toBe("$3::uuid");
    expect(params).toEqual(["x", 5, "a"]);
  });
});

describe("keyset (pure)", () => {
  it("orders by the key, reversed when reading back", () => {
    expect(KEY.orderBy()).toBe("t.score DESC, t.name ASC, coalesce(t.line, 0) ASC, t.at DESC, t.id ASC");
    expect(KEY.orderBy({ d: "prev", k: [] })).toBe(
      "t.score ASC, t.name DESC, coalesce(t.line, 0) DESC, t.at ASC, t.id DESC",
    );
  });

  it("compares runs of same-direction columns as rows, breaking ties by id", () => {
    const cursor = decoded(KEY, KEY.cursorOf(row, "next"));
    expect(cursor.k).toEqual([7, "web", 0, "2024-05-01T10:00:00.000Z", ID]);
    const params: unknown[] = [];
    expect(KEY.where(cursor, params)).toBe(
      "(t.score < $1::int OR (t.score = $1::int AND ((t.name, coalesce(t.line, 0)) > ($2::text, $3::int) OR " +
        "((t.name, coalesce(t.line, 0)) = ($2::text, $3::int) AND (t.at < $4::timestamptz OR " +
        "(t.at = $4::timestamptz AND t.id > $5::uuid))))))",
    );
    expect(params).toEqual(cursor.k);
  });

  it("flips every comparison when reading back", () => {
    const params: unknown[] = [];
    const where = KEY.where(decoded(KEY, KEY.cursorOf(row, "prev")), params);
    expect(where).toMatch(/^\(t\.score > \$1::int OR/);
    expect(where).toContain("t.id < $5::uuid");
  });

  it("writes a single-direction key as one row comparison", () => {
    const asc = keyset<TRow>([
      { expr: "t.name", dir: "asc", cast: "text", of: (r) => r.name },
      { expr: "t.id", dir: "asc", cast: "uuid", of: (r) => r.id },
    ]);
    const params: unknown[] = [];
    expect(asc.where(decoded(asc, asc.cursorOf(row, "next")), params)).toBe("((t.name, t.id) > ($1::text, $2::uuid))");
  });

  it("refuses a tampered cursor as a bad_request, or reads it as none when lenient", () => {
    for (const bad of [
      "not-base64-json",
      encodeCursor({ d: "next", k: ["7", "web", 0, "2024-05-01T10:00:00.000Z", ID] }),
      encodeCursor({ d: "next", k: [7, "web", 0, "2024-05-01T10:00:00.000Z"] }),
      encodeCursor({ d: "sideways", k: [7, "web", 0, "2024-05-01T10:00:00.000Z", ID] }),
      encodeCursor({ d: "next", k: [7, "web", 0, "2024-05-01T10:00:00.000Z", "'; DROP TABLE x"] }),
    ]) {
      expect(() => KEY.read(bad)).toThrow(AppError);
      expect(KEY.read(bad, { lenient: true })).toBeUndefined();
    }
    expect(KEY.read(undefined)).toBeUndefined();
  });

  it("throws on a null key value: nullable columns must be coalesced in expr", () => {
    const raw = keyset<TRow>([{ expr: "t.line", dir: "asc", cast: "int", of: (r) => r.line }]);
    expect(() => raw.cursorOf(row, "next")).toThrow(/coalesce/);
  });

  it("gives a page its neighbours: none around a lone page, prev only once moved", () => {
    const rows = [row, { ...row, id: "00000000-0000-4000-8000-000000000002" }];
    expect(KEY.page(rows, 2, undefined)).toEqual({ data: rows, next: null, prev: null });
    const first = KEY.page(rows, 1, undefined);
    expect(first.data).toEqual([row]);
    expect(first.prev).toBeNull();
    expect(decoded(KEY, first.next).d).toBe("next");
    // Read back: rows arrive in reverse and are returned in list order.
    const back = KEY.page([rows[1], rows[0]], 2, { d: "prev", k: [] });
    expect(back.data).toEqual(rows);
    expect(back.prev).toBeNull();
  });
});

describe("keyset (against PostgreSQL)", () => {
  const N = 23;
  let all: TRow[] = [];

  beforeAll(async () => {
    await pool.query(
      `CREATE TABLE IF NOT EXISTS keyset_probe (id uuid PRIMARY KEY, score int NOT NULL, name text NOT NULL,
         line int, at timestamptz(3) NOT NULL)`,
    );
    await pool.query("TRUNCATE keyset_probe");
    // Few distinct values per column, so ties on every prefix of the key are common; some lines are NULL.
    for (let i = 0; i < N; i++) {
      await pool.query("INSERT INTO keyset_probe VALUES (gen_random_uuid(), $1, $2, $3, $4)", [
        i % 3,
        ["a", "b"][i % 2],
        i % 4 === 0 ? null : i % 2,
        new Date(Date.UTC(2024, 0, 1 + (i % 2))),
      ]);
    }
    all = (await pool.query<TRow>(`SELECT * FROM keyset_probe t ORDER BY ${KEY.orderBy()}`)).rows;
  });

  afterAll(async () => {
    await pool.query("DROP TABLE IF EXISTS keyset_probe");
  });

  async function fetchPage(limit: number, cursor: TKeysetCursor | undefined) {
    const params: unknown[] = [];
    const where = cursor ? `WHERE ${KEY.where(cursor, params)}` : "";
    const { rows } = await pool.query<TRow>(
      `SELECT * FROM keyset_probe t ${where} ORDER BY ${KEY.orderBy(cursor)} LIMIT ${param(params, limit + 1)}`,
      params,
    );
    return KEY.page(rows, limit, cursor);
  }

  it("pages forward then back through every row exactly once, at every page size", async () => {
    expect(all).toHaveLength(N);
    for (let limit = 1; limit <= N + 1; limit++) {
      const forward: TRow[][] = [];
      let page = await fetchPage(limit, undefined);
      forward.push(page.data);
      while (page.next) {
        page = await fetchPage(limit, KEY.read(page.next));
        forward.push(page.data);
      }
      expect(forward.flat().map((r) => r.id)).toEqual(all.map((r) => r.id));
      expect(forward.every((p) => p.length === limit || p === forward[forward.length - 1])).toBe(true);

      // And back from the last page to the first, the same pages in the same order.
      const backward: TRow[][] = [page.data];
      while (page.prev) {
        page = await fetchPage(limit, KEY.read(page.prev));
        backward.unshift(page.data);
      }
      expect(backward.flat().map((r) => r.id)).toEqual(all.map((r) => r.id));
    }
  });
});

describe("executors", () => {
  it("runs builder SQL on a Prisma transaction's connection and on a pg client, committing or rolling back", async () => {
    await pool.query("CREATE TABLE IF NOT EXISTS executor_probe (v text)");
    await db.$transaction(async (tx) => {
      const params: unknown[] = [];
      await prismaExecutor(tx).query(`INSERT INTO executor_probe VALUES (${param(params, "prisma")})`, params);
      // Seen inside the transaction before commit: same connection.
      const { rows } = await prismaExecutor(tx).query<{ n: number }>(
        "SELECT count(*)::int AS n FROM executor_probe WHERE v = $1",
        ["prisma"],
      );
      expect(rows[0].n).toBe(1);
    });
    await inTransaction(pool, (client) => client.query("INSERT INTO executor_probe VALUES ('pg')"));
    await expect(
      inTransaction(pool, async (client) => {
        await client.query("INSERT INTO executor_probe VALUES ('rolled back')");
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    const { rows } = await pool.query<{ v: string }>("SELECT v FROM executor_probe ORDER BY v");
    expect(rows.map((r) => r.v)).toEqual(["pg", "prisma"]);
    await pool.query("DROP TABLE executor_probe");
  });
});
