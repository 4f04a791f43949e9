import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverDueEvents } from "@/lib/alerting/delivery/deliver";
import { pool } from "@/lib/server/db";
import { resetEnvCache } from "@/lib/server/env";
import { actorFor, createMember, createTestCluster, createTestOrg, createTestTeam } from "@/lib/testing/factories";
import { startFakeGithub, type TFakeGithub } from "@/lib/testing/fake-github";
import { startFakeJira, type TFakeJira } from "@/lib/testing/fake-jira";
import { createTestTicket, createTicketConnection, createTicketFindings } from "@/lib/testing/tickets";
import { openTicketSecret } from "@/lib/tickets/connection-secret";
import { createTicket } from "@/lib/tickets/create-ticket";
import { paragraph, text } from "@/lib/tickets/document";
import { markerLabelOf } from "@/lib/tickets/problems/problem-key";
import { providerFor } from "@/lib/tickets/providers";
import { enqueueTicketCalls, type TTicketCall } from "@/lib/tickets/sync/enqueue";
import { sendTicketCall } from "@/lib/tickets/sync/send-ticket-call";
import { isLoopbackUrl, reconnectDemoTickets } from "./reconnect-tickets";
import { seedTickets } from "./tickets";

// A second `npm start` with the same data: the seed made Acme's tickets against one pair of fakes
// (A), which are gone; this start's fakes (B) are empty, on other ports. After the reconnect the
// tickets work against B as they did against A.

type TConnection = { id: string; kind: string; secret_ciphertext: string; settings: Record<string, unknown> };

