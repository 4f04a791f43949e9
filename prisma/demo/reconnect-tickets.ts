import "server-only";
import ipaddr from "ipaddr.js";
import { pool } from "@/lib/server/db";
import type { TFakeGithub } from "@/lib/testing/fake-github";
import type { TFakeJira } from "@/lib/testing/fake-jira";
import { openTicketSecret, sealTicketSecret } from "@/lib/tickets/connection-secret";
import { signInTicketConnection } from "@/lib/tickets/connections/credentials";
import { webhookSetupOf } from "@/lib/tickets/connections/webhook-setup";
import { markerLabelOf } from "@/lib/tickets/problems/problem-key";
import type { TTicketSecret } from "@/lib/tickets/schemas";
import { DEMO_ORG_SLUG } from "../seed";
import { registerFakeGithubWebhook, registerFakeJiraWebhook } from "./tickets";

// A later `npm start` with the same .data skips the seed, but its fake Jira and GitHub are new:
// other ports, no webhooks, no issues. Acme's demo connections (those whose stored URL is a
// loopback address, so never a real site) are moved to the new fakes, signed in again, their
// webhooks registered to the app again, and every ticket's issue put back with its key, title,
// state and labels, so the tickets sync as on the first start.

export type TDemoTicketFakes = { jira: TFakeJira; github: TFakeGithub };

type TConnectionRow = { id: string; kind: "jira_cloud" | "github"; secret_ciphertext: string };
type TTicketRow = {
  connection_id: string;
  external_id: string;
  external_key: string | null;
  title: string;
  state: string;
  provider_status: string;
  problem_key: string;
  labels: unknown;
  issue_type: string | null;
};

const trimmed = (url: string) => url.replace(/\/+$/, "");

/** localhost or a loopback IP (127.0.0.0/8, ::1, ::ffff:127.x): only the demo's fakes live there. */
export function isLoopbackUrl(url: string | undefined): boolean {
  if (!url || !URL.canParse(url)) return false;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  return ipaddr.isValid(host) && ipaddr.process(host).range() === "loopback";
}

/** Where the connection's provider lives (Jira's site, GitHub's API), if it is one reconnect may move. */
const urlOf = (secret: TTicketSecret) =>
  secret.kind === "jira_cloud" ? secret.siteUrl : secret.kind === "github" ? secret.apiUrl : undefined;

function movedTo(secret: TTicketSecret, base: string): TTicketSecret {
  if (secret.kind === "jira_cloud") return { ...secret, siteUrl: base };
  if (secret.kind === "github") return { ...secret, apiUrl: base };
  return secret;
}

const stringsOf = (value: unknown) => (Array.isArray(value) ? value.filter((v) => typeof v === "string") : []);

/** The fake Jira's workflow status for a ticket's state (its last known status while open). */
function jiraStatusOf(t: TTicketRow): { status: string; resolution: string | null } {
  if (t.state === "done") return { status: "Done", resolution: "Done" };
  if (t.state === "wont_do") return { status: "Done", resolution: "Won't Do" };
  return { status: t.provider_status === "In Progress" ? "In Progress" : "To Do", resolution: null };
}

function restoreIssue(fakes: TDemoTicketFakes, kind: TConnectionRow["kind"], t: TTicketRow): void {
  const labels = [...new Set([...stringsOf(t.labels), markerLabelOf(t.problem_key)])];
  if (kind === "jira_cloud") {
    fakes.jira.restoreIssue({
      id: t.external_id,
      key: t.external_key ?? t.external_id,
      summary: t.title,
      ...jiraStatusOf(t),
      labels,
      issueType: t.issue_type ?? undefined,
    });
    return;
  }
  // "acme/platform#1" (the key keeps the repository's case; the external id is lower-cased).
  const ref = /^(.+\/.+)#(\d+)$/.exec(t.external_key ?? t.external_id);
  if (!ref) throw new Error(`${t.external_key ?? t.external_id} is not a GitHub issue reference`);
  fakes.github.restoreIssue(ref[1]!, {
    number: Number(ref[2]),
    title: t.title,
    state: t.state === "done" || t.state === "wont_do" ? "closed" : "open",
    stateReason: t.state === "wont_do" ? "not_planned" : t.state === "done" ? "completed" : null,
    labels,
  });
}

