import { describe, expect, it } from "vitest";
import { pool } from "@/lib/server/db";
import { ticketSetup } from "@/lib/testing/tickets";
import { getTicket, listTeamTickets, listTicketSyncLog, ticketChipsOfFindings } from "./queries";
import { unlinkTicket } from "./unlink-ticket";

const ticketEvents = (orgId: string) =>
  pool
    .query<{ finding_id: string; data: { action: string; key: string } }>(
      `SELECT finding_id, data FROM finding_events WHERE org_id = $1 AND kind = 'ticket' ORDER BY created_at`,
      [orgId],
    )
    .then((r) => r.rows);

describe("linkTicket and unlinkTicket", () => {
  it("links an issue filed by hand, shows it on the findings, and unlinks without touching the issue", async () => {
    const s = await ticketSetup();
    s.memory.add({ key: "PAY-42", title: "Root everywhere", state: "open", status: "In Progress", labels: [] });
    const linked = await s.link("https://acme.atlassian.net/browse/PAY-42");
    expect(linked).toMatchObject({
      outcome: "linked",
      ticket: { key: "PAY-42", state: "open", providerStatus: "In Progress" },
    });
    const detail = await getTicket(s.t.org.id, linked.ticket.id);
    expect(detail).toMatchObject({ linked: true, findingCount: 3, openFindingCount: 3, team: { id: s.t.team.id } });
    expect((await ticketChipsOfFindings(s.t.org.id, s.findingIds)).get(s.findingIds[1]!)).toEqual([linked.ticket]);

    // The problem has its ticket now: creating one comments on it instead.
    expect(await s.create()).toMatchObject({
      outcome: "commented",
      ticket: { id: linked.ticket.id },
    });

    await unlinkTicket(s.t.org.id, s.actor, linked.ticket.id);
    expect(await getTicket(s.t.org.id, linked.ticket.id)).toBeNull();
    expect((await ticketChipsOfFindings(s.t.org.id, s.findingIds)).size).toBe(0);
    expect(s.memory.calls.filter((c) => c.op !== "getIssue")).toHaveLength(0);
    expect(s.memory.issues.size).toBe(1);
    const actions = (await ticketEvents(s.t.org.id)).map((e) => e.data.action);
    expect(actions.filter((a) => a === "linked")).toHaveLength(3);
    expect(actions.filter((a) => a === "unlinked")).toHaveLength(3);
    // Its pending comment is dropped with it.
    const { rows } = await pool.query(`SELECT status::text FROM alert_events WHERE org_id = $1 AND action = 'ticket'`, [
      s.t.org.id,
    ]);
    expect(rows).toEqual([{ status: "failed" }]);
    const audit = await pool.query(
      `SELECT action FROM audit_logs WHERE org_id = $1 AND action LIKE 'ticket.%' ORDER BY id`,
      [s.t.org.id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(["ticket.linked", "ticket.requested_again", "ticket.unlinked"]);
  });

  it("adds findings to an issue Bumpers already follows, and refuses a second ticket for a problem", async () => {
    const s = await ticketSetup();
    const created = await s.create();
    const extra = await s.addFindings({
      count: 1,
      checkId: "cpuLimitsMissing",
      title: "CPU limits missing",
    });
    const again = await s.link("PAY-1", { subject: { kind: "findings", findingIds: extra } });
    expect(again).toMatchObject({ outcome: "added", ticket: { id: created.ticket.id } });
    expect((await getTicket(s.t.org.id, created.ticket.id))!.findingCount).toBe(4);

    s.memory.add({ key: "PAY-99", title: "Other", state: "open", status: "To Do", labels: [] });
    await expect(s.link("PAY-99")).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/already has a ticket \(PAY-1\)/),
    });
    await expect(s.link("PAY-404")).rejects.toMatchObject({ code: "bad_request", details: { field: "reference" } });
  });

  it("lists a team's tickets page by page, and the sync log of a ticket", async () => {
    const s = await ticketSetup();
    const first = await s.create();
    const second = await s.create({ subject: { kind: "findings", findingIds: [s.findingIds[0]!] } });
    const page1 = await listTeamTickets(s.t.org.id, s.t.team.id, { limit: 1 });
    expect(page1.data.map((t) => t.id)).toEqual([second.ticket.id]);
    const page2 = await listTeamTickets(s.t.org.id, s.t.team.id, { limit: 1, cursor: page1.next! });
    expect(page2.data.map((t) => t.id)).toEqual([first.ticket.id]);
    expect(page2.next).toBeNull();
    expect((await listTeamTickets(s.t.org.id, s.t.team.id, { limit: 10, state: "closed" })).data).toHaveLength(0);
    expect((await listTeamTickets(s.t.org.id, s.t.otherTeam.id, { limit: 10 })).data).toHaveLength(0);
    const log = await listTicketSyncLog(s.t.org.id, { ticketId: first.ticket.id }, { limit: 10 });
    expect(log.data).toMatchObject([{ action: "create", ok: true, direction: "out" }]);
  });

  it("never reaches another org's ticket", async () => {
    const a = await ticketSetup();
    const b = await ticketSetup();
    const theirs = await b.create();
    expect(await getTicket(a.t.org.id, theirs.ticket.id)).toBeNull();
    expect((await ticketChipsOfFindings(a.t.org.id, b.findingIds)).size).toBe(0);
    expect((await listTicketSyncLog(a.t.org.id, { ticketId: theirs.ticket.id }, { limit: 10 })).data).toHaveLength(0);
    await expect(unlinkTicket(a.t.org.id, a.actor, theirs.ticket.id)).rejects.toMatchObject({ code: "not_found" });
    // Org B's findings are not org A's team's to link.
    await expect(a.link("PAY-1", { subject: { kind: "findings", findingIds: b.findingIds } })).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await getTicket(b.t.org.id, theirs.ticket.id)).not.toBeNull();
  });
});
