import "server-only";
import type { TActor } from "@/lib/auth/access";
import { createConnection } from "@/lib/notifications/connections/write";
import { pool } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { sendGuarded } from "@/lib/server/outbound/request";
import { FAKE_GITHUB_TOKEN } from "@/lib/testing/fake-github";
import { FAKE_JIRA_API_TOKEN, FAKE_JIRA_EMAIL } from "@/lib/testing/fake-jira";
import { createTicket } from "@/lib/tickets/create-ticket";
import { saveTicketProject } from "@/lib/tickets/projects/save-ticket-project";

// Acme's tickets, so a newcomer sees findings travel both ways: the org's Jira site (the fake
// `npm start` runs, BUMPERS_DEMO_JIRA_URL) is the org default, project PAY, which Payments files
// into; Platform files into acme/platform on the fake GitHub (BUMPERS_DEMO_GITHUB_URL). The
// connections sign in like an admin's would (whoAmI gives their identity); the tickets are made by
// the real verb for the checks Payments and Platform have most open findings of; the fakes'
// webhooks point at the app; one Jira ticket is then marked Done by a person in Jira.
//
// The app is not up while the seed runs, so that "Done" (and the creations) cannot be delivered
// yet: the fake Jira sends a webhook the receiver did not take again, five times over about two
// minutes, as Jira Cloud does, so it arrives once `npm start` has the app answering. That is the
// simplest robust way: no queue of the seed's own to run after /api/health, and what a newcomer
// sees is Jira's real behaviour. The closed ticket is a Jira one for that reason (GitHub does not
// redeliver by itself).

const SEED_ACTOR = { system: true as const, label: "Demo seed" };
const TICKETS_PER_TEAM = { payments: 2, platform: 1 } as const;

/** The team's checks with the most open findings, most severe first (what the demo data really has). */
async function busiestChecks(orgId: string, teamId: string, count: number) {
  const { rows } = await pool.query<{ source: string; check_id: string }>(
    `SELECT source, check_id FROM findings
      WHERE org_id = $1::uuid AND owner_team_id = $2::uuid AND status = 'open' AND vulnerability_id = ''
      GROUP BY source, check_id
      ORDER BY min(severity), count(*) DESC, source, check_id
      LIMIT $3`,
    [orgId, teamId, count],
  );
  return rows;
}

/** A POST to a fake (its REST API as an admin would call it, or its /fake API as a person). */
async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<void> {
  const result = await sendGuarded(url, "POST", JSON.stringify(body), {
    headers: { "content-type": "application/json", ...headers },
  });
  const status = result.ok ? result.response.status : null;
  if (status === null || status >= 300) {
    throw new Error(`The demo seed's call to ${new URL(url).pathname} answered ${status ?? "nothing"}`);
  }
}

/** Points the fake Jira's webhook at `url`, as a Jira admin registers one through Jira's REST API. */
export async function registerFakeJiraWebhook(jiraBase: string, url: string): Promise<void> {
  const basic = Buffer.from(`${FAKE_JIRA_EMAIL}:${FAKE_JIRA_API_TOKEN}`).toString("base64");
  await post(
    `${jiraBase}/rest/webhooks/1.0/webhook`,
    { name: "Bumpers", url, events: ["jira:issue_updated", "comment_created"] },
    { authorization: `Basic ${basic}` },
  );
}

/** Points the fake GitHub's webhook at `url` (signed with `secret`), as a repository admin adds one. */
export async function registerFakeGithubWebhook(
  githubBase: string,
  repo: string,
  url: string,
  secret: string,
): Promise<void> {
  await post(
    `${githubBase}/repos/${repo}/hooks`,
    { name: "web", active: true, events: ["issues", "issue_comment"], config: { url, secret, content_type: "json" } },
    { authorization: `Bearer ${FAKE_GITHUB_TOKEN}` },
  );
}

export async function seedTickets(orgId: string, actor: TActor, teamIds: ReadonlyMap<string, string>): Promise<void> {
  const jiraUrl = env().BUMPERS_DEMO_JIRA_URL;
  const githubUrl = env().BUMPERS_DEMO_GITHUB_URL;
  const payments = teamIds.get("payments");
  const platform = teamIds.get("platform");
  if (!jiraUrl || !githubUrl || !payments || !platform) {
    console.log("[seed] No fake Jira and GitHub (BUMPERS_DEMO_JIRA_URL, BUMPERS_DEMO_GITHUB_URL): no demo tickets.");
    return;
  }
  const jiraBase = jiraUrl.replace(/\/+$/, "");
  const githubBase = githubUrl.replace(/\/+$/, "");

  const jira = await createConnection(
    orgId,
    actor,
    { teamId: null },
    { kind: "jira_cloud", name: "Acme Jira", siteUrl: jiraBase, email: FAKE_JIRA_EMAIL, apiToken: FAKE_JIRA_API_TOKEN },
  );
  await saveTicketProject(
    orgId,
    actor,
    { teamId: null },
    { connectionId: jira.connection.id, settings: { provider: "jira", projectKey: "PAY", issueType: "Task" } },
  );
  const github = await createConnection(
    orgId,
    actor,
    { teamId: null },
    { kind: "github", name: "Acme GitHub", auth: "token", token: FAKE_GITHUB_TOKEN, apiUrl: githubBase },
  );
  await saveTicketProject(
    orgId,
    actor,
    { teamId: platform },
    {
      connectionId: github.connection.id,
      settings: { provider: "github", owner: "acme", repo: "platform", labels: ["bumpers"] },
    },
  );

  // Where each fake sends its changes: the URLs Bumpers shows an admin after connecting.
  await registerFakeJiraWebhook(jiraBase, jira.webhook!.url);
  await registerFakeGithubWebhook(githubBase, "acme/platform", github.webhook!.url, github.webhook!.secret!);

  const made: string[] = [];
  for (const [slug, teamId] of [
    ["payments", payments],
    ["platform", platform],
  ] as const) {
    for (const check of await busiestChecks(orgId, teamId, TICKETS_PER_TEAM[slug])) {
      const { ticket } = await createTicket(orgId, SEED_ACTOR, {
        teamId,
        subject: { kind: "check", source: check.source, checkId: check.check_id, clusterId: null },
      });
      if (ticket.key) made.push(ticket.key);
    }
  }
  // A person marks the first Payments ticket Done in Jira: Bumpers resolves its findings when it arrives.
  const closing = made.find((key) => key.startsWith("PAY-"));
  if (closing) {
    await post(`${jiraBase}/fake/issues/${encodeURIComponent(closing)}/transition`, { to: "Done" });
  }
  console.log(`[seed] Demo tickets: ${made.join(", ") || "none"}${closing ? ` (${closing} closed in Jira)` : ""}.`);
}
