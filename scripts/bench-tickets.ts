// Tickets benchmark (issue 18), two figures:
//  1. Fan-out: 1,000 open Jira tickets, one per check (4,000 findings from a Polaris report through
//     the real worker path), then one report that fixes every check: its processing time (against
//     the same report in an org without tickets), exactly one outbox call per ticket (asserted),
//     then the worker's own delivery loop draining them into the fake Jira under its rate limit.
//  2. Inbound: GitHub `issues` webhooks (signed by the fake GitHub with the connection's secret)
//     handed to the real route handler in-process at a steady rate, open loop, each closing or
//     reopening one of 1,000 GitHub tickets; latency percentiles per run, the effects checked;
//     then the same deliveries replayed (same delivery ids): no second effect.
//
//   npm run bench:tickets [-- --pace 900 --jira-limit 3640 --rps 20 --seconds 20 --runs 3 --replay 200]
//
// The fake Jira counts REST calls in a sliding minute; the default pace (900 calls a minute, 4 REST
// calls each, plus the burst) just fits its default limit (3,640) while the drain's 4,000 calls do
// not fit in one minute: without pacing the fake would answer 429. `--pace 3000` drains as fast
// as this machine can (the limit then never binds).
//
// Uses DATABASE_URL's server (or an embedded one) with a scratch database it drops afterwards.
// Prints Markdown for docs/benchmarks.md. Fails loudly on a wrong count, never on a time.
import { once } from "node:events";
import http from "node:http";
import Module from "node:module";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { argNumber, createOwnerTeam, ms, root, runBenchmark, withBenchDatabase } from "./lib/bench-kit";
import { median, percentile } from "./lib/bench-http";
import { timeQueries, type TQueryTimer, type TStatement } from "./lib/query-timer";

const TICKETS = 1000;
const WORKLOADS = 200;
const CHECKS_PER_WORKLOAD = 20; // 200 × 20 = 4,000 findings: each of the 1,000 checks on 4 workloads
/** A Jira transition is four REST calls: read the status, list transitions, transition, read the issue. */
// The issue with its transitions (expand=transitions), the transition with its comment, the issue read back.
const REST_PER_TRANSITION = 3;
/** Ticket calls a minute on the bench's connection (`settings.pacePerMinute`). */
const PACE = argNumber("pace", 900);
/** The fake Jira's REST calls a minute: the pace's calls and its burst (lib/alerting/delivery/rate-limit.ts). */
const JIRA_LIMIT = argNumber("jira-limit", REST_PER_TRANSITION * (PACE + 10));
const RPS = argNumber("rps", 20);
const SECONDS = argNumber("seconds", 20);
const RUNS = argNumber("runs", 3);
const REPLAY = argNumber("replay", 200);
/** Deliveries sent one at a time after the runs, their statements timed. */
const PROFILED = 20;

const load = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(" ");

// The route module reaches lib/auth/session.ts, which imports next/navigation; Next's server build
// maps that to its react-server entry (next/dist/build/create-compiler-aliases.js), and so does
// this process, which runs the route outside Next.
const loader = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
const resolveFilename = loader._resolveFilename;
const isNavigation = (request: string) =>
  request === "next/navigation" || request.endsWith(`${path.sep}node_modules${path.sep}next${path.sep}navigation.js`);
loader._resolveFilename = (request, ...rest) =>
  resolveFilename.call(
    loader,
    isNavigation(request)
      ? path.join(root, "node_modules/next/dist/client/components/navigation.react-server.js")
      : request,
    ...rest,
  );

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(`bench:tickets: ${what}`);
}

async function main() {
  // The fakes listen on loopback; the providers' outbound guard refuses it otherwise.
  process.env.BUMPERS_ALLOW_PRIVATE_DESTINATIONS = "true";
  process.env.NEXTAUTH_URL ||= "https://bumpers.example";
  await withBenchDatabase({ prefix: "bumpers_bench_tickets" }, async () => {
    const { pool } = await import("@/lib/server/db");
    // Before the first query: only connections opened afterwards are timed.
    const timer = timeQueries(pool);
    try {
      const fanout = await benchFanout();
      const inbound = await benchInbound(timer);
      console.log(report(fanout, inbound));
    } finally {
      await pool.end();
    }
  });
}