/** Stands in for the app: records the paths webhooks are posted to. */
async function startApp() {
  const paths: string[] = [];
  const server = http.createServer((req, res) => {
    paths.push(req.url ?? "");
    req.resume();
    req.on("end", () => res.writeHead(202).end());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, paths, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe("reconnectDemoTickets", () => {
  let orgId: string;
  let teams: Map<string, string>;
  let clusterId: string;
  let a: { jira: TFakeJira; github: TFakeGithub };
  let b: { jira: TFakeJira; github: TFakeGithub };
  let app: Awaited<ReturnType<typeof startApp>>;
  let real: { id: string; ciphertext: string; settings: unknown };
  let moved: Awaited<ReturnType<typeof reconnectDemoTickets>>;
  const saved = { ...process.env };

  const connections = async () =>
    (
      await pool.query<TConnection>(
        `SELECT id, kind::text AS kind, secret_ciphertext, settings FROM notification_connections
          WHERE org_id = $1 AND kind IN ('jira_cloud', 'github') AND name LIKE 'Acme %' ORDER BY kind::text`,
        [orgId],
      )
    ).rows;
  const tickets = async () =>
    (
      await pool.query<{ id: string; key: string; state: string; url: string; team_id: string; problem_key: string }>(
        `SELECT id, external_key AS key, state::text AS state, url, team_id, problem_key FROM tickets
          WHERE org_id = $1 AND external_key IS NOT NULL ORDER BY external_key COLLATE "C"`,
        [orgId],
      )
    ).rows;

  beforeAll(async () => {
    const org = await createTestOrg();
    orgId = org.id;
    const owner = await createMember(orgId, "owner");
    const payments = await createTestTeam(orgId, { slug: "payments" });
    const platform = await createTestTeam(orgId, { slug: "platform" });
    teams = new Map([
      ["payments", payments.id],
      ["platform", platform.id],
    ]);
    clusterId = (await createTestCluster(orgId)).id;
    for (const [teamId, checkId] of [
      [payments.id, "runAsRootAllowed"],
      [payments.id, "hostNetworkSet"],
      [platform.id, "privilegeEscalationAllowed"],
    ] as const) {
      await createTicketFindings({ orgId, clusterId, teamId, count: 2, checkId });
    }
    // A real Jira site of the org: not the demo's, so never moved.
    const realConnection = await createTicketConnection(orgId, { name: "Real Jira" });
    await createTestTicket({
      orgId,
      teamId: payments.id,
      connectionId: realConnection.id,
      subject: { kind: "findings", findingIds: [] },
      externalId: "77777",
      key: "PAY-77",
    });

    // The first start: fakes A, the app not up yet (its webhooks go nowhere).
    a = {
      jira: await startFakeJira({ port: 0, webhookRetryDelaysMs: [] }),
      github: await startFakeGithub({ port: 0 }),
    };
    Object.assign(process.env, {
      BUMPERS_DEMO_JIRA_URL: a.jira.url,
      BUMPERS_DEMO_GITHUB_URL: a.github.url,
      BUMPERS_ALLOW_PRIVATE_DESTINATIONS: "true",
      NEXTAUTH_URL: "http://127.0.0.1:9",
    });
    resetEnvCache();
    await seedTickets(orgId, actorFor(owner), teams);
    await a.jira.flushWebhooks();
    // Jira's "Done" on PAY-1 reached the app before it stopped; a person then closed the GitHub
    // issue as not planned. The database is what the second start has to go on.
    await pool.query(
      `UPDATE tickets SET state = CASE WHEN external_key = 'PAY-1' THEN 'done' ELSE 'wont_do' END::ticket_state,
              closed_at = now()
        WHERE org_id = $1 AND external_key IN ('PAY-1', 'acme/platform#1')`,
      [orgId],
    );
    real = await pool
      .query(`SELECT id, secret_ciphertext AS ciphertext, settings FROM notification_connections WHERE id = $1`, [
        realConnection.id,
      ])
      .then((r) => r.rows[0]);
    await a.jira.close();
    await a.github.close();

    // The second start: fakes B on other ports, the app at another address.
    b = {
      jira: await startFakeJira({ port: 0, webhookRetryDelaysMs: [] }),
      github: await startFakeGithub({ port: 0 }),
    };
    app = await startApp();
    process.env.NEXTAUTH_URL = app.url;
    resetEnvCache();
    moved = await reconnectDemoTickets(orgId, b, app.url);
  }, 120_000);

  afterAll(async () => {
    await Promise.allSettled([b?.jira.close(), b?.github.close(), app?.close()]);
    process.env = saved;
    resetEnvCache();
  });

  it("moves the demo's connections to the new fakes, which they sign in to", async () => {
    expect(b.jira.url).not.toBe(a.jira.url);
    expect(moved).toEqual({ connections: 2, tickets: 3 });
    const [github, jira] = await connections();
    const jiraSecret = openTicketSecret(jira!.id, jira!.secret_ciphertext);
    const githubSecret = openTicketSecret(github!.id, github!.secret_ciphertext);
    expect(jiraSecret).toMatchObject({ kind: "jira_cloud", siteUrl: b.jira.url });
    expect(githubSecret).toMatchObject({ kind: "github", apiUrl: b.github.url });
    expect(jira!.settings).toMatchObject({ host: new URL(b.jira.url).host, siteUrl: b.jira.url });
    expect(github!.settings).toMatchObject({ apiHost: new URL(b.github.url).host });
    for (const secret of [jiraSecret, githubSecret]) {
      const me = await providerFor({ secret, project: null }).whoAmI();
      expect(me.ok).toBe(true);
    }
    // The tickets' links go to the new fakes too.
    expect((await tickets()).map((t) => t.url)).toEqual([
      `${b.jira.url}/browse/PAY-1`,
      `${b.jira.url}/browse/PAY-2`,
      "https://acme.atlassian.net/browse/PAY-77",
      `${b.github.url}/acme/platform/issues/1`,
    ]);
  });

  it("puts every ticket's issue back with its key, title, state and labels", async () => {
    const rows = await tickets();
    const marker = (key: string) => markerLabelOf(rows.find((t) => t.key === key)!.problem_key);
    expect([...b.jira.issues.values()].map((i) => [i.key, i.status, i.resolution, i.labels])).toEqual([
      ["PAY-1", "Done", "Done", [marker("PAY-1")]],
      ["PAY-2", "To Do", null, [marker("PAY-2")]],
    ]);
    expect(b.github.issues().map((i) => [i.repo, i.number, i.state, i.stateReason, i.labels])).toEqual([
      ["acme/platform", 1, "closed", "not_planned", ["bumpers", marker("acme/platform#1")]],
    ]);
    const titles = await pool.query<{ key: string; title: string }>(
      `SELECT external_key AS key, title FROM tickets WHERE org_id = $1 AND external_key = 'PAY-2'`,
      [orgId],
    );
    expect(b.jira.issues.get("PAY-2")!.summary).toBe(titles.rows[0]!.title);
  });

  it("gives a ticket made afterwards the next key, not one of the restored ones", async () => {
    for (const [team, checkId] of [
      ["payments", "cpuLimitsMissing"],
      ["platform", "tagNotSpecified"],
    ] as const) {
      await createTicketFindings({ orgId, clusterId, teamId: teams.get(team)!, count: 1, checkId });
    }
    const actor = { system: true as const, label: "Test" };
    const subject = (checkId: string) => ({ kind: "check" as const, source: "polaris", checkId, clusterId: null });
    const jiraTicket = await createTicket(orgId, actor, {
      teamId: teams.get("payments")!,
      subject: subject("cpuLimitsMissing"),
    });
    const githubTicket = await createTicket(orgId, actor, {
      teamId: teams.get("platform")!,
      subject: subject("tagNotSpecified"),
    });
    expect([jiraTicket.ticket.key, githubTicket.ticket.key]).toEqual(["PAY-3", "acme/platform#2"]);
    expect(b.jira.issues.get("PAY-1")!.summary).not.toBe(b.jira.issues.get("PAY-3")!.summary);
  });

  it("sends an old ticket's calls to the new fakes, whose webhooks go to the app", async () => {
    const [github, jira] = await connections();
    const rows = await tickets();
    const call = (key: string, connection: TConnection, c: TTicketCall) => {
      const t = rows.find((r) => r.key === key)!;
      return {
        ticketId: t.id,
        teamId: t.team_id,
        connectionId: connection.id,
        connectionName: key,
        provider: connection.kind === "github" ? ("github" as const) : ("jira" as const),
        target: key,
        call: c,
      };
    };
    await enqueueTicketCalls(pool, orgId, [
      call("PAY-1", jira!, { op: "comment", body: { blocks: [paragraph(text("Still seen in prod-us-east."))] } }),
      call("acme/platform#1", github!, { op: "transition", to: "reopen" }),
    ]);
    await deliverDueEvents({ orgId, random: () => 0, sendTicketCall: (event) => sendTicketCall(event) });

    const outbox = await pool.query<{ status: string }>(
      `SELECT status::text AS status FROM alert_events WHERE org_id = $1 AND action = 'ticket' AND target IN ('PAY-1', 'acme/platform#1')`,
      [orgId],
    );
    expect(outbox.rows.map((r) => r.status)).toEqual(["delivered", "delivered"]);
    expect(b.jira.issues.get("PAY-1")!.comments).toHaveLength(1);
    expect(b.github.issues("acme/platform").find((i) => i.number === 1)!.state).toBe("open");

    // A person works in the new fakes: their webhooks go to this app's URLs for the connections.
    b.jira.transition("PAY-2", "Done");
    await b.jira.flushWebhooks();
    await b.github.flushWebhooks();
    const jiraSecret = openTicketSecret(jira!.id, jira!.secret_ciphertext).webhookSecret;
    expect(app.paths).toContain(`/api/v1/webhooks/jira/${jira!.id}/${jiraSecret}`);
    expect(app.paths).toContain(`/api/v1/webhooks/github/${github!.id}`);
  });

  it("leaves a connection to a real site alone", async () => {
    const after = await pool.query(
      `SELECT secret_ciphertext AS ciphertext, settings FROM notification_connections WHERE id = $1`,
      [real.id],
    );
    expect(after.rows[0]).toEqual({ ciphertext: real.ciphertext, settings: real.settings });
    expect(b.jira.issues.has("PAY-77")).toBe(false);
  });

  it("counts only loopback addresses as the demo's", () => {
    expect(
      ["http://127.0.0.1:4000", "http://localhost:1", "http://[::1]:80", "http://127.8.0.1"].map(isLoopbackUrl),
    ).toEqual([true, true, true, true]);
    expect(["https://acme.atlassian.net", "http://10.0.0.1", undefined, "not a url"].map(isLoopbackUrl)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});
