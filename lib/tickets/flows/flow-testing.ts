import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll } from "vitest";
import { deliverDueEvents, type TDeliveryStep } from "@/lib/alerting/delivery/deliver";
import { ingest, polarisReport, workloads } from "@/lib/alerting/test-helpers";
import { sendMessage } from "@/lib/notifications/delivery/send-message";
import { pool } from "@/lib/server/db";
import { resetEnvCache } from "@/lib/server/env";
import { setTeamScope } from "@/lib/teams/set-team-scope";
import { actorFor, createTestCluster, createTestTenant } from "@/lib/testing/factories";
import { FAKE_GITHUB_LOGIN, FAKE_GITHUB_TOKEN, startFakeGithub, type TFakeGithub } from "@/lib/testing/fake-github";
import { API_USER } from "@/lib/testing/fake-jira-data";
import { adfText } from "@/lib/testing/fake-jira-shapes";
import { FAKE_JIRA_API_TOKEN, FAKE_JIRA_EMAIL, startFakeJira, type TFakeJira } from "@/lib/testing/fake-jira";
import { startFakeSmtp, type TFakeSmtp } from "@/lib/testing/fake-smtp";
import { createTicketConnection, createTicketProject } from "@/lib/testing/tickets";
import { createTicket } from "../create-ticket";
import type { TTicketSecret } from "../schemas";
import { sendTicketCall } from "../sync/send-ticket-call";

// The real parts of a ticket's life, for the flow tests: the fake Jira and GitHub servers (real
// HTTP, reached by the real providers through the outbound guard with private destinations
// allowed, as BUMPERS_ALLOW_PRIVATE_DESTINATIONS does), a relay that hands the fakes' webhook
// deliveries to the real webhook routes, the fake SMTP inbox, reports through the ingest path,
// and the outbox drained as the worker drains it.

export type TFlowKind = "jira_cloud" | "github";

/** What the relay received from a fake and what the route answered. */
export type TRelayed = { path: string; headers: Record<string, string>; body: string; status: number; answer: string };

type TRoute<P> = (req: Request, context?: { params: Promise<P> }) => Promise<Response>;

/** The webhook routes' POST handlers (lib/ does not import routes: the test files hand them in). */
export type TWebhookRoutes = {
  jira: TRoute<{ connection: string; secret: string }>;
  github: TRoute<{ connection: string }>;
};

/** Calls the webhook route the path names, as Next.js would. */
async function callWebhookRoute(routes: TWebhookRoutes, path: string, headers: Record<string, string>, body: string) {
  const request = new Request(`http://bumpers.test${path}`, { method: "POST", headers, body });
  const jira = /^\/api\/v1\/webhooks\/jira\/([^/]+)\/([^/]+)$/.exec(path);
  const github = /^\/api\/v1\/webhooks\/github\/([^/]+)$/.exec(path);
  const res = jira
    ? await routes.jira(request, { params: Promise.resolve({ connection: jira[1]!, secret: jira[2]! }) })
    : github
      ? await routes.github(request, { params: Promise.resolve({ connection: github[1]! }) })
      : new Response("no such route", { status: 404 });
  return { status: res.status, answer: await res.text() };
}

