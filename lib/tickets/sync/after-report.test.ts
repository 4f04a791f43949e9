import { describe, expect, it, vi } from "vitest";
import { ingest, polarisReport, workloads } from "@/lib/alerting/test-helpers";
import { pool } from "@/lib/server/db";
import { inTransaction } from "@/lib/server/sql";
import { setTeamScope } from "@/lib/teams/set-team-scope";
import { actorFor, createTestCluster, createTestTenant } from "@/lib/testing/factories";
import { createTestTicket } from "@/lib/testing/tickets";
import { plainTextOf, type TTicketDoc } from "../document";
import { ticketsOnReportProcessed } from "./after-report";
import { applyInboundEvents } from "./inbound";
import { createTicketConnection, createTicketTenant, ticketCalls, ticketEvent, ticketRow } from "./sync-testing";

// What reports do to tickets, through the real ingest path (the worker calls the hook).

const CHECK = "runAsRootAllowed";
const subject = { kind: "check" as const, source: "polaris", checkId: CHECK, clusterId: null };

async function world(project: { reopenWhenStillFailing?: boolean } = {}) {
  const t = await createTestTenant();
  const shop = [{ effect: "include" as const, cluster: "*", namespace: "shop-*", kind: "*", name: "*", labels: {} }];
  await setTeamScope(t.org.id, actorFor(t.users.admin), t.team.id, shop);
  const cluster = await createTestCluster(t.org.id);
  const connection = await createTicketConnection(t.org.id, "jira_cloud", project);
  /** A Polaris report where `failing` workloads of shop-api fail the check (0: none does). */
  const report = (failing: number) =>
    ingest(
      t.org.id,
      cluster.id,
      "polaris",
      polarisReport(workloads(Math.max(failing, 1), ["shop-api"]), failing ? [{ id: CHECK }] : []),
    );
  const findingIds = async () =>
    (
      await pool.query<{ id: string }>(`SELECT id FROM findings WHERE org_id = $1 AND check_id = $2 ORDER BY id`, [
        t.org.id,
        CHECK,
      ])
    ).rows.map((r) => r.id);
  const ticket = async (state: "open" | "creating" = "open") =>
    createTestTicket({
      orgId: t.org.id,
      teamId: t.team.id,
      connectionId: connection.id,
      findingIds: await findingIds(),
      subject,
      state,
    });
  return { t, cluster, connection, report, findingIds, ticket };
}

const textOf = (payload: Record<string, unknown>) => plainTextOf((payload.comment ?? payload.body) as TTicketDoc);

describe("tickets after a report", () => {
  it("moves a ticket to done when its findings are fixed, and reopens it when they come back", async () => {
    const w = await world();
    await w.report(3);
    const ticket = await w.ticket();

    await w.report(0);
    let calls = await ticketCalls(w.t.org.id);
    expect(calls.map((c) => [c.ticketId, c.op, c.to])).toEqual([[ticket.id, "transition", "done"]]);
    expect(textOf(calls[0]!.raw)).toMatch(/^Fixed: the latest reports no longer show it on any of the 3 resources\./);
    expect(textOf(calls[0]!.raw)).toContain("- shop-api/Deployment/app-0000");
    expect(await ticketRow(ticket.id)).toMatchObject({ state: "done", open_count: 0 });

    await w.report(0); // nothing new: no second transition
    expect(await ticketCalls(w.t.org.id)).toHaveLength(1);

    await w.report(2);
    calls = await ticketCalls(w.t.org.id);
    expect(calls.map((c) => [c.op, c.to])).toEqual([
      ["transition", "done"],
      ["transition", "reopen"],
    ]);
    expect(textOf(calls[1]!.raw)).toMatch(/^It is back on 2 resources \(report of \d{4}-\d\d-\d\d \d\d:\d\d UTC\)\.$/);
    expect(await ticketRow(ticket.id)).toMatchObject({ state: "open", open_count: 2, closed_at: null });
  });

  it("comments once when more resources show the problem, and at most once an hour", async () => {
    const w = await world();
    await w.report(2);
    const ticket = await w.ticket();

    await w.report(4);
    let calls = await ticketCalls(w.t.org.id);
    expect(calls.map((c) => [c.op, textOf(c.raw)])).toEqual([["comment", "+2 resources now show it (4 in all)."]]);
    expect(await ticketRow(ticket.id)).toMatchObject({ open_count: 4, affected_count: 4 });

    await w.report(6); // within the hour: no comment, and the next one will tell the whole change
    calls = await ticketCalls(w.t.org.id);
    expect(calls).toHaveLength(1);
    expect(await ticketRow(ticket.id)).toMatchObject({ open_count: 4, affected_count: 6 });

    await pool.query(`UPDATE tickets SET last_growth_comment_at = now() - interval '2 hours' WHERE id = $1`, [
      ticket.id,
    ]);
    await w.report(7);
    calls = await ticketCalls(w.t.org.id);
    expect(calls.map((c) => textOf(c.raw))).toEqual([
      "+2 resources now show it (4 in all).",
      "+3 resources now show it (7 in all).",
    ]);
  });

  it("gives a ticket being created its new findings but no calls", async () => {
    const w = await world();
    await w.report(2);
    const ticket = await w.ticket("creating");
    await w.report(3);
    await w.report(0);
    expect(await ticketCalls(w.t.org.id)).toEqual([]);
    const linked = await pool.query(`SELECT 1 FROM ticket_findings WHERE ticket_id = $1`, [ticket.id]);
    expect(linked.rowCount).toBe(3);
    expect((await ticketRow(ticket.id)).state).toBe("creating");
  });

  it("writes a thousand transitions for a thousand fixed tickets in a handful of statements", async () => {
    const { t, cluster, connection } = await createTicketTenant("github", { count: 1000, source: "polaris" });
    await pool.query(
      `WITH f AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM findings WHERE org_id = $1),
            t AS (
              INSERT INTO tickets (org_id, team_id, connection_id, provider, problem_key, subject, title, external_id,
                                   external_key, state, open_count, affected_count)
              SELECT $1, $2, $3, 'github', f.id::text, jsonb_build_object('kind', 'findings', 'findingIds', jsonb_build_array(f.id)),
                     'one', f.n::text, 'acme/pay#' || f.n, 'open', 1, 1
                FROM f
              RETURNING id, problem_key)
       INSERT INTO ticket_findings (org_id, ticket_id, finding_id) SELECT $1, t.id, t.problem_key::uuid FROM t`,
      [t.org.id, t.team.id, connection.id],
    );
    await pool.query(`UPDATE findings SET status = 'fixed', fixed_at = now() WHERE org_id = $1`, [t.org.id]);

    const statements = await inTransaction(pool, async (client) => {
      const spy = vi.spyOn(client, "query");
      await ticketsOnReportProcessed(client, {
        orgId: t.org.id,
        clusterId: cluster.id,
        reportId: crypto.randomUUID(),
        source: "polaris",
        now: new Date(),
      });
      return spy.mock.calls.length;
    });
    const calls = await ticketCalls(t.org.id);
    expect(calls).toHaveLength(1000);
    expect(new Set(calls.map((c) => c.ticketId)).size).toBe(1000);
    expect(calls.every((c) => c.op === "transition" && c.to === "done")).toBe(true);
    // Growth, still-failing check, the transitions, the outbox insert and its wake-up: never one per ticket.
    expect(statements).toBeLessThanOrEqual(6);
  });
});

