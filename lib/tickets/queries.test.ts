import { describe, expect, it } from "vitest";
import { pool } from "@/lib/server/db";
import { ticketSetup } from "@/lib/testing/tickets";
import { listTicketSyncLog } from "./queries";

// A connection's sync log (Settings → Tickets) is read by connection id from the query string:
// another organization's id must show nothing of it.

describe("a connection's sync log", () => {
  it("lists the connection's calls newest first, and nothing of it to another organization", async () => {
    const a = await ticketSetup();
    const b = await ticketSetup();
    await a.create();
    await b.create();
    const own = await listTicketSyncLog(a.t.org.id, { connectionId: a.connection.id }, { limit: 10 });
    expect(own.data.map((r) => [r.direction, r.action, r.ok])).toEqual([["out", "create", true]]);
    expect(own.data[0]!.connectionId).toBe(a.connection.id);

    expect((await listTicketSyncLog(b.t.org.id, { connectionId: a.connection.id }, { limit: 10 })).data).toEqual([]);
    const { rows } = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ticket_sync_log WHERE connection_id = $1::uuid`,
      [a.connection.id],
    );
    expect(rows[0]!.n).toBe(1);
  });

  it("starts over on a stale cursor when asked to be lenient (pages), and refuses it otherwise (API)", async () => {
    const a = await ticketSetup();
    await a.create();
    const lenient = await listTicketSyncLog(
      a.t.org.id,
      { connectionId: a.connection.id },
      {
        cursor: "not-a-cursor",
        limit: 10,
        lenient: true,
      },
    );
    expect(lenient.data).toHaveLength(1);
    await expect(
      listTicketSyncLog(a.t.org.id, { connectionId: a.connection.id }, { cursor: "not-a-cursor", limit: 10 }),
    ).rejects.toThrow(/cursor/i);
  });
});
