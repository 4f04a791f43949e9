import { describe, expect, it } from "vitest";
import { deliverDueEvents } from "@/lib/alerting/delivery/deliver";
import { pool } from "@/lib/server/db";
import { createTestTicket, failures, TEST_API_TOKEN, ticketSetup } from "@/lib/testing/tickets";
import { paragraph, text } from "../document";
import { markerLabelOf } from "../problems/problem-key";
import { enqueueTicketCalls, type TTicketCall } from "./enqueue";
import { sendTicketCall } from "./send-ticket-call";

type TSetup = Awaited<ReturnType<typeof ticketSetup>>;

async function enqueue(s: TSetup, ticketId: string, call: TTicketCall) {
  await enqueueTicketCalls(pool, s.t.org.id, [
    {
      ticketId,
      teamId: s.t.team.id,
      connectionId: s.connection.id,
      connectionName: s.connection.name,
      provider: "jira",
      target: "",
      call,
    },
  ]);
}

/** One delivery step for the org, ticket calls through the in-memory provider. */
const deliver = (s: TSetup, now = new Date()) =>
  deliverDueEvents({
    orgId: s.t.org.id,
    now,
    random: () => 0,
    sendTicketCall: (event) => sendTicketCall(event, s.memory.options()),
  });

const outbox = (orgId: string) =>
  pool
    .query<{ status: string; error: string | null; payload: { op: string }; response: unknown }>(
      `SELECT status::text AS status, error, payload, response FROM alert_events WHERE org_id = $1 AND action = 'ticket' ORDER BY id`,
      [orgId],
    )
    .then((r) => r.rows);
const ticketRow = (id: string) =>
  pool
    .query(
      `SELECT state::text AS state, external_id, external_key, provider_status, closed_at FROM tickets WHERE id = $1`,
      [id],
    )
    .then((r) => r.rows[0]);
const syncLog = (orgId: string) =>
  pool
    .query<{ action: string; ok: boolean; summary: string; detail: unknown }>(
      `SELECT action, ok, summary, detail FROM ticket_sync_log WHERE org_id = $1 ORDER BY id`,
      [orgId],
    )
    .then((r) => r.rows);

/** A ticket of the setup's problem on its connection. */
const ticketOf = (s: TSetup, extra: Partial<Parameters<typeof createTestTicket>[0]> = {}) =>
  createTestTicket({
    orgId: s.t.org.id,
    teamId: s.t.team.id,
    connectionId: s.connection.id,
    subject: s.subject,
    ...extra,
  });

const COMMENT: TTicketCall = { op: "comment", body: { blocks: [paragraph(text("Still failing."))] } };

/** A ticket whose creation was answered 429: creating, with a create call queued. */
async function queuedTicket(s: TSetup) {
  s.memory.fail("createIssue", failures.retry(429, "Slow down."));
  const queued = await s.create();
  expect(queued.outcome).toBe("queued");
  return queued.ticket;
}

