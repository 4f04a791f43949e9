import {
  allClearText,
  audienceName,
  budgetLine,
  capped,
  costLine,
  digestTitle,
  fallbackText,
  findingsSummary,
  hasCost,
  moverLine,
  severitiesWithNews,
  severityLine,
  severityName,
  staleLine,
  topItemDetails,
  truncate,
} from "./render-text";
import { escapeMrkdwn } from "../channels/slack-blocks";
import type { TDigest } from "./types";

// A digest as each channel wants it: Slack Block Kit, a Microsoft Teams Adaptive Card, a webhook's
// JSON. Pure functions of the digest (rendered at delivery from the outbox payload), with an
// "all clear" variant for an empty period. Data is escaped for each markup; links come from the
// digest, which built them from the app's base URL.

// ---------------------------------------------------------------------------------------------
// Slack

/** Slack's limits (api.slack.com/reference/block-kit): we stay well inside them. */
const SLACK = { header: 150, section: 3000, field: 2000, button: 75, blocks: 50, text: 3000 } as const;

type TSlackText = { type: "mrkdwn" | "plain_text"; text: string; emoji?: boolean };
export type TSlackBlock =
  | { type: "header"; text: TSlackText }
  | { type: "section"; text?: TSlackText; fields?: TSlackText[] }
  | { type: "context"; elements: TSlackText[] }
  | { type: "divider" }
  | {
      type: "actions";
      elements: { type: "button"; text: TSlackText; url: string; action_id: string; style?: "primary" }[];
    };
export type TSlackMessage = { text: string; blocks: TSlackBlock[] };

/** One list line of data, cut so that ten of them and "…and N more" fit in a section. */
const slackLine = (text: string) => escapeMrkdwn(truncate(text, 250));
const mrkdwn = (text: string): TSlackText => ({ type: "mrkdwn", text: truncate(text, SLACK.section) });
const slackLink = (url: string, label: string) => `<${escapeMrkdwn(url)}|${escapeMrkdwn(label.replace(/\|/g, "/"))}>`;
const slackList = (title: string, lines: string[]) => mrkdwn(`*${title}*\n${lines.map((l) => `• ${l}`).join("\n")}`);

function slackButtons(d: TDigest): TSlackBlock {
  const button = (text: string, url: string, id: string, primary = false) => ({
    type: "button" as const,
    text: { type: "plain_text" as const, text: truncate(text, SLACK.button) },
    url,
    action_id: id,
    ...(primary ? { style: "primary" as const } : {}),
  });
  return {
    type: "actions",
    elements: [
      button(d.team ? `Open ${d.team.name}` : `Open ${d.org.name}`, d.links.home, "digest_home", true),
      button("Findings", d.links.findings, "digest_findings"),
      button("Cost", d.links.cost, "digest_cost"),
    ],
  };
}

export function renderDigestSlack(d: TDigest): TSlackMessage {
  const header: TSlackBlock = {
    type: "header",
    text: {
      type: "plain_text",
      text: truncate(d.empty ? `All clear: ${audienceName(d)}` : digestTitle(d), SLACK.header),
    },
  };
  const context: TSlackBlock = {
    type: "context",
    elements: [mrkdwn(`${escapeMrkdwn(d.period.label)} · ${escapeMrkdwn(d.org.name)}`)],
  };
  const text = truncate(escapeMrkdwn(fallbackText(d)), SLACK.text);
  if (d.empty) {
    return {
      text,
      blocks: [header, context, { type: "section", text: mrkdwn(escapeMrkdwn(allClearText(d))) }, slackButtons(d)],
    };
  }
  const blocks: TSlackBlock[] = [header, context];
  const severities = severitiesWithNews(d);
  blocks.push({
    type: "section",
    text: mrkdwn(`*Findings:* ${findingsSummary(d)}`),
    ...(severities.length
      ? {
          fields: severities.map((s) => ({
            type: "mrkdwn" as const,
            text: truncate(`*${severityName(s)}*\n${severityLine(d, s)}`, SLACK.field),
          })),
        }
      : {}),
  });
  if (d.topToFix.length) {
    const items = d.topToFix.map(
      (t, i) => `${i + 1}. ${slackLink(t.link, truncate(t.title, 150))} — ${slackLine(topItemDetails(t))}`,
    );
    blocks.push({ type: "section", text: mrkdwn(`*Worth fixing first*\n${items.join("\n")}`) });
  }
  if (hasCost(d)) {
    const movers = d.cost.movers.map((m) => slackLine(moverLine(m, d.cost.currency)));
    blocks.push({
      type: "section",
      text: mrkdwn(
        `*Cost:* ${escapeMrkdwn(costLine(d))}${movers.length ? `\n${movers.map((l) => `• ${l}`).join("\n")}` : ""}`,
      ),
    });
  }
  if (d.budgets.length) {
    const lines = capped(d.budgets, (b) => slackLine(budgetLine(b, d.cost.currency)), d.moreBudgets);
    blocks.push({ type: "section", text: slackList("Budgets", lines) });
  }
  if (d.staleClusters.length) {
    const lines = capped(d.staleClusters, (c) => slackLine(staleLine(c)));
    blocks.push({
      type: "section",
      text: slackList(`Stale clusters (${slackLink(d.links.clusters, "clusters")})`, lines),
    });
  }
  blocks.push({ type: "divider" }, slackButtons(d));
  return { text, blocks: blocks.slice(0, SLACK.blocks) };
}

