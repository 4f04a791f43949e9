import { describe, expect, it, vi } from "vitest";
import { outbox, tenantWithRule } from "@/lib/alerting/test-helpers";
import { pruneRetention } from "@/lib/retention/prune";
import { pool } from "@/lib/server/db";
import type { createTestTenant } from "@/lib/testing/factories";
import { createTestTicket } from "@/lib/testing/tickets";
import type { TInboundTicketEvent, TWebhookParse } from "../provider";
import { POST as jiraRoute } from "@/app/api/v1/webhooks/jira/[connection]/[secret]/route";
import { applyWebhook } from "./webhook-request";
import {
  createTicketConnection,
  createTicketTenant,
  ticketEvent,
  ticketRow,
  type TTestConnection,
} from "./sync-testing";

// The providers' parsers have their own tests against real payloads: here the parse is injected,
// so each test states exactly what the webhook said.

async function world(
  project: { commentsAsNotes?: boolean } = {},
  options: { tenant?: Awaited<ReturnType<typeof createTestTenant>> } = {},
) {
  const { t, connection, findingIds } = await createTicketTenant("jira_cloud", {
    count: 3,
    tenant: options.tenant,
    severity: "critical",
    project,
  });
  const ticket = await createTestTicket({
    orgId: t.org.id,
    teamId: t.team.id,
    connectionId: connection.id,
    findingIds,
  });
  return { t, connection, findingIds, ticket };
}

const request = (body = "{}") => new Request("http://bumpers.test/api/v1/webhooks/jira/x/y", { method: "POST", body });
const events =
  (...list: TInboundTicketEvent[]) =>
  async (): Promise<TWebhookParse> => ({
    kind: "events",
    deliveryId: list[0]!.deliveryId,
    events: list,
  });

