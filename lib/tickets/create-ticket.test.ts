import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pool } from "@/lib/server/db";
import { resetEnvCache } from "@/lib/server/env";
import { startFakeSmtp, type TFakeSmtp } from "@/lib/testing/fake-smtp";
import { failures, TEST_API_TOKEN, ticketSetup } from "@/lib/testing/tickets";
import { createTicket } from "./create-ticket";
import { plainTextOf } from "./document";
import { ticketChipsOfFindings, ticketOfSubject } from "./queries";

let smtp: TFakeSmtp;
const saved = { ...process.env };
beforeAll(async () => {
  smtp = await startFakeSmtp({ smtpPort: 0, httpPort: 0 });
  Object.assign(process.env, { BUMPERS_MAIL_TRANSPORT: "smtp", SMTP_URL: smtp.smtpUrl });
  resetEnvCache();
});
afterAll(async () => {
  for (const key of ["BUMPERS_MAIL_TRANSPORT", "SMTP_URL"]) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  resetEnvCache();
  await smtp.close();
});

const ticketsOf = (orgId: string) =>
  pool
    .query<{ id: string; state: string; external_key: string | null; open_count: number }>(
      `SELECT id, state::text AS state, external_key, open_count FROM tickets WHERE org_id = $1`,
      [orgId],
    )
    .then((r) => r.rows);
const outboxOf = (orgId: string) =>
  pool
    .query<{ payload: { op: string; body?: unknown }; next_attempt_at: Date; ticket_id: string; channel: string }>(
      `SELECT payload, next_attempt_at, ticket_id, channel::text AS channel FROM alert_events WHERE org_id = $1 AND action = 'ticket' ORDER BY id`,
      [orgId],
    )
    .then((r) => r.rows);
const syncLogOf = (orgId: string) =>
  pool.query(`SELECT * FROM ticket_sync_log WHERE org_id = $1 ORDER BY id`, [orgId]).then((r) => r.rows);