// ---------------------------------------------------------------------------------------------
// Microsoft Teams

type TCardElement = Record<string, unknown>;
export type TTeamsMessage = {
  type: "message";
  attachments: { contentType: "application/vnd.microsoft.card.adaptive"; contentUrl: null; content: TCardElement }[];
};

/** Teams renders a Markdown subset in TextBlocks and facts: data must not turn into links or emphasis. */
export const teamsEscape = (text: string) => text.replace(/([\\`*_[\]()#>~|])/g, "\\$1");

const textBlock = (text: string, extra: TCardElement = {}): TCardElement => ({
  type: "TextBlock",
  text,
  wrap: true,
  ...extra,
});
const heading = (text: string) => textBlock(text, { weight: "Bolder", spacing: "Medium" });
const teamsList = (lines: string[]) => textBlock(lines.map((l) => `- ${l}`).join("\r"));

export function renderDigestTeams(d: TDigest): TTeamsMessage {
  const body: TCardElement[] = [
    textBlock(teamsEscape(d.empty ? `All clear: ${audienceName(d)}` : digestTitle(d)), {
      size: "Large",
      weight: "Bolder",
    }),
    textBlock(teamsEscape(`${d.period.label} · ${d.org.name}`), { isSubtle: true, spacing: "None" }),
  ];
  if (d.empty) {
    body.push(textBlock(teamsEscape(allClearText(d))));
  } else {
    body.push(heading(`Findings: ${findingsSummary(d)}`));
    const severities = severitiesWithNews(d);
    if (severities.length) {
      body.push({
        type: "FactSet",
        facts: severities.map((s) => ({ title: severityName(s), value: severityLine(d, s) })),
      });
    }
    if (d.topToFix.length) {
      body.push(heading("Worth fixing first"));
      body.push(
        textBlock(
          d.topToFix
            .map(
              (t, i) =>
                `${i + 1}. [${teamsEscape(truncate(t.title, 150))}](${t.link}) — ${teamsEscape(topItemDetails(t))}`,
            )
            .join("\r"),
        ),
      );
    }
    if (hasCost(d)) {
      body.push(heading("Cost"), textBlock(teamsEscape(costLine(d))));
      if (d.cost.movers.length)
        body.push(teamsList(d.cost.movers.map((m) => teamsEscape(moverLine(m, d.cost.currency)))));
    }
    if (d.budgets.length) {
      body.push(heading("Budgets"));
      body.push(teamsList(capped(d.budgets, (b) => teamsEscape(budgetLine(b, d.cost.currency)), d.moreBudgets)));
    }
    if (d.staleClusters.length) {
      body.push(heading("Stale clusters"), teamsList(capped(d.staleClusters, (c) => teamsEscape(staleLine(c)))));
    }
  }
  const content: TCardElement = {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.4",
    body,
    actions: [
      { type: "Action.OpenUrl", title: d.team ? `Open ${d.team.name}` : `Open ${d.org.name}`, url: d.links.home },
      { type: "Action.OpenUrl", title: "Findings", url: d.links.findings },
      { type: "Action.OpenUrl", title: "Cost", url: d.links.cost },
    ],
    msteams: { width: "Full" },
  };
  return {
    type: "message",
    attachments: [{ contentType: "application/vnd.microsoft.card.adaptive", contentUrl: null, content }],
  };
}

// ---------------------------------------------------------------------------------------------
// Webhooks

export type TDigestWebhookBody = { type: "digest.daily" | "digest.weekly"; timestamp: string; data: TDigest };

/** The webhook's JSON: the digest itself, typed by its period (an empty one has `empty: true`). */
export function renderDigestWebhook(d: TDigest): TDigestWebhookBody {
  return { type: `digest.${d.kind}`, timestamp: d.generatedAt, data: d };
}
