import { describe, expect, it } from "vitest";
import { POST as githubRoute } from "@/app/api/v1/webhooks/github/[connection]/route";
import { POST as jiraRoute } from "@/app/api/v1/webhooks/jira/[connection]/[secret]/route";
import { pool } from "@/lib/server/db";
import { createTestTicket, createTicketFindings } from "@/lib/testing/tickets";
import { markerLabelOf } from "../problems/problem-key";
import { getTicket } from "../queries";
import { unlinkTicket } from "../unlink-ticket";
import {
  flowTenant,
  secretsFoundIn,
  secretValuesOf,
  startFlowParts,
  type TFlowKind,
  type TFlowTenant,
} from "./flow-testing";

// Jira Cloud / GitHub → Bumpers: a person changes the issue in the fake, the fake delivers its
// webhook (signed, with its delivery id) to the real route, and the findings follow. Bumpers' own
// changes come back the same way and change nothing.

const parts = startFlowParts({ jira: jiraRoute, github: githubRoute });
const tenants: TFlowTenant[] = [];
const STILL_FAILING = /Closed in (Jira|GitHub) on .*, but the report of .* still shows it on 3 resources\./;

/** A tenant with an issue in the fake for its 3 failing workloads, made by Bumpers. */
async function withIssue(kind: TFlowKind, options: { reopenWhenStillFailing?: boolean } = {}) {
  const w = await flowTenant(parts, kind, options);
  tenants.push(w);
  await w.report(3);
  await w.create();
  await w.drain();
  const [ticket] = await w.ticket();
  return { w, ticket: ticket!, key: ticket!.external_key! };
}

/** The route's answers to this tenant's deliveries, newest last. */
const answersTo = (w: TFlowTenant) =>
  parts.relay.received.filter((r) => r.path === w.webhookPath).map((r) => ({ status: r.status, answer: r.answer }));

const resolutions = async (w: TFlowTenant) => (await w.findings()).map((f) => f.resolution);