describe("tickets closed as done while the problem is still there", () => {
  async function closedInJira(project: { reopenWhenStillFailing: boolean }) {
    const w = await world(project);
    await w.report(2);
    const ticket = await w.ticket();
    await inTransaction(pool, (client) =>
      applyInboundEvents(
        client,
        { id: w.connection.id, orgId: w.t.org.id, identityId: w.connection.identityId },
        "d1",
        [ticketEvent(ticket, { state: "done" })],
      ),
    );
    const ids = await w.findingIds();
    const states = await pool.query(`SELECT DISTINCT resolution::text FROM findings WHERE id = ANY($1::uuid[])`, [ids]);
    expect(states.rows).toEqual([{ resolution: "ticket_closed" }]);
    await w.report(2); // a fresh report still has both
    return { w, ticket, ids };
  }

  it("unresolves the findings and reopens the ticket with a comment", async () => {
    const { w, ticket, ids } = await closedInJira({ reopenWhenStillFailing: true });
    const findings = await pool.query(`SELECT state::text FROM findings WHERE id = ANY($1::uuid[])`, [ids]);
    expect(findings.rows.map((r) => r.state)).toEqual(["open", "open"]);
    const events = await pool.query(
      `SELECT data->>'reason' AS reason FROM finding_events WHERE finding_id = ANY($1::uuid[]) AND kind = 'unresolved'`,
      [ids],
    );
    expect(events.rows.map((r) => r.reason)).toEqual([
      `still failing after ${ticket.key} was closed`,
      `still failing after ${ticket.key} was closed`,
    ]);
    const calls = await ticketCalls(w.t.org.id);
    expect(calls.map((c) => [c.op, c.to])).toEqual([["transition", "reopen"]]);
    expect(textOf(calls[0]!.raw)).toMatch(
      /^Closed in Jira on \d{4}-\d\d-\d\d, but the report of .* UTC still shows it on 2 resources\.$/,
    );
    expect(await ticketRow(ticket.id)).toMatchObject({ state: "open", open_count: 2 });

    await w.report(2); // told once: the next report changes nothing
    expect(await ticketCalls(w.t.org.id)).toHaveLength(1);
  });

  it("only comments when the project does not reopen", async () => {
    const { w, ticket } = await closedInJira({ reopenWhenStillFailing: false });
    const calls = await ticketCalls(w.t.org.id);
    expect(calls.map((c) => [c.op, c.to])).toEqual([["comment", undefined]]);
    expect(textOf(calls[0]!.raw)).toContain("still shows it on 2 resources");
    expect((await ticketRow(ticket.id)).state).toBe("done");
    await w.report(2);
    expect(await ticketCalls(w.t.org.id)).toHaveLength(1);
  });
});
