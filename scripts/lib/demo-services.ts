// Local stand-ins for the services notifications go to, so a fresh demo machine with no network
// shows every integration working: a Slack workspace (Web API and incoming webhooks), a Teams
// Workflows receiver, a webhook receiver that checks signatures, and an SMTP server with an inbox;
// in demo mode also a Jira site and a GitHub, which the demo seed files Acme's tickets into.
// Each runs only when the real thing is not configured, in the start script's process, and the
// app and the worker inherit their addresses through the environment.

import type { TFakeGithub } from "@/lib/testing/fake-github";
import type { TFakeJira } from "@/lib/testing/fake-jira";

export type TDemoServices = {
  lines: string[];
  stop: () => Promise<void>;
  /** In demo mode: the fake Jira and GitHub, so a later start can put Acme's tickets back into them. */
  tickets?: { jira: TFakeJira; github: TFakeGithub };
};

export async function startDemoServices(demo: boolean): Promise<TDemoServices> {
  const lines: string[] = [];
  const stops: (() => Promise<void>)[] = [];
  let local = false;
  let tickets: TDemoServices["tickets"];

  if (!process.env.SLACK_API_URL?.trim()) {
    const { startFakeSlack } = await import("@/lib/testing/fake-slack");
    const slack = await startFakeSlack({ port: Number(process.env.BUMPERS_FAKE_SLACK_PORT || 0) });
    process.env.SLACK_API_URL = slack.apiUrl;
    process.env.BUMPERS_DEMO_SLACK_URL = slack.url;
    stops.push(slack.close);
    local = true;
    lines.push(`Slack: SLACK_API_URL is not set, so Slack messages go to a local fake workspace: ${slack.url}`);
  }
  if (!process.env.BUMPERS_MAIL_TRANSPORT?.trim()) {
    const { startFakeSmtp } = await import("@/lib/testing/fake-smtp");
    const smtp = await startFakeSmtp({
      smtpPort: Number(process.env.BUMPERS_FAKE_SMTP_PORT || 0),
      httpPort: Number(process.env.BUMPERS_FAKE_INBOX_PORT || 0),
    });
    process.env.BUMPERS_MAIL_TRANSPORT = "smtp";
    process.env.SMTP_URL = smtp.smtpUrl;
    process.env.SMTP_STARTTLS = "off";
    process.env.BUMPERS_DEMO_INBOX_URL = smtp.inboxUrl;
    stops.push(smtp.close);
    local = true;
    lines.push(`Email: BUMPERS_MAIL_TRANSPORT is not set, so mail goes to a local inbox: ${smtp.inboxUrl}`);
  }
  if (demo) {
    const { startFakeTeams } = await import("@/lib/testing/fake-teams");
    const { startFakeWebhookReceiver } = await import("@/lib/testing/fake-webhook-receiver");
    const teams = await startFakeTeams({ port: 0 });
    const receiver = await startFakeWebhookReceiver({ port: 0 });
    process.env.BUMPERS_DEMO_TEAMS_URL = teams.url;
    process.env.BUMPERS_DEMO_WEBHOOK_URL = receiver.url;
    stops.push(teams.close, receiver.close);
    local = true;
    lines.push(
      `Microsoft Teams and webhooks: local receivers to connect in the demo: ${teams.url} and ${receiver.url}`,
    );
    const { startFakeJira } = await import("@/lib/testing/fake-jira");
    const { startFakeGithub } = await import("@/lib/testing/fake-github");
    const jira = await startFakeJira({ port: 0 });
    const github = await startFakeGithub({ port: 0 });
    process.env.BUMPERS_DEMO_JIRA_URL = jira.url;
    process.env.BUMPERS_DEMO_GITHUB_URL = github.url;
    stops.push(jira.close, github.close);
    tickets = { jira, github };
    lines.push(`Jira: a local fake Jira site with Payments' tickets (close one there, see it in Bumpers): ${jira.url}`);
    lines.push(`GitHub: a local fake GitHub with Platform's issues in acme/platform: ${github.url}`);
  }
  // The fakes listen on 127.0.0.1, which the destination guard refuses unless told otherwise.
  if (local && process.env.BUMPERS_ALLOW_PRIVATE_DESTINATIONS === undefined) {
    process.env.BUMPERS_ALLOW_PRIVATE_DESTINATIONS = "true";
  }
  return { lines, stop: async () => void (await Promise.allSettled(stops.map((s) => s()))), tickets };
}