describe.each<TFlowKind>(["jira_cloud", "github"])("%s: changes in the fake come back", (kind) => {
  it("closing resolves the findings; a report still showing them reopens them and the issue, with a comment; the echo changes nothing", async () => {
    const { w, ticket, key } = await withIssue(kind);
    await w.move(key, "done");
    expect(answersTo(w).at(-1)).toEqual({ status: 200, answer: JSON.stringify({ applied: 1 }) });
    expect(await w.findings()).toEqual(
      Array.from({ length: 3 }, () => expect.objectContaining({ state: "resolved", resolution: "ticket_closed" })),
    );
    expect((await w.ticket())[0]).toMatchObject({ state: "done", open_count: 0 });

    await w.report(3);
    expect(await resolutions(w)).toEqual([null, null, null]);
    expect((await w.outbox()).map((e) => [e.status, e.op, e.to])).toEqual([["pending", "transition", "reopen"]]);
    await w.drain();
    const issue = w.issues(markerLabelOf(ticket.problem_key))[0]!;
    expect(issue.state).toBe("open");
    expect(issue.comments.at(-1)).toMatch(STILL_FAILING);
    expect((await w.ticket())[0]).toMatchObject({ state: "open", open_count: 3 });

    // The fake told Bumpers about its own reopen (and comment): nothing applied, nothing sent back out.
    const echo = answersTo(w).filter((a) => a.answer === JSON.stringify({ applied: 0 }));
    expect(echo.length).toBeGreaterThan(0);
    expect((await w.outbox()).map((e) => [e.status, e.op])).toEqual([["delivered", "transition"]]);
    const { rows } = await pool.query<{ summary: string }>(
      `SELECT summary FROM ticket_sync_log WHERE org_id = $1 AND direction = 'in' AND detail->>'kind' = 'state'
        ORDER BY id DESC LIMIT 1`,
      [w.t.org.id],
    );
    expect(rows[0]!.summary).toMatch(/made by Bumpers' own account, nothing to apply/);
    expect(await resolutions(w)).toEqual([null, null, null]);
  });

  it("with reopening off, a report still showing closed findings reopens them and only comments", async () => {
    const { w, ticket, key } = await withIssue(kind, { reopenWhenStillFailing: false });
    await w.move(key, "done");
    await w.report(3);
    await w.drain();
    expect(await resolutions(w)).toEqual([null, null, null]);
    const issue = w.issues(markerLabelOf(ticket.problem_key))[0]!;
    expect(issue.state).toBe("done");
    expect(issue.comments.at(-1)).toMatch(STILL_FAILING);
    expect((await w.outbox()).map((e) => [e.status, e.op])).toEqual([["delivered", "comment"]]);
    expect((await w.ticket())[0]).toMatchObject({ state: "done" });
  });

  it("closing as won't do / not planned resolves the findings as will_not_fix", async () => {
    const { w, key } = await withIssue(kind);
    await w.move(key, "wont_do");
    expect(await resolutions(w)).toEqual(["will_not_fix", "will_not_fix", "will_not_fix"]);
    expect((await w.ticket())[0]).toMatchObject({ state: "wont_do" });
  });

  it("refuses a delivery with a bad signature or a wrong path secret with 401, and changes nothing", async () => {
    const { w, key } = await withIssue(kind);
    if (kind === "github") w.listen(w.webhookPath, "not-the-webhook-secret");
    else w.listen(`/api/v1/webhooks/jira/${w.connection.id}/not-the-webhook-secret`);
    await w.move(key, "done");
    const refused = parts.relay.received.at(-1)!;
    expect(refused.status).toBe(401);
    expect(await resolutions(w)).toEqual([null, null, null]);
    expect((await w.ticket())[0]).toMatchObject({ state: "open", open_count: 3 });
    const { rows } = await pool.query(
      `SELECT action, ok FROM ticket_sync_log WHERE org_id = $1 AND direction = 'in' ORDER BY id DESC LIMIT 1`,
      [w.t.org.id],
    );
    expect(rows).toEqual([{ action: "refused", ok: false }]);
  });

  it("applies a replayed delivery once", async () => {
    const { w, key } = await withIssue(kind);
    await w.move(key, "done");
    const close = parts.relay.received.at(-1)!;
    expect(close.answer).toBe(JSON.stringify({ applied: 1 }));
    await w.move(key, "reopen");
    expect(await resolutions(w)).toEqual([null, null, null]);

    const replay = await parts.relay.send(close.path, close.headers, close.body);
    expect(replay).toEqual({ status: 200, answer: JSON.stringify({ duplicate: true }) });
    expect(await resolutions(w)).toEqual([null, null, null]);
    expect((await w.ticket())[0]).toMatchObject({ state: "open" });
  });

  it("never lets another org's webhook change this org's ticket, nor finds it through the other org", async () => {
    const a = await withIssue(kind);
    // Org B files into the same site: its ticket has the same external id as A's.
    const b = await flowTenant(parts, kind);
    tenants.push(b);
    const bFindings = await createTicketFindings({
      orgId: b.t.org.id,
      clusterId: b.cluster.id,
      teamId: b.t.team.id,
      count: 2,
      namespace: "shop-api",
    });
    const bTicket = await createTestTicket({
      orgId: b.t.org.id,
      teamId: b.t.team.id,
      connectionId: b.connection.id,
      subject: { kind: "findings", findingIds: bFindings },
      findingIds: bFindings,
      externalId: a.ticket.external_id,
      key: a.key,
    });

    // The fake's webhook now goes to B's route: a person closing A's issue moves B's ticket only.
    await a.w.move(a.key, "done");
    expect(await resolutions(a.w)).toEqual([null, null, null]);
    expect((await a.w.ticket())[0]).toMatchObject({ state: "open" });
    expect((await b.ticket()).find((t) => t.id === bTicket.id)).toMatchObject({ state: "done" });

    // A's delivery to B's connection with A's secret: refused.
    a.w.listen();
    await a.w.move(a.key, "reopen");
    const delivered = parts.relay.received.at(-1)!;
    const toB =
      kind === "github" ? b.webhookPath : `/api/v1/webhooks/jira/${b.connection.id}/${a.w.secret.webhookSecret}`;
    expect((await parts.relay.send(toB, delivered.headers, delivered.body)).status).toBe(401);

    expect(await getTicket(b.t.org.id, a.ticket.id)).toBeNull();
    const actor = { userId: b.t.users.admin.id, label: b.t.users.admin.email };
    await expect(unlinkTicket(b.t.org.id, actor, a.ticket.id)).rejects.toMatchObject({ code: "not_found" });
    expect(await getTicket(a.w.t.org.id, a.ticket.id)).toMatchObject({ id: a.ticket.id });
  });
});

describe("secrets", () => {
  it("never appear in the sync log, the outbox, the audit log or the routes' answers", async () => {
    const found = await secretsFoundIn(
      parts,
      tenants.map((w) => w.t.org.id),
      tenants.flatMap((w) => secretValuesOf(w.secret)),
    );
    expect(found.texts).toBeGreaterThan(50);
    expect([...found.sources].sort()).toEqual(["alert_events", "audit_logs", "ticket_sync_log"]);
    expect(found.leaks).toEqual([]);
  });
});