async function startRelay(routes: TWebhookRoutes) {
  const received: TRelayed[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const headers = Object.fromEntries(
        Object.entries(req.headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])),
      );
      const path = req.url ?? "/";
      void callWebhookRoute(routes, path, headers, body).then(
        ({ status, answer }) => {
          received.push({ path, headers, body, status, answer });
          res.writeHead(status, { "content-type": "application/json" }).end(answer);
        },
        (err: Error) => res.writeHead(500).end(err.message),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    /** Hands a delivery to the route directly (a replay, or a forged one). */
    send: (path: string, headers: Record<string, string>, body: string) =>
      callWebhookRoute(routes, path, headers, body),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type TFlowParts = {
  jira: TFakeJira;
  github: TFakeGithub;
  smtp: TFakeSmtp;
  relay: Awaited<ReturnType<typeof startRelay>>;
};

/** Starts the fakes, the relay and the SMTP inbox for one test file, with private destinations allowed. */
export function startFlowParts(routes: TWebhookRoutes): TFlowParts {
  const parts = {} as TFlowParts;
  const saved = { ...process.env };
  const keys = ["BUMPERS_ALLOW_PRIVATE_DESTINATIONS", "BUMPERS_MAIL_TRANSPORT", "SMTP_URL"];
  beforeAll(async () => {
    parts.jira = await startFakeJira();
    parts.github = await startFakeGithub();
    parts.smtp = await startFakeSmtp({ smtpPort: 0, httpPort: 0 });
    parts.relay = await startRelay(routes);
    Object.assign(process.env, {
      BUMPERS_ALLOW_PRIVATE_DESTINATIONS: "true",
      BUMPERS_MAIL_TRANSPORT: "smtp",
      SMTP_URL: parts.smtp.smtpUrl,
    });
    resetEnvCache();
  });
  afterAll(async () => {
    for (const key of keys) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
    resetEnvCache();
    await Promise.all([parts.jira?.close(), parts.github?.close(), parts.smtp?.close(), parts.relay?.close()]);
  });
  return parts;
}

const CHECK = "runAsRootAllowed";
export const FLOW_SUBJECT = { kind: "check" as const, source: "polaris", checkId: CHECK, clusterId: null };
let webhookSeq = 0;

/**
 * An org whose team files its Polaris findings (namespace shop-*) into the fake Jira's PAY
 * project or the fake GitHub's acme/platform, through a connection acting as the fake's own
 * account; the fake's webhook points at this connection's route (through the relay).
 */
export async function flowTenant(
  parts: TFlowParts,
  kind: TFlowKind,
  options: {
    reopenWhenStillFailing?: boolean;
    token?: string;
    tenant?: Awaited<ReturnType<typeof createTestTenant>>;
  } = {},
) {
  const t = options.tenant ?? (await createTestTenant());
  const shop = [{ effect: "include" as const, cluster: "*", namespace: "shop-*", kind: "*", name: "*", labels: {} }];
  await setTeamScope(t.org.id, actorFor(t.users.admin), t.team.id, shop);
  const cluster = await createTestCluster(t.org.id);
  const webhookSecret = `whsec-flow-${++webhookSeq}-${Math.random().toString(36).slice(2)}${"0".repeat(12)}`;
  const secret: TTicketSecret =
    kind === "github"
      ? { kind, auth: "token", token: options.token ?? FAKE_GITHUB_TOKEN, apiUrl: parts.github.url, webhookSecret }
      : {
          kind,
          siteUrl: parts.jira.url,
          email: FAKE_JIRA_EMAIL,
          apiToken: options.token ?? FAKE_JIRA_API_TOKEN,
          webhookSecret,
        };
  const connection = await createTicketConnection(t.org.id, {
    name: kind === "github" ? "GitHub (fake)" : "Jira (fake)",
    secret,
    identityId: kind === "github" ? FAKE_GITHUB_LOGIN : API_USER.accountId,
  });
  await createTicketProject(
    t.org.id,
    t.team.id,
    connection.id,
    kind === "github"
      ? { provider: "github", owner: "acme", repo: "platform" }
      : { provider: "jira", projectKey: "PAY", issueType: "Task" },
    { reopenWhenStillFailing: options.reopenWhenStillFailing ?? true },
  );
  const webhookPath =
    kind === "github"
      ? `/api/v1/webhooks/github/${connection.id}`
      : `/api/v1/webhooks/jira/${connection.id}/${webhookSecret}`;
  /** Points the fake's webhook at this connection (optionally at another path or with another secret). */
  const listen = (path = webhookPath, signWith = webhookSecret) => {
    if (kind === "github") parts.github.setWebhook(`${parts.relay.url}${path}`, signWith);
    else parts.jira.setWebhook(`${parts.relay.url}${path}`);
  };
  listen();
  const editor = { userId: t.users.editor.id, label: t.users.editor.email };

  return {
    t,
    cluster,
    connection,
    secret,
    webhookPath,
    listen,
    editor,
    /** A Polaris report in which `failing` workloads of shop-api fail the check (0: none does). */
    report: (failing: number) =>
      ingest(
        t.org.id,
        cluster.id,
        "polaris",
        polarisReport(workloads(Math.max(failing, 1), ["shop-api"]), failing ? [{ id: CHECK }] : []),
      ),
    create: (actor = editor) => createTicket(t.org.id, actor, { teamId: t.team.id, subject: FLOW_SUBJECT }),
    /** Sends what the outbox holds for this org, as the worker does, and waits for the fakes' webhooks. */
    drain: (now = new Date()) => drain(parts, t.org.id, now),
    ticket: () => ticketOf(t.org.id),
    /** The fake's issue with this marker label (all of them: there must be one). */
    issues: (marker: string) => fakeIssues(parts, kind, marker),
    /** As a person in the fake: closes (done / won't do) or reopens the issue. */
    move: (externalKey: string, to: "done" | "wont_do" | "reopen") => moveInFake(parts, kind, externalKey, to),
    findings: () => findingsOf(t.org.id),
    outbox: () => outboxOf(t.org.id),
  };
}

export type TFlowTenant = Awaited<ReturnType<typeof flowTenant>>;

export async function drain(parts: TFlowParts, orgId: string, now: Date): Promise<TDeliveryStep[]> {
  const steps: TDeliveryStep[] = [];
  for (let i = 0; i < 10; i++) {
    const step = await deliverDueEvents({ orgId, now, sendMessage, sendTicketCall: (event) => sendTicketCall(event) });
    steps.push(step);
    if (!step.claimed) break;
  }
  await flushWebhooks(parts);
  return steps;
}

export async function flushWebhooks(parts: TFlowParts) {
  await Promise.all([parts.jira.flushWebhooks(), parts.github.flushWebhooks()]);
}

async function ticketOf(orgId: string) {
  const { rows } = await pool.query<{
    id: string;
    state: string;
    external_id: string | null;
    external_key: string | null;
    open_count: number;
    problem_key: string;
  }>(
    `SELECT id, state::text, external_id, external_key, open_count, problem_key FROM tickets WHERE org_id = $1
      ORDER BY created_at`,
    [orgId],
  );
  return rows;
}

async function findingsOf(orgId: string) {
  const { rows } = await pool.query<{ id: string; state: string; resolution: string | null }>(
    `SELECT id, state::text, resolution::text FROM findings WHERE org_id = $1 AND check_id = $2 ORDER BY id`,
    [orgId, CHECK],
  );
  return rows;
}

async function outboxOf(orgId: string) {
  const { rows } = await pool.query<{
    id: string;
    status: string;
    op: string;
    to: string | null;
    attempts: number;
    next_attempt_at: Date;
  }>(
    `SELECT e.id::text, status::text, payload->>'op' AS op, payload->>'to' AS to, attempts, next_attempt_at
       FROM alert_events e WHERE org_id = $1 AND action = 'ticket' ORDER BY e.id`,
    [orgId],
  );
  return rows;
}

/** The issue number of a GitHub external id ("acme/platform#3" → 3). */
export const issueNumber = (externalKey: string) => Number(externalKey.split("#")[1]);

/** A fake's issue as the flows compare it: Bumpers' state names, comments as text. */
export type TFakeIssueView = { key: string; state: "open" | "done" | "wont_do"; status: string; comments: string[] };

function fakeIssues(parts: TFlowParts, kind: TFlowKind, marker: string): TFakeIssueView[] {
  if (kind === "github") {
    return parts.github
      .issues("acme/platform")
      .filter((i) => i.labels.includes(marker))
      .map((i) => ({
        key: `acme/platform#${i.number}`,
        state: i.state === "open" ? "open" : i.stateReason === "not_planned" ? "wont_do" : "done",
        status: i.state === "open" ? "open" : `closed (${i.stateReason})`,
        comments: i.comments.map((c) => c.body),
      }));
  }
  return [...parts.jira.issues.values()]
    .filter((i) => i.labels.includes(marker))
    .map((i) => ({
      key: i.key,
      state: i.status !== "Done" ? "open" : i.resolution === "Won't Do" ? "wont_do" : "done",
      status: i.status,
      comments: i.comments.map((c) => (typeof c.body === "string" ? c.body : adfText(c.body))),
    }));
}

async function moveInFake(parts: TFlowParts, kind: TFlowKind, externalKey: string, to: "done" | "wont_do" | "reopen") {
  if (kind === "github") {
    const n = issueNumber(externalKey);
    if (to === "reopen") parts.github.reopenIssue("acme/platform", n);
    else parts.github.closeIssue("acme/platform", n, to === "done" ? "completed" : "not_planned");
  } else {
    parts.jira.transition(externalKey, { done: "Done", wont_do: "Won't do", reopen: "Reopen" }[to]);
  }
  await flushWebhooks(parts);
}

/** The secret values of a connection's secret (tokens, keys, the webhook secret). */
export function secretValuesOf(secret: TTicketSecret): string[] {
  const keys = ["apiToken", "personalAccessToken", "token", "privateKey", "webhookSecret"];
  return Object.entries(secret).flatMap(([k, v]) => (keys.includes(k) && typeof v === "string" ? [v] : []));
}

/**
 * Every stored text of the orgs' ticket work (sync log, outbox rows, audit rows) and every answer
 * the webhook routes gave, searched for the secrets: how many texts were read, and the leaks.
 */
export async function secretsFoundIn(parts: TFlowParts, orgIds: string[], secrets: string[]) {
  const { rows } = await pool.query<{ source: string; text: string }>(
    `SELECT 'ticket_sync_log' AS source, summary || ' ' || coalesce(detail::text, '') AS text
       FROM ticket_sync_log WHERE org_id = ANY($1::uuid[])
     UNION ALL
     SELECT 'alert_events', coalesce(response::text, '') || ' ' || coalesce(error, '') || ' ' || payload::text
       FROM alert_events WHERE org_id = ANY($1::uuid[])
     UNION ALL
     SELECT 'audit_logs', row_to_json(a)::text FROM audit_logs a WHERE org_id = ANY($1::uuid[])`,
    [orgIds],
  );
  const texts = [...rows, ...parts.relay.received.map((r) => ({ source: `answer to ${r.path}`, text: r.answer }))];
  const leaks = texts.flatMap((t) => secrets.filter((s) => t.text.includes(s)).map(() => t));
  return { texts: texts.length, leaks, sources: new Set(rows.map((r) => r.source)) };
}