describe("sendTicketCall", () => {
  it("creates a queued ticket once: an issue found by its marker label is taken, not made again", async () => {
    const s = await ticketSetup();
    const ticket = await queuedTicket(s);
    const { rows } = await pool.query<{ problem_key: string }>(`SELECT problem_key FROM tickets WHERE id = $1`, [
      ticket.id,
    ]);
    // The 429 answer was a lie: the issue exists with the problem's label.
    s.memory.add({
      key: "PAY-7",
      title: "Run as root",
      state: "open",
      status: "To Do",
      labels: [markerLabelOf(rows[0]!.problem_key)],
    });
    expect(await deliver(s)).toMatchObject({ delivered: 1 });
    expect(s.memory.count("createIssue")).toBe(1);
    expect(await ticketRow(ticket.id)).toMatchObject({ state: "open", external_key: "PAY-7" });
    const log = await syncLog(s.t.org.id);
    expect(log.map((l) => [l.action, l.ok])).toEqual([
      ["create", false],
      ["create", true],
    ]);
    expect(log[1]!.summary).toMatch(/Found PAY-7/);
  });

  it("creates a queued ticket when no issue has its label", async () => {
    const s = await ticketSetup();
    const ticket = await queuedTicket(s);
    expect(await deliver(s)).toMatchObject({ delivered: 1 });
    expect(s.memory.count("createIssue")).toBe(2);
    expect(await ticketRow(ticket.id)).toMatchObject({ state: "open", external_key: "PAY-1" });
    const events = await pool.query(
      `SELECT count(*)::int AS n FROM finding_events WHERE org_id = $1 AND kind = 'ticket'`,
      [s.t.org.id],
    );
    expect(events.rows[0].n).toBe(3);
  });

  it("holds a comment while the ticket is being created elsewhere", async () => {
    const s = await ticketSetup();
    const ticket = await ticketOf(s, {
      state: "creating",
      externalId: null,
      key: null,
    });
    await enqueue(s, ticket.id, COMMENT);
    expect(await deliver(s)).toMatchObject({ retried: 1 });
    expect((await outbox(s.t.org.id))[0]).toMatchObject({
      status: "pending",
      error: "Waiting for the ticket to be created.",
    });
    expect(s.memory.calls).toHaveLength(0);
  });

  it("creates first when the ticket's create call waits behind the comment", async () => {
    const s = await ticketSetup();
    const ticket = await ticketOf(s, {
      state: "creating",
      externalId: null,
      key: null,
      findingIds: s.findingIds,
    });
    await enqueue(s, ticket.id, COMMENT);
    await enqueue(s, ticket.id, { op: "create" });
    await deliver(s);
    await deliver(s);
    expect((await outbox(s.t.org.id)).map((r) => r.status)).toEqual(["delivered", "delivered"]);
    expect(s.memory.count("createIssue")).toBe(1);
    expect(s.memory.comments).toHaveLength(1);
  });

  it("moves the issue and stores its state", async () => {
    const s = await ticketSetup();
    const issue = s.memory.add({ key: "PAY-3", title: "Run as root", state: "open", status: "To Do", labels: [] });
    const ticket = await ticketOf(s, {
      externalId: issue.externalId,
      key: "PAY-3",
      findingIds: s.findingIds,
    });
    await enqueue(s, ticket.id, {
      op: "transition",
      to: "done",
      comment: COMMENT.op === "comment" ? COMMENT.body : undefined,
    });
    expect(await deliver(s)).toMatchObject({ delivered: 1 });
    expect(s.memory.calls[0]).toMatchObject({ op: "transition", args: [issue.externalId, "done", expect.anything()] });
    const row = await ticketRow(ticket.id);
    expect(row).toMatchObject({ state: "done", provider_status: "Done" });
    expect(row.closed_at).toBeInstanceOf(Date);
    expect(await syncLog(s.t.org.id)).toMatchObject([{ action: "transition", ok: true }]);
  });

  it("logs a refusal without the connection's secret, and breaks the connection on a 401", async () => {
    const s = await ticketSetup();
    const issue = s.memory.add({ key: "PAY-4", title: "x", state: "open", status: "To Do", labels: [] });
    const ticket = await ticketOf(s, {
      externalId: issue.externalId,
      key: "PAY-4",
    });
    s.memory.fail("addComment", {
      ok: false,
      outcome: {
        kind: "rejected",
        status: 400,
        error: `Bad request for token ${TEST_API_TOKEN}`,
        response: { headers: { Authorization: `Basic ${TEST_API_TOKEN}` }, echo: TEST_API_TOKEN },
      },
    });
    await enqueue(s, ticket.id, COMMENT);
    s.memory.fail("addComment", failures.broken(401, "Unauthorized."));
    await enqueue(s, ticket.id, COMMENT);
    await deliver(s);
    await deliver(s);
    const log = await syncLog(s.t.org.id);
    expect(log.map((l) => [l.action, l.ok])).toEqual([
      ["comment", false],
      ["comment", false],
    ]);
    const stored = JSON.stringify({ log, outbox: await outbox(s.t.org.id) });
    expect(stored).not.toContain(TEST_API_TOKEN);
    expect(stored).toContain("[redacted]");
    const { rows } = await pool.query(`SELECT status::text FROM notification_connections WHERE id = $1`, [
      s.connection.id,
    ]);
    expect(rows[0].status).toBe("broken");

    // A broken connection is not called again.
    await enqueue(s, ticket.id, COMMENT);
    await deliver(s);
    expect(s.memory.count("addComment")).toBe(2);
    expect((await outbox(s.t.org.id))[2]).toMatchObject({ status: "failed", error: expect.stringMatching(/broken/) });
  });

  it("rejects a call whose ticket is gone", async () => {
    const s = await ticketSetup();
    const ticket = await ticketOf(s);
    await enqueue(s, ticket.id, COMMENT);
    await pool.query(`DELETE FROM tickets WHERE id = $1`, [ticket.id]);
    await deliver(s);
    expect((await outbox(s.t.org.id))[0]).toMatchObject({
      status: "failed",
      error: "The ticket or connection was deleted.",
    });
  });
});