type TOrgSetup = Awaited<ReturnType<typeof orgWithTeam>>;

/** An org with an owner and one team owning every workload of cluster `clusterSlug`. */
async function orgWithTeam(slug: string, clusterSlug: string) {
  const { db } = await import("@/lib/server/db");
  const { createCluster } = await import("@/lib/clusters/create-cluster");
  const org = await db.organization.create({ data: { slug, name: slug } });
  const user = await db.user.create({ data: { email: `owner@${slug}.bench.example`, name: "Bench Owner" } });
  await db.membership.create({ data: { orgId: org.id, userId: user.id, role: "owner" } });
  const actor = { userId: user.id, label: user.email };
  const team = await createOwnerTeam(org.id, { slug: "shop", name: "Shop", cluster: clusterSlug });
  const { cluster } = await createCluster(org.id, actor, { slug: clusterSlug, name: clusterSlug });
  return { orgId: org.id, teamId: team.id, clusterId: cluster.id, actor };
}

/** The 1,000 checks, each failing on 4 of the 200 workloads; or, with `fixed`, none failing. */
async function reports() {
  const { polarisReportWith, workloads } = await import("@/lib/alerting/test-helpers");
  const checks = Array.from({ length: TICKETS }, (_, i) => ({ id: `benchCheck${String(i).padStart(4, "0")}` }));
  const all = workloads(
    WORKLOADS,
    Array.from({ length: 10 }, (_, i) => `ns-${i}`),
  );
  return {
    checks,
    failing: () =>
      polarisReportWith(all, (_w, i) =>
        Array.from({ length: CHECKS_PER_WORKLOAD }, (_, k) => checks[(i * CHECKS_PER_WORKLOAD + k) % TICKETS]!),
      ),
    fixed: () => polarisReportWith(all, () => []),
  };
}

/** Open findings of the team in the cluster, by check, in check order. */
async function findingsByCheck(setup: TOrgSetup) {
  const { pool } = await import("@/lib/server/db");
  const { rows } = await pool.query<{ check_id: string; ids: string[] }>(
    `SELECT check_id, array_agg(id ORDER BY id) AS ids FROM findings
      WHERE org_id = $1 AND cluster_id = $2 AND owner_team_id = $3 AND status = 'open'
      GROUP BY check_id ORDER BY check_id`,
    [setup.orgId, setup.clusterId, setup.teamId],
  );
  check(rows.length === TICKETS, `expected ${TICKETS} checks owned by the team, found ${rows.length}`);
  return rows;
}

/**
 * One open ticket per check, written in one statement the way lib/tickets/sync/sync-testing.ts
 * writes them (a ticket row with its findings linked, open_count as told), with the subject and
 * problem key the create verb would store. The create path itself (1,000 calls through the
 * outbox) is not what this benchmark measures.
 */
async function insertTickets(
  setup: TOrgSetup,
  connectionId: string,
  issues: { externalId: string; key: string; url: string }[],
): Promise<void> {
  const { pool } = await import("@/lib/server/db");
  const { problemKeyOf } = await import("@/lib/tickets/problems/problem-key");
  const byCheck = await findingsByCheck(setup);
  const rows = byCheck.map((c, i) => {
    const subject = { kind: "check" as const, source: "polaris", checkId: c.check_id, clusterId: null };
    return {
      subject,
      key: problemKeyOf(setup.orgId, setup.teamId, subject),
      title: `${c.check_id} on ${c.ids.length} workloads`,
      external_id: issues[i]!.externalId,
      external_key: issues[i]!.key,
      url: issues[i]!.url,
      findings: c.ids,
    };
  });
  await pool.query(
    `WITH input AS (
       SELECT e.j FROM jsonb_array_elements($4::jsonb) AS e(j)
     ), t AS (
       INSERT INTO tickets (org_id, team_id, connection_id, provider, problem_key, subject, title, external_id,
                            external_key, url, state, open_count, affected_count)
       SELECT $1, $2, $3, CASE WHEN nc.kind = 'github' THEN 'github' ELSE 'jira' END::ticket_provider,
              j->>'key', j->'subject', j->>'title', j->>'external_id', j->>'external_key', j->>'url', 'open',
              jsonb_array_length(j->'findings'), jsonb_array_length(j->'findings')
         FROM input JOIN notification_connections nc ON nc.id = $3
       RETURNING id, problem_key
     )
     INSERT INTO ticket_findings (org_id, ticket_id, finding_id)
     SELECT $1, t.id, f.id::uuid
       FROM t JOIN input ON input.j->>'key' = t.problem_key
       CROSS JOIN LATERAL jsonb_array_elements_text(input.j->'findings') AS f(id)`,
    [setup.orgId, setup.teamId, connectionId, JSON.stringify(rows)],
  );
}