/** Tickets of the connection with an issue, with their project's labels and issue type (the team's, else the org's). */
async function ticketsOf(connectionId: string): Promise<TTicketRow[]> {
  const { rows } = await pool.query<TTicketRow>(
    `SELECT t.connection_id, t.external_id, t.external_key, t.title, t.state::text AS state, t.provider_status,
            t.problem_key, p.settings->'labels' AS labels, p.settings->>'issueType' AS issue_type
       FROM tickets t
       LEFT JOIN LATERAL (
         SELECT tp.settings FROM ticket_projects tp
          WHERE tp.connection_id = t.connection_id AND (tp.team_id = t.team_id OR tp.team_id IS NULL)
          ORDER BY tp.team_id NULLS LAST LIMIT 1
       ) p ON true
      WHERE t.connection_id = $1::uuid AND t.external_id IS NOT NULL
      ORDER BY t.created_at, t.id`,
    [connectionId],
  );
  return rows;
}

/** The repository a GitHub connection's webhook is registered on (the fake keeps one for all). */
async function githubRepoOf(connectionId: string, tickets: TTicketRow[]): Promise<string> {
  const { rows } = await pool.query<{ repo: string }>(
    `SELECT (settings->>'owner') || '/' || (settings->>'repo') AS repo FROM ticket_projects
      WHERE connection_id = $1::uuid AND settings ? 'owner' AND settings ? 'repo' ORDER BY created_at LIMIT 1`,
    [connectionId],
  );
  const fromTicket = tickets.map((t) => /^(.+\/.+)#\d+$/.exec(t.external_key ?? "")?.[1]).find(Boolean);
  return rows[0]?.repo ?? fromTicket ?? "acme/platform";
}

/** Moves one connection to its new fake; returns how many tickets' issues were put back. */
async function reconnect(c: TConnectionRow, secret: TTicketSecret, fakes: TDemoTicketFakes, appUrl: string) {
  const oldBase = trimmed(urlOf(secret)!);
  const newBase = trimmed(c.kind === "jira_cloud" ? fakes.jira.url : fakes.github.url);
  // Signs in at the new fake (its whoAmI), and hint and settings come out as on creation.
  const parts = await signInTicketConnection(movedTo(secret, newBase));
  await pool.query(
    `UPDATE notification_connections
        SET secret_ciphertext = $2, secret_hint = $3, settings = settings || $4::jsonb, status = 'ok',
            broken_reason = NULL, broken_at = NULL, updated_at = now()
      WHERE id = $1::uuid`,
    [c.id, sealTicketSecret(c.id, parts.secret), parts.hint, JSON.stringify(parts.settings)],
  );
  const tickets = await ticketsOf(c.id);
  const webhook = webhookSetupOf(c.kind, appUrl, c.id, secret.webhookSecret);
  if (c.kind === "jira_cloud") await registerFakeJiraWebhook(newBase, webhook.url);
  else await registerFakeGithubWebhook(newBase, await githubRepoOf(c.id, tickets), webhook.url, webhook.secret!);
  for (const t of tickets) restoreIssue(fakes, c.kind, t);
  // The tickets' links ("Open in Jira") pointed at the old fake too.
  await pool.query(
    `UPDATE tickets SET url = $3 || substr(url, length($2) + 1)
      WHERE connection_id = $1::uuid AND starts_with(url, $2 || '/')`,
    [c.id, oldBase, newBase],
  );
  return tickets.length;
}

/**
 * Moves the org's demo Jira and GitHub connections to `fakes` and puts their tickets' issues back.
 * Connections elsewhere than a loopback address are left alone. Null when there was none to move.
 */
export async function reconnectDemoTickets(
  orgId: string,
  fakes: TDemoTicketFakes,
  appUrl: string,
): Promise<{ connections: number; tickets: number } | null> {
  const { rows } = await pool.query<TConnectionRow>(
    `SELECT id, kind::text AS kind, secret_ciphertext FROM notification_connections
      WHERE org_id = $1::uuid AND kind IN ('jira_cloud', 'github') ORDER BY created_at, id`,
    [orgId],
  );
  let connections = 0;
  let tickets = 0;
  for (const c of rows) {
    const secret = openTicketSecret(c.id, c.secret_ciphertext);
    if (!isLoopbackUrl(urlOf(secret))) continue;
    tickets += await reconnect(c, secret, fakes, trimmed(appUrl));
    connections += 1;
  }
  return connections ? { connections, tickets } : null;
}

/** For `npm start` when the seed found Acme: its demo tickets on this start's fakes. */
export async function reconnectAcmeTickets(fakes: TDemoTicketFakes, appUrl: string) {
  const acme = await pool.query<{ id: string }>(`SELECT id FROM organizations WHERE slug = $1`, [DEMO_ORG_SLUG]);
  return acme.rows[0] ? reconnectDemoTickets(acme.rows[0].id, fakes, appUrl) : null;
}
