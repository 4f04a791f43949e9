import { describe, expect, it } from "vitest";
import { createDatabaseStatus } from "./database-status";
import { env } from "./env";
import { closedPort } from "@/lib/testing/closed-port";

describe("database status (what the proxy asks before rendering a page)", () => {
  it("is reachable when PostgreSQL answers", async () => {
    const status = createDatabaseStatus(env().DATABASE_URL);
    try {
      expect(await status.reachable()).toBe(true);
      expect(await status.reachable()).toBe(true);
    } finally {
      await status.close();
    }
  });

  it("is unreachable while nothing listens, and checked again on every request meanwhile", async () => {
    const port = await closedPort();
    const status = createDatabaseStatus(`postgres://root@127.0.0.1:${port}/x`);
    try {
      expect(await status.reachable()).toBe(false);
      // Not cached while down: every request checks again, so pages return as soon as it is back.
      expect(await status.reachable()).toBe(false);
    } finally {
      await status.close();
    }
  });
});
