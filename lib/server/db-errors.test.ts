import { afterEach, describe, expect, it, vi } from "vitest";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { pool } from "./db";
import { DATABASE_UNAVAILABLE_MESSAGE, invalidInputSqlState, isDatabaseUnavailable } from "./db-errors";
import { withErrors } from "@/lib/api/http";
import { closedPort } from "@/lib/testing/closed-port";

afterEach(() => vi.restoreAllMocks());

async function errorOf(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (err) {
    return err;
  }
  throw new Error("expected a failure");
}

describe("database unavailable", () => {
  it("recognizes pg's and Prisma's errors for a database that is not there", async () => {
    const down = new pg.Pool({ connectionString: `postgres://root@127.0.0.1:${await closedPort()}/x`, max: 1 });
    const prisma = new PrismaClient({ adapter: new PrismaPg(down) });
    try {
      const fromPg = await errorOf(() => down.query("SELECT 1"));
      expect(isDatabaseUnavailable(fromPg)).toBe(true);
      const fromPrisma = await errorOf(() => prisma.organization.findFirst());
      expect(isDatabaseUnavailable(fromPrisma)).toBe(true);
    } finally {
      await prisma.$disconnect().catch(() => undefined);
      await down.end().catch(() => undefined);
    }
  });

  it("recognizes a connection the server closed (shutdown) and not ordinary query errors", async () => {
    const client = await pool.connect();
    // On a busy machine the termination can reach the client between queries, where pg emits it as
    // an event instead of rejecting the query: listened to, so it never becomes an uncaught error.
    client.on("error", () => undefined);
    try {
      const pid = (await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;
      // What a restart does to open connections: the server ends them (57P01 admin_shutdown).
      const killed = errorOf(() => client.query("SELECT pg_sleep(5)"));
      await pool.query("SELECT pg_terminate_backend($1)", [pid]);
      expect(isDatabaseUnavailable(await killed)).toBe(true);
    } finally {
      client.release(true);
    }
    expect(isDatabaseUnavailable(await errorOf(() => pool.query("SELECT 1/0")))).toBe(false);
    expect(isDatabaseUnavailable(await errorOf(() => pool.query("SELEC 1")))).toBe(false);
    expect(isDatabaseUnavailable(new Error("connection reset at /srv/app/lib/x.ts"))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });

  it("answers route handlers that meet it with 503 unavailable, a clear message and Retry-After", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const down = new pg.Pool({ connectionString: `postgres://root@127.0.0.1:${await closedPort()}/x`, max: 1 });
    try {
      const handler = withErrors(async () => {
        await down.query("SELECT 1");
        return new Response("never");
      });
      const res = await handler(new Request("http://x.test/api/v1/findings"));
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("5");
      const body = await res.json();
      expect(body).toEqual({
        error: {
          code: "unavailable",
          message: DATABASE_UNAVAILABLE_MESSAGE,
          requestId: res.headers.get("x-request-id"),
        },
      });
      expect(log).toHaveBeenCalledWith(expect.stringContaining("database unavailable"));
    } finally {
      await down.end().catch(() => undefined);
    }
  });
});

describe("input the database refuses (issue 16, item 11)", () => {
  it("answers 400, not 500, when a NUL or an impossible date reaches a query anyway", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const { db } = await import("./db");
    const queries = [
      () => db.organization.findFirst({ where: { slug: "a\u0000b" } }),
      () => pool.query("SELECT $1::date", ["2026-02-30"]),
      () => pool.query("SELECT $1::jsonb", [JSON.stringify({ name: "\ud800" })]),
      () => pool.query("SELECT $1::jsonb", [JSON.stringify({ name: "\u0000" })]),
    ];
    for (const query of queries) {
      expect(invalidInputSqlState(await errorOf(query))).toMatch(/^22/);
      const res = await withErrors(async () => {
        await query();
        return new Response("never");
      })(new Request("http://x.test/api/v1/findings"));
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("bad_request");
    }
    // A bug is still a 500.
    expect(invalidInputSqlState(await errorOf(() => pool.query("SELEC 1")))).toBeNull();
  });
});