describe("createTicket", () => {
  it("creates the issue, stores its key, adds ticket events and an audit row; the chip shows it", async () => {
    const s = await ticketSetup();
    const result = await s.create();
    expect(result).toMatchObject({ outcome: "created", ticket: { key: "PAY-1", state: "open", provider: "jira" } });
    const input = s.memory.calls.find((c) => c.op === "createIssue")!.args[0] as { title: string; labels: string[] };
    expect(input.title).toBe(`Run as root: 3 workloads in team ${s.t.team.name}`);
    expect(input.labels[0]).toMatch(/^bumpers-[0-9a-f]{12}$/);
    expect(s.memory.contexts[0]!.secret).toMatchObject({ kind: "jira_cloud", apiToken: TEST_API_TOKEN });
    expect(s.memory.contexts[0]!.project).toMatchObject({ provider: "jira", projectKey: "PAY" });

    const events = await pool.query(
      `SELECT finding_id, data, actor_id FROM finding_events WHERE org_id = $1 AND kind = 'ticket'`,
      [s.t.org.id],
    );
    expect(events.rows.map((e) => e.finding_id).sort()).toEqual([...s.findingIds].sort());
    expect(events.rows[0]).toMatchObject({ data: { action: "created", key: "PAY-1" }, actor_id: s.actor.userId });
    const audit = await pool.query(
      `SELECT action, target_label FROM audit_logs WHERE org_id = $1 AND action LIKE 'ticket.%'`,
      [s.t.org.id],
    );
    expect(audit.rows).toEqual([{ action: "ticket.created", target_label: "PAY-1" }]);

    const chips = await ticketChipsOfFindings(s.t.org.id, [...s.findingIds, ...s.otherFindingIds]);
    expect(chips.get(s.findingIds[0]!)).toEqual([result.ticket]);
    expect(chips.has(s.otherFindingIds[0]!)).toBe(false);
    expect(await ticketOfSubject(s.t.org.id, s.t.team.id, s.subject)).toEqual(result.ticket);
    expect(await syncLogOf(s.t.org.id)).toMatchObject([
      { action: "create", ok: true, direction: "out", ticket_id: result.ticket.id },
    ]);
  });

  it("never makes two tickets for one problem, even when two people ask at once", async () => {
    const s = await ticketSetup();
    const input = { teamId: s.t.team.id, subject: s.subject };
    const other = { userId: s.t.users.teamAdmin.id, label: s.t.users.teamAdmin.email };
    const results = await Promise.all([s.create(), createTicket(s.t.org.id, other, input, s.memory.options())]);
    expect(results.map((r) => r.outcome).sort()).toEqual(["commented", "created"]);
    expect(s.memory.count("createIssue")).toBe(1);
    expect(await ticketsOf(s.t.org.id)).toHaveLength(1);
    const outbox = await outboxOf(s.t.org.id);
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ payload: { op: "comment" }, channel: "jira", ticket_id: results[0]!.ticket.id });
    expect(plainTextOf(outbox[0]!.payload.body as never)).toMatch(
      /asked for this again in Bumpers: 3 resources affected now/,
    );

    // Asked again later: still one ticket, one more comment.
    expect(await s.create()).toMatchObject({ outcome: "commented" });
    expect(s.memory.count("createIssue")).toBe(1);
    expect(await outboxOf(s.t.org.id)).toHaveLength(2);
  });

  it("refuses when nothing is open, and when the team has no project", async () => {
    const s = await ticketSetup();
    const cve = { kind: "cve", vulnerabilityId: "CVE-2099-0001" } as const;
    await expect(s.create({ subject: cve })).rejects.toMatchObject({
      code: "unprocessable",
      message: "Nothing open to make a ticket for.",
    });
    await expect(s.create({ teamId: s.t.otherTeam.id })).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/team admin must choose a Jira or GitHub project/),
    });
    expect(s.memory.calls).toHaveLength(0);
  });

  it("drops the reservation on a refusal and hands the provider's field errors to the dialog", async () => {
    const s = await ticketSetup();
    s.memory.fail(
      "createIssue",
      failures.rejected(400, "Field 'Team' is required.", { customfield_10010: "Team is required." }),
    );
    const error = await s.create().catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "bad_request",
      message: "Field 'Team' is required.",
      details: { fieldErrors: { customfield_10010: "Team is required." } },
    });
    expect(await ticketsOf(s.t.org.id)).toHaveLength(0);
    expect(await syncLogOf(s.t.org.id)).toMatchObject([
      { ok: false, status: 400, ticket_id: null, connection_id: s.connection.id },
    ]);
    // The problem is free again.
    expect(await s.create()).toMatchObject({
      outcome: "created",
    });
  });

  it("marks the connection broken on a 401 and tells the org's admins, without the token", async () => {
    const s = await ticketSetup();
    s.memory.fail("createIssue", failures.broken(401, "Client must be authenticated to access this resource."));
    await expect(s.create()).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/must be authenticated/),
    });
    expect(await ticketsOf(s.t.org.id)).toHaveLength(0);
    const { rows } = await pool.query(
      `SELECT status::text, broken_reason FROM notification_connections WHERE id = $1`,
      [s.connection.id],
    );
    expect(rows[0]).toMatchObject({ status: "broken", broken_reason: expect.stringMatching(/authenticated/) });
    const notice = await smtp.waitForMessage((m) => m.to.includes(s.t.users.admin.email));
    expect(notice.subject).toContain("stopped working");
    expect(notice.text).not.toContain(TEST_API_TOKEN);
    // A broken connection is not called again.
    await expect(s.create()).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/Settings → Integrations/),
    });
    expect(s.memory.count("createIssue")).toBe(1);
  });

  it("keeps the intent on a 429: the ticket stays creating and a create call waits past Retry-After", async () => {
    const s = await ticketSetup();
    const now = new Date("2026-12-09T10:00:00Z");
    s.memory.fail("createIssue", failures.retry(429, "Rate limit exceeded.", 120_000));
    const result = await createTicket(
      s.t.org.id,
      { system: true, label: "Automation rule" },
      { teamId: s.t.team.id, subject: s.subject },
      s.memory.options({ now }),
    );
    expect(result).toMatchObject({ outcome: "queued", ticket: { state: "creating", key: null } });
    const outbox = await outboxOf(s.t.org.id);
    expect(outbox).toMatchObject([{ payload: { op: "create" }, ticket_id: result.ticket.id }]);
    expect(outbox[0]!.next_attempt_at.getTime()).toBe(now.getTime() + 120_000);
    const audit = await pool.query(
      `SELECT actor_user_id, actor_label FROM audit_logs WHERE org_id = $1 AND action = 'ticket.created'`,
      [s.t.org.id],
    );
    expect(audit.rows).toEqual([{ actor_user_id: null, actor_label: "Automation rule" }]);
  });

  it("does not take another org's team", async () => {
    const s = await ticketSetup();
    const b = await ticketSetup();
    await expect(s.create({ teamId: b.t.team.id })).rejects.toMatchObject({ code: "not_found" });
  });
});