async function deliver(connection: TTestConnection, ...list: TInboundTicketEvent[]) {
  const res = await applyWebhook("jira", connection.id, request(), {
    pathSecret: connection.webhookSecret,
    parse: events(...list),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function findingsOf(ids: readonly string[]) {
  const { rows } = await pool.query<{ state: string; resolution: string | null; reason: string | null }>(
    `SELECT state::text, resolution::text, resolution_reason AS reason FROM findings WHERE id = ANY($1::uuid[]) ORDER BY id`,
    [ids],
  );
  return rows;
}

describe("inbound ticket events", () => {
  it("done resolves the open findings as ticket_closed, keeps fixed ones, and reopening unresolves them", async () => {
    const w = await world();
    await pool.query(`UPDATE findings SET status = 'fixed' WHERE id = $1`, [w.findingIds[0]]);
    expect(await deliver(w.connection, ticketEvent(w.ticket, { state: "done" }))).toEqual({
      status: 200,
      body: { applied: 1 },
    });
    const reason = `Closed as done in ${w.ticket.key}`;
    expect(await findingsOf(w.findingIds)).toEqual([
      { state: "fixed", resolution: null, reason: null },
      { state: "resolved", resolution: "ticket_closed", reason },
      { state: "resolved", resolution: "ticket_closed", reason },
    ]);
    const events = await pool.query(
      `SELECT data FROM finding_events WHERE finding_id = ANY($1::uuid[]) AND kind = 'resolved'`,
      [w.findingIds],
    );
    expect(events.rows[0]!.data).toMatchObject({ reason, ticket: w.ticket.key });
    expect(await ticketRow(w.ticket.id)).toMatchObject({ state: "done", open_count: 0 });
    expect((await ticketRow(w.ticket.id)).closed_at).not.toBeNull();

    await deliver(w.connection, ticketEvent(w.ticket, { state: "open" }));
    expect((await findingsOf(w.findingIds)).map((f) => f.state)).toEqual(["fixed", "open", "open"]);
    expect(await ticketRow(w.ticket.id)).toMatchObject({ state: "open", open_count: 2, closed_at: null });
  });

  it("won't do resolves as will not fix; reopening clears only what the ticket set", async () => {
    const w = await world();
    await deliver(w.connection, ticketEvent(w.ticket, { state: "wont_do" }));
    expect((await findingsOf(w.findingIds)).map((f) => [f.resolution, f.reason])).toEqual(
      w.findingIds.map(() => ["will_not_fix", `Closed as won't do in ${w.ticket.key}`]),
    );
    // Someone changes one finding's reason in Bumpers: that decision is theirs, not the ticket's.
    await pool.query(`UPDATE findings SET resolution_reason = 'Vendor image' WHERE id = $1`, [w.findingIds[0]]);
    await deliver(w.connection, ticketEvent(w.ticket, { state: "open" }));
    expect((await findingsOf(w.findingIds)).map((f) => f.resolution)).toEqual(["will_not_fix", null, null]);
  });

  it("applies a delivery once: a replay or retry changes nothing", async () => {
    const w = await world();
    const done = ticketEvent(w.ticket, { state: "done" });
    await deliver(w.connection, done);
    await pool.query(`UPDATE tickets SET state = 'open' WHERE id = $1`, [w.ticket.id]);
    expect(await deliver(w.connection, done)).toEqual({ status: 200, body: { duplicate: true } });
    expect((await ticketRow(w.ticket.id)).state).toBe("open");
  });

  it("does not apply Bumpers' own changes coming back, nor a state it already has", async () => {
    const w = await world();
    const own = ticketEvent(w.ticket, { state: "done" }, w.connection.identityId);
    expect(await deliver(w.connection, own)).toEqual({ status: 200, body: { applied: 0 } });
    expect((await findingsOf(w.findingIds)).map((f) => f.state)).toEqual(["open", "open", "open"]);
    expect((await ticketRow(w.ticket.id)).state).toBe("open");
    expect(await deliver(w.connection, ticketEvent(w.ticket, { state: "open" }))).toEqual({
      status: 200,
      body: { applied: 0 },
    });
    const log = await pool.query(`SELECT direction, summary FROM ticket_sync_log WHERE ticket_id = $1 ORDER BY id`, [
      w.ticket.id,
    ]);
    expect(log.rows.map((r) => r.direction)).toEqual(["in", "in"]);
    expect(log.rows[0]!.summary).toContain("Bumpers' own account");
  });

  it("refuses a wrong secret in the URL with 401 and changes nothing", async () => {
    const w = await world();
    const parse = vi.fn(events(ticketEvent(w.ticket, { state: "done" })));
    const res = await jiraRoute(request(), {
      params: Promise.resolve({ connection: w.connection.id, secret: `${w.connection.webhookSecret}x` }),
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: "unauthorized" } });
    await expect(applyWebhook("jira", w.connection.id, request(), { pathSecret: "nope", parse })).rejects.toMatchObject(
      { status: 401 },
    );
    expect(parse).not.toHaveBeenCalled();
    expect((await findingsOf(w.findingIds)).map((f) => f.state)).toEqual(["open", "open", "open"]);
    const log = await pool.query(`SELECT ok, summary, detail FROM ticket_sync_log WHERE connection_id = $1`, [
      w.connection.id,
    ]);
    expect(log.rows).toHaveLength(2);
    expect(log.rows[0]).toMatchObject({ ok: false, detail: {} });
    expect(log.rows[0]!.summary).not.toContain(w.connection.webhookSecret);
  });

  it("answers 404 for an unknown connection or the wrong kind, 401 for a bad signature, 202 for ignored deliveries", async () => {
    const w = await world();
    const unknown = await jiraRoute(request(), {
      params: Promise.resolve({ connection: crypto.randomUUID(), secret: "s" }),
    });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: "not_found" } });
    await expect(applyWebhook("github", w.connection.id, request())).rejects.toMatchObject({ status: 404 });
    const github = await createTicketConnection(w.t.org.id, "github");
    const bad = async (): Promise<TWebhookParse> => ({ kind: "unauthorized", reason: "signature mismatch" });
    await expect(applyWebhook("github", github.id, request(), { parse: bad })).rejects.toMatchObject({ status: 401 });
    const ignored = async (): Promise<TWebhookParse> => ({ kind: "ignored", deliveryId: "d", reason: "labels" });
    expect((await applyWebhook("github", github.id, request(), { parse: ignored })).status).toBe(202);
    const invalid = async (): Promise<TWebhookParse> => ({ kind: "invalid", reason: "not JSON" });
    await expect(applyWebhook("github", github.id, request(), { parse: invalid })).rejects.toMatchObject({
      status: 400,
    });
  });

  it("never touches another org's ticket with the same external id", async () => {
    const a = await world();
    const b = await world();
    // A second ticket in each org, of two of its findings (another problem than world's ticket).
    const bTicket = await createTestTicket({
      orgId: b.t.org.id,
      teamId: b.t.team.id,
      connectionId: b.connection.id,
      findingIds: b.findingIds.slice(0, 2),
      externalId: "777",
    });
    const aTicket = await createTestTicket({
      orgId: a.t.org.id,
      teamId: a.t.team.id,
      connectionId: a.connection.id,
      findingIds: a.findingIds.slice(0, 2),
      externalId: "777",
    });
    await deliver(a.connection, ticketEvent(aTicket, { state: "done" }));
    expect((await ticketRow(aTicket.id)).state).toBe("done");
    expect((await ticketRow(bTicket.id)).state).toBe("open");
    expect((await findingsOf(b.findingIds)).map((f) => f.state)).toEqual(["open", "open", "open"]);
    // Org B's ticket id through org A's connection is "not a Bumpers ticket".
    const other = { ...ticketEvent(b.ticket, { state: "done" }) };
    expect(await deliver(a.connection, other)).toEqual({ status: 200, body: { applied: 0 } });
    expect((await ticketRow(b.ticket.id)).state).toBe("open");
  });

  it("turns comments into notes on the open findings only when the project says so", async () => {
    const on = await world({ commentsAsNotes: true });
    await deliver(on.connection, ticketEvent(on.ticket, { comment: "Patched in 1.2.3" }));
    const notes = await pool.query(
      `SELECT data FROM finding_events WHERE finding_id = ANY($1::uuid[]) AND kind = 'commented'`,
      [on.findingIds],
    );
    expect(notes.rows).toHaveLength(3);
    expect(notes.rows[0]!.data).toMatchObject({
      text: "Patched in 1.2.3",
      ticket: on.ticket.key,
      author: "Dana Developer",
    });

    const off = await world({ commentsAsNotes: false });
    expect(await deliver(off.connection, ticketEvent(off.ticket, { comment: "Patched" }))).toEqual({
      status: 200,
      body: { applied: 0 },
    });
    const none = await pool.query(
      `SELECT 1 FROM finding_events WHERE finding_id = ANY($1::uuid[]) AND kind = 'commented'`,
      [off.findingIds],
    );
    expect(none.rowCount).toBe(0);
  });

  it("resolves the alert group when the ticket closes all its findings, and fires it again on reopen", async () => {
    const { t } = await tenantWithRule({ name: "Criticals", match: { minSeverity: "critical" } });
    const w = await world({}, { tenant: t });
    const pages = async () => (await outbox(t.org.id)).filter((e) => e.action !== "ticket").map((e) => e.action);
    expect(await pages()).toEqual(["trigger"]);
    await deliver(w.connection, ticketEvent(w.ticket, { state: "done" }));
    expect(await pages()).toEqual(["trigger", "resolve"]);
    await deliver(w.connection, ticketEvent(w.ticket, { state: "open" }));
    expect(await pages()).toEqual(["trigger", "resolve", "trigger"]);
  });
});

describe("webhook delivery ids", () => {
  it("are forgotten after 30 days, whatever the retention settings", async () => {
    const w = await world();
    await deliver(w.connection, ticketEvent(w.ticket, { state: "done" }));
    await pool.query(
      `INSERT INTO ticket_webhook_deliveries (connection_id, delivery_id, received_at) VALUES ($1, 'old', now() - interval '31 days')`,
      [w.connection.id],
    );
    const pruned = await pruneRetention(
      { reportDays: 0, findingEventDays: 0, deliveryLogDays: 0 },
      { orgId: w.t.org.id },
    );
    expect(pruned.webhookDeliveries).toBe(1);
    const left = await pool.query(`SELECT delivery_id FROM ticket_webhook_deliveries WHERE connection_id = $1`, [
      w.connection.id,
    ]);
    expect(left.rowCount).toBe(1);
  });
});