async function benchFanout() {
  const { pool } = await import("@/lib/server/db");
  const { startFakeJira, FAKE_JIRA_EMAIL, FAKE_JIRA_API_TOKEN } = await import("@/lib/testing/fake-jira");
  const { jiraTime } = await import("@/lib/testing/fake-jira-shapes");
  const { API_USER } = await import("@/lib/testing/fake-jira-data");
  const { createConnection } = await import("@/lib/notifications/connections/write");
  const { saveTicketProject } = await import("@/lib/tickets/projects/save-ticket-project");
  const { storeAndProcess } = await import("@/lib/testing/reports");
  const { startAlertDelivery } = await import("@/lib/alerting/delivery/run-delivery");
  const { sendMessage } = await import("@/lib/notifications/delivery/send-message");
  const { sendTicketCall } = await import("@/lib/tickets/sync/send-ticket-call");
  const { TICKET_CALLS_PER_MINUTE } = await import("@/lib/tickets/sync/enqueue");
  const { failing, fixed } = await reports();

  const processed = async (setup: TOrgSetup, body: Buffer) => {
    const t0 = performance.now();
    const { outcome } = await storeAndProcess(setup.orgId, setup.clusterId, "polaris", body);
    const took = performance.now() - t0;
    check(outcome?.status === "processed", `report not processed: ${outcome?.error ?? "?"}`);
    return took;
  };

  // The same two reports in an org without tickets: what the ticket hook adds.
  const bare = await orgWithTeam("bench-bare", "prod");
  const bareFirstMs = await processed(bare, failing());
  const bareFixMs = await processed(bare, fixed());

  const jira = await startFakeJira({ rateLimitPerMinute: JIRA_LIMIT });
  try {
    const setup = await orgWithTeam("bench-tickets", "prod");
    const { connection } = await createConnection(
      setup.orgId,
      setup.actor,
      { teamId: null },
      { kind: "jira_cloud", name: "Jira", siteUrl: jira.url, email: FAKE_JIRA_EMAIL, apiToken: FAKE_JIRA_API_TOKEN },
    );
    // The bench's pace; no form sets it (a site with a higher quota is set in the database).
    await pool.query(
      `UPDATE notification_connections SET settings = settings || jsonb_build_object('pacePerMinute', $2::int)
        WHERE id = $1`,
      [connection.id, PACE],
    );
    await saveTicketProject(
      setup.orgId,
      setup.actor,
      { teamId: setup.teamId },
      { connectionId: connection.id, settings: { provider: "jira", projectKey: "PAY" } },
    );
    const firstMs = await processed(setup, failing());
    // The issues the tickets point to, put straight into the fake (as if created long ago).
    const issues = Array.from({ length: TICKETS }, (_, i) => {
      const now = jiraTime();
      const issue = {
        id: String(50000 + i),
        key: `PAY-${i + 1}`,
        projectKey: "PAY",
        issueType: "Bug",
        summary: `benchCheck${String(i).padStart(4, "0")}`,
        description: null,
        labels: ["bumpers"],
        components: [],
        priority: "High",
        assignee: null,
        custom: {},
        status: "To Do",
        resolution: null,
        comments: [],
        creator: API_USER,
        created: now,
        updated: now,
      };
      jira.issues.set(issue.key, issue);
      return { externalId: issue.id, key: issue.key, url: `${jira.url}/browse/${issue.key}` };
    });
    await insertTickets(setup, connection.id, issues);

    // The report that fixes every check: one call per ticket, in its transaction.
    const fixMs = await processed(setup, fixed());
    const { rows: outbox } = await pool.query<{ calls: number; tickets: number; transitions: number; pace: number }>(
      `SELECT count(*)::int AS calls, count(DISTINCT ticket_id)::int AS tickets,
              count(*) FILTER (WHERE payload->>'op' = 'transition' AND payload->>'to' = 'done')::int AS transitions,
              min(pace_per_minute)::int AS pace
         FROM alert_events WHERE org_id = $1 AND action = 'ticket' AND ticket_id IS NOT NULL`,
      [setup.orgId],
    );
    const calls = outbox[0]!;
    console.error(`fan-out: ${calls.calls} calls for ${calls.tickets} tickets in ${ms(fixMs)}; ${load()}`);
    check(calls.calls === TICKETS, `expected exactly ${TICKETS} ticket calls, found ${calls.calls}`);
    check(calls.tickets === TICKETS, `expected one call per ticket, found calls for ${calls.tickets} tickets`);
    check(calls.transitions === TICKETS, `expected ${TICKETS} transitions to done, found ${calls.transitions}`);
    check(calls.pace === PACE, `expected the connection's pace ${PACE}/min on the calls, found ${calls.pace}`);

    // The drain: the worker's delivery loop with the worker's senders, timed until nothing is pending.
    const restBefore = jira.requests.length;
    const samples: { at: number; rest: number }[] = [];
    const lines: string[] = [];
    const started = performance.now();
    const delivery = startAlertDelivery({
      log: (line) => lines.push(line),
      delivery: { sendMessage, sendTicketCall: (event) => sendTicketCall(event) },
    });
    let drainMs = NaN;
    try {
      for (;;) {
        samples.push({ at: performance.now() - started, rest: jira.requests.length - restBefore });
        const { rows } = await pool.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM alert_events WHERE org_id = $1 AND status = 'pending'`,
          [setup.orgId],
        );
        if (rows[0]!.n === 0) {
          drainMs = performance.now() - started;
          break;
        }
        check(performance.now() - started < 10 * 60_000, "the drain took over 10 minutes");
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      await delivery.stop();
    }
    samples.push({ at: drainMs, rest: jira.requests.length - restBefore });
    const { rows: drained } = await pool.query<{
      delivered: number;
      failed: number;
      retried: number;
      done: number;
      limited: number;
      refused: number;
    }>(
      `SELECT (SELECT count(*)::int FROM alert_events WHERE org_id = $1 AND action = 'ticket' AND status = 'delivered') AS delivered,
              (SELECT count(*)::int FROM alert_events WHERE org_id = $1 AND action = 'ticket' AND status = 'failed') AS failed,
              (SELECT count(*)::int FROM alert_events WHERE org_id = $1 AND action = 'ticket' AND attempts > 1) AS retried,
              (SELECT count(*)::int FROM tickets WHERE org_id = $1 AND state = 'done' AND provider_status = 'Done') AS done,
              (SELECT count(*)::int FROM ticket_sync_log WHERE org_id = $1 AND direction = 'out' AND status = 429) AS limited,
              (SELECT count(*)::int FROM ticket_sync_log WHERE org_id = $1 AND direction = 'out' AND NOT ok) AS refused`,
      [setup.orgId],
    );
    const d = drained[0]!;
    const fakeDone = [...jira.issues.values()].filter((i) => i.status === "Done").length;
    const fixedComments = [...jira.issues.values()].filter((i) => i.comments.length === 1).length;
    check(d.delivered === TICKETS, `expected ${TICKETS} calls delivered, found ${d.delivered} (${d.failed} failed)`);
    check(fakeDone === TICKETS, `expected every fake issue Done, found ${fakeDone}`);
    check(d.done === TICKETS, `expected every ticket done with Jira's status, found ${d.done}`);
    check(fixedComments === TICKETS, `expected one "fixed" comment per issue, found ${fixedComments}`);
    const rest = jira.requests.length - restBefore;
    return {
      bareFirstMs,
      bareFixMs,
      firstMs,
      fixMs,
      calls,
      drainMs,
      rest,
      mostIn60s: mostInWindow(samples, 60_000),
      mostIn10s: mostInWindow(samples, 10_000),
      drained: d,
      fakeDone,
      defaultPace: TICKET_CALLS_PER_MINUTE,
    };
  } finally {
    await jira.close();
  }
}

/** The most REST calls in any window of `width` ms, from cumulative samples (exact to a sample: 100 ms). */
function mostInWindow(samples: { at: number; rest: number }[], width: number): number {
  let most = 0;
  let from = 0;
  for (const s of samples) {
    while (samples[from]!.at < s.at - width) from++;
    most = Math.max(most, s.rest - (from > 0 ? samples[from - 1]!.rest : 0));
  }
  return most;
}

type TDelivery = { id: string; headers: Record<string, string>; body: string };

/** A loopback server keeping what the fake GitHub sends, to be handed to the route on the bench's clock. */
async function captureServer() {
  const kept = new Map<string, TDelivery>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const headers = Object.fromEntries(
        Object.entries(req.headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])),
      );
      const id = headers["x-github-delivery"]!;
      kept.set(id, { id, headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(204).end();
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return { url, kept, close: () => new Promise<void>((r) => server.close(() => r())) };
}

type TSent = { status: number; body: Record<string, unknown>; latency: number; service: number };

/**
 * Hands `deliveries` to the route at `rps`, open loop: each is started at its own time on the
 * clock whatever the earlier ones are doing. Latency counts from the planned start (a late timer
 * is the bench's own delay, counted); service time from the actual call.
 */
async function sendAtRate(
  post: (req: Request, ctx: { params: Promise<{ connection: string }> }) => Promise<Response>,
  connectionId: string,
  deliveries: TDelivery[],
): Promise<TSent[]> {
  const url = `https://bumpers.example/api/v1/webhooks/github/${connectionId}`;
  const gap = 1000 / RPS;
  const t0 = performance.now() + 50;
  return Promise.all(
    deliveries.map(
      (delivery, i) =>
        new Promise<TSent>((resolve, reject) => {
          const planned = t0 + i * gap;
          setTimeout(
            () => {
              const start = performance.now();
              const request = new Request(url, { method: "POST", headers: delivery.headers, body: delivery.body });
              post(request, { params: Promise.resolve({ connection: connectionId }) })
                .then(async (res) => {
                  const end = performance.now();
                  resolve({
                    status: res.status,
                    body: (await res.json()) as Record<string, unknown>,
                    latency: end - planned,
                    service: end - start,
                  });
                })
                .catch(reject);
            },
            Math.max(0, planned - performance.now()),
          );
        }),
    ),
  );
}

async function benchInbound(timer: TQueryTimer) {
  const { pool } = await import("@/lib/server/db");
  const { startFakeGithub } = await import("@/lib/testing/fake-github");
  const { createConnection } = await import("@/lib/notifications/connections/write");
  const { saveTicketProject } = await import("@/lib/tickets/projects/save-ticket-project");
  const { storeAndProcess } = await import("@/lib/testing/reports");
  const { POST } = await import("@/app/api/v1/webhooks/github/[connection]/route");
  const { failing } = await reports();

  const github = await startFakeGithub();
  const capture = await captureServer();
  try {
    const setup = await orgWithTeam("bench-github", "edge");
    const { connection, webhook } = await createConnection(
      setup.orgId,
      setup.actor,
      { teamId: null },
      { kind: "github", name: "GitHub", auth: "token", token: github.token, apiUrl: github.url },
    );
    await saveTicketProject(
      setup.orgId,
      setup.actor,
      { teamId: setup.teamId },
      { connectionId: connection.id, settings: { provider: "github", owner: "acme", repo: "platform" } },
    );
    const { outcome } = await storeAndProcess(setup.orgId, setup.clusterId, "polaris", failing());
    check(outcome?.status === "processed", "the GitHub org's report was not processed");
    // 1,000 issues in the fake, through its REST API, one per ticket.
    const issues: { externalId: string; key: string; url: string; number: number }[] = [];
    for (let i = 0; i < TICKETS; i++) {
      const res = await fetch(`${github.url}/repos/acme/platform/issues`, {
        method: "POST",
        headers: { authorization: `token ${github.token}`, "content-type": "application/json" },
        body: JSON.stringify({ title: `benchCheck${String(i).padStart(4, "0")}`, labels: ["bumpers"] }),
      });
      check(res.status === 201, `the fake GitHub refused an issue: ${res.status}`);
      const made = (await res.json()) as { number: number; html_url: string };
      const key = `acme/platform#${made.number}`;
      issues.push({ externalId: key, key, url: made.html_url, number: made.number });
    }
    await insertTickets(setup, connection.id, issues);

    // The deliveries, made by the fake GitHub as a person changes the issues, signed with the
    // connection's webhook secret: delivery k moves ticket k mod 1,000 (closed, or reopened once
    // closed). The runs send the first ones; PROFILED more are sent one at a time, statements timed.
    github.setWebhook(capture.url, webhook!.secret!);
    const current = new Map(issues.map((i) => [i.externalId, "open" as "open" | "done"]));
    const plan = Array.from({ length: RUNS * RPS * SECONDS + PROFILED }, (_, k) => {
      const issue = issues[k % TICKETS]!;
      const to = current.get(issue.externalId) === "open" ? ("done" as const) : ("open" as const);
      current.set(issue.externalId, to);
      if (to === "done") github.closeIssue("acme/platform", issue.number, "completed");
      else github.reopenIssue("acme/platform", issue.number);
      return { issue, to };
    });
    await github.flushWebhooks();
    const deliveries = github.deliveries().map((d) => capture.kept.get(d.id)!);
    check(
      deliveries.length === plan.length && deliveries.every(Boolean),
      `expected ${plan.length} captured deliveries, got ${capture.kept.size}`,
    );

    const perRun = RPS * SECONDS;
    const runs: { sent: TSent[]; load: string }[] = [];
    for (let r = 0; r < RUNS; r++) {
      const sent = await sendAtRate(POST, connection.id, deliveries.slice(r * perRun, (r + 1) * perRun));
      runs.push({ sent, load: load() });
      const lat = sent.map((s) => s.latency);
      console.error(
        `inbound run ${r + 1}: ${sent.length} deliveries, p50 ${ms(median(lat))}, p99 ${ms(percentile(lat, 99))}; ${load()}`,
      );
    }
    // One at a time, nothing else running: what a delivery does and where its time goes.
    const profiled: { ms: number; statements: TStatement[] }[] = [];
    const profiledSent: TSent[] = [];
    for (const delivery of deliveries.slice(RUNS * perRun)) {
      const { result, statements } = await timer.record(() => sendAtRate(POST, connection.id, [delivery]));
      profiled.push({ ms: result[0]!.service, statements });
      profiledSent.push(...result);
    }
    const all = [...runs.flatMap((r) => r.sent), ...profiledSent];
    const wrong = all.filter((s) => s.status !== 200 || s.body.applied !== 1);
    check(!wrong.length, `${wrong.length} deliveries not applied, e.g. ${JSON.stringify(wrong[0]?.body)}`);

    const states = async () => {
      const { rows } = await pool.query<{ external_id: string; state: string; resolved: number; open: number }>(
        `SELECT t.external_id, t.state::text AS state,
                count(*) FILTER (WHERE f.resolution = 'ticket_closed')::int AS resolved,
                count(*) FILTER (WHERE f.status = 'open' AND f.resolution IS NULL)::int AS open
           FROM tickets t JOIN ticket_findings tf ON tf.ticket_id = t.id JOIN findings f ON f.id = tf.finding_id
          WHERE t.org_id = $1 GROUP BY t.id`,
        [setup.orgId],
      );
      return new Map(rows.map((r) => [r.external_id, r]));
    };
    const expected = current;
    const verify = async () => {
      const now = await states();
      let matching = 0;
      for (const [id, state] of expected) {
        const row = now.get(id)!;
        const findingsAgree =
          state === "done" ? row.resolved > 0 && row.open === 0 : row.resolved === 0 && row.open > 0;
        if (row.state === state && findingsAgree) matching++;
      }
      return matching;
    };
    const matching = await verify();
    check(
      matching === TICKETS,
      `expected all ${TICKETS} tickets in the state their last delivery says, ${matching} are`,
    );
    const counts = async () => {
      const { rows } = await pool.query<{ deliveries: number; logged: number; events: number }>(
        `SELECT (SELECT count(*)::int FROM ticket_webhook_deliveries WHERE connection_id = $2) AS deliveries,
                (SELECT count(*)::int FROM ticket_sync_log WHERE org_id = $1 AND direction = 'in') AS logged,
                (SELECT count(*)::int FROM finding_events WHERE org_id = $1) AS events`,
        [setup.orgId, connection.id],
      );
      return rows[0]!;
    };
    const before = await counts();

    // Replay: the first deliveries again, same ids (closes of tickets reopened since): nothing moves.
    const replayed = await sendAtRate(POST, connection.id, deliveries.slice(0, REPLAY));
    const after = await counts();
    const duplicates = replayed.filter((s) => s.status === 200 && s.body.duplicate === true).length;
    check(duplicates === replayed.length, `expected every replay answered as a duplicate, ${duplicates} were`);
    check(
      JSON.stringify(after) === JSON.stringify(before),
      `a replay changed something: ${JSON.stringify(before)} → ${JSON.stringify(after)}`,
    );
    check((await verify()) === TICKETS, "a replay moved a ticket");
    const final = await states();
    return {
      runs,
      profiled,
      replayed,
      matching,
      delivered: before.deliveries,
      open: [...final.values()].filter((r) => r.state === "open").length,
      done: [...final.values()].filter((r) => r.state === "done").length,
      bodyBytes: median(deliveries.map((d) => Buffer.byteLength(d.body))),
    };
  } finally {
    await capture.close();
    await github.close();
  }
}

function stats(sent: TSent[], key: "latency" | "service" = "latency") {
  const v = sent.map((s) => s[key]);
  return { p50: median(v), p95: percentile(v, 95), p99: percentile(v, 99), max: Math.max(...v) };
}

function report(f: Awaited<ReturnType<typeof benchFanout>>, i: Awaited<ReturnType<typeof benchInbound>>): string {
  const perMinute = (n: number, took: number) => Math.round((n / took) * 60_000).toLocaleString("en-US");
  const runStats = i.runs.map((r) => stats(r.sent));
  const med = (key: "p50" | "p95" | "p99" | "max") => median(runStats.map((s) => s[key]));
  const each = (key: "p50" | "p95" | "p99" | "max") => runStats.map((s) => ms(s[key])).join(", ");
  const service = stats(
    i.runs.flatMap((r) => r.sent),
    "service",
  );
  const replay = stats(i.replayed);
  // Each statement of a delivery by its text, in the order a delivery runs them; median time of each.
  const byText = new Map<string, number[]>();
  for (const p of i.profiled) {
    const seen = new Map<string, number>();
    for (const st of p.statements) {
      const name = st.text.replace(/\s+/g, " ").trim().slice(0, 90);
      seen.set(name, (seen.get(name) ?? 0) + st.ms);
    }
    for (const [name, took] of seen) byText.set(name, [...(byText.get(name) ?? []), took]);
  }
  const statementRows = [...byText]
    .map(([name, times]) => `| \`${name.replace(/\|/g, "\\|")}…\` | ${ms(median(times))} |`)
    .join("\n");
  const dbMs = median(i.profiled.map((p) => p.statements.reduce((n, st) => n + st.ms, 0)));
  const cpus = os.cpus();
  return `
## Tickets

\`npm run bench:tickets\` (${new Date().toISOString().slice(0, 10)}; ${cpus.length} × ${cpus[0]?.model ?? "cpu"}, Node ${process.version};
load average at the end ${load()}).

### Fan-out of one report to 1,000 tickets

A Polaris report of ${(WORKLOADS * CHECKS_PER_WORKLOAD).toLocaleString("en-US")} findings (${TICKETS.toLocaleString("en-US")} checks, each on 4 of ${WORKLOADS} workloads) through the
worker's path; one open Jira ticket per check (rows written as the create verb leaves them); then
the report that fixes every check. The drain is the worker's delivery loop (\`startAlertDelivery\`
with \`sendTicketCall\`) against the fake Jira limited to ${JIRA_LIMIT.toLocaleString("en-US")} REST calls in any minute, the
connection paced at ${PACE.toLocaleString("en-US")} calls a minute (\`settings.pacePerMinute\`; a Jira transition is ${REST_PER_TRANSITION} REST calls: the issue
with its transitions, the transition with its comment, the issue read back).

| What | Figure |
| --- | --- |
| First report (${(WORKLOADS * CHECKS_PER_WORKLOAD).toLocaleString("en-US")} findings opened), processed | ${ms(f.firstMs)} (org without tickets: ${ms(f.bareFirstMs)}) |
| Fixing report, processed (findings fixed, 1,000 tickets moved, outbox written) | ${ms(f.fixMs)} (org without tickets: ${ms(f.bareFixMs)}; ${(f.fixMs / f.bareFixMs).toFixed(1)}×) |
| Ticket calls queued (must be 1,000: one per ticket) | ${f.calls.calls} calls for ${f.calls.tickets} tickets, all transitions to done |
| Drain: 1,000 calls delivered | ${ms(f.drainMs)} (${perMinute(TICKETS, f.drainMs)} calls/min; pace ${PACE.toLocaleString("en-US")}/min) |
| REST calls to the fake Jira | ${f.rest.toLocaleString("en-US")}; most in any 60 s ${f.mostIn60s.toLocaleString("en-US")} (limit ${JIRA_LIMIT.toLocaleString("en-US")}); most in any 10 s ${f.mostIn10s.toLocaleString("en-US")} (${(f.mostIn10s * 6).toLocaleString("en-US")}/min) |
| 429s from the fake / other refusals / calls retried | ${f.drained.limited} / ${f.drained.refused - f.drained.limited} / ${f.drained.retried} |
| Fake issues Done, tickets done with Jira's status | ${f.fakeDone} / ${f.drained.done} |

At the production default pace (\`TICKET_CALLS_PER_MINUTE\` = ${f.defaultPace} a connection) the same 1,000 calls take
about ${Math.round(TICKETS / f.defaultPace)} minutes.

### Inbound webhooks

GitHub \`issues\` deliveries (closed, reopened; ${Math.round(i.bodyBytes).toLocaleString("en-US")} bytes each) made by the fake GitHub as a person
changes the issues, signed with the connection's secret, handed to the route's \`POST\` in-process
(no HTTP server, no Next.js in front), ${RPS} a second on the clock (open loop), ${SECONDS} s a run, each
moving one of 1,000 tickets (and resolving or reopening its 4 findings). Latency from the planned start.

| | Deliveries | p50 | p95 | p99 | max |
| --- | --- | --- | --- | --- | --- |
| Median of ${i.runs.length} runs | ${i.runs[0]!.sent.length} a run | ${ms(med("p50"))} | ${ms(med("p95"))} | ${ms(med("p99"))} | ${ms(med("max"))} |
| Each run | | ${each("p50")} | ${each("p95")} | ${each("p99")} | ${each("max")} |
| Service time (from the actual call), all runs | ${i.runs.reduce((n, r) => n + r.sent.length, 0)} | ${ms(service.p50)} | ${ms(service.p95)} | ${ms(service.p99)} | ${ms(service.max)} |
| Replay of ${i.replayed.length} deliveries (same ids) | ${i.replayed.length} | ${ms(replay.p50)} | ${ms(replay.p95)} | ${ms(replay.p99)} | ${ms(replay.max)} |

Effects: ${i.delivered.toLocaleString("en-US")} deliveries recorded, all applied; ${i.matching} of 1,000 tickets in the state their last delivery
says (${i.done} done with their findings resolved, ${i.open} open with theirs open again). The replay answered
\`{ duplicate: true }\` every time and changed nothing (tickets, findings' events, sync log, deliveries).
Load average after each run: ${i.runs.map((r) => r.load.split(" ")[0]).join(", ")}.

One delivery at a time (${i.profiled.length} deliveries after the runs, nothing else running): ${ms(median(i.profiled.map((p) => p.ms)))} (median),
of which ${ms(dbMs)} waiting on PostgreSQL over ${median(i.profiled.map((p) => p.statements.length))} statements:

| Statement | Median |
| --- | --- |
${statementRows}
`;
}

runBenchmark(main);
