import type { KnownBlock, SectionBlock } from "@slack/web-api";
import { SEVERITY_TEXT, type TNotification } from "../message";
import { formatUtc, sampleLines, scopeName, truncate } from "./text";

// A notification as a Slack Block Kit message: a header, the summary, the facts as section
// fields, a sample of what is affected, a context line and a button back into Bumpers, inside
// Block Kit's limits (Slack refuses the whole message with invalid_blocks past any of them), and
// always a `text` fallback for notifications and screen readers.

export const SLACK_LIMITS = {
  headerText: 150,
  sectionText: 3000,
  fields: 10,
  fieldText: 2000,
  blocks: 50,
  buttonText: 75,
  buttonUrl: 3000,
  contextElements: 10,
  fallbackText: 3000,
} as const;

export type TSlackMessage = { text: string; blocks: KnownBlock[] };

/** Slack's mrkdwn control characters; anything from a person or a cluster passes through this. */
export function escapeMrkdwn(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

const ICONS: Partial<Record<TNotification["type"], string>> = {
  "finding_group.fixed": ":white_check_mark:",
  "pagerduty.incident_resolved": ":white_check_mark:",
  test: ":wave:",
};

function icon(notification: TNotification): string {
  const byType = ICONS[notification.type];
  if (byType) return byType;
  if (notification.severity === "critical" || notification.severity === "high") return ":rotating_light:";
  if (notification.severity === "medium") return ":warning:";
  return ":information_source:";
}

const mrkdwn = (text: string, max: number) => ({ type: "mrkdwn" as const, text: truncate(text, max) });

function factSections(notification: TNotification): SectionBlock[] {
  const fields = notification.facts.map((fact) =>
    mrkdwn(`*${escapeMrkdwn(fact.label)}*\n${escapeMrkdwn(fact.value)}`, SLACK_LIMITS.fieldText),
  );
  const sections: SectionBlock[] = [];
  for (let i = 0; i < fields.length; i += SLACK_LIMITS.fields) {
    sections.push({ type: "section", fields: fields.slice(i, i + SLACK_LIMITS.fields) });
  }
  return sections;
}

function sampleSection(notification: TNotification): SectionBlock | null {
  const { lines, more } = sampleLines(notification);
  if (lines.length === 0) return null;
  const text = ["*Affected*", ...lines.map((line) => `• ${escapeMrkdwn(line)}`), ...(more ? [more] : [])].join("\n");
  return { type: "section", text: mrkdwn(text, SLACK_LIMITS.sectionText) };
}

/** A date Slack shows in each reader's own time zone, with the UTC text where it cannot. */
function slackDate(iso: string): string {
  const seconds = Math.floor(Date.parse(iso) / 1000);
  if (Number.isNaN(seconds)) return escapeMrkdwn(iso);
  return `<!date^${seconds}^{date_short_pretty} {time}|${formatUtc(iso)}>`;
}

/** The one-line fallback: what a phone notification and a screen reader say. */
function fallbackText(notification: TNotification): string {
  const severity = notification.severity ? `[${SEVERITY_TEXT[notification.severity]}] ` : "";
  const summary = notification.summary ? ` (${notification.summary})` : "";
  return truncate(escapeMrkdwn(`${severity}${notification.title}${summary}`), SLACK_LIMITS.fallbackText);
}

export function renderSlackMessage(notification: TNotification): TSlackMessage {
  const blocks: KnownBlock[] = [
    {
      type: "header",
      text: {
        type: "plain_text",
        text: truncate(`${icon(notification)} ${notification.title}`, SLACK_LIMITS.headerText),
        emoji: true,
      },
    },
  ];
  if (notification.summary) {
    blocks.push({ type: "section", text: mrkdwn(escapeMrkdwn(notification.summary), SLACK_LIMITS.sectionText) });
  }
  blocks.push(...factSections(notification));
  const sample = sampleSection(notification);
  if (sample) blocks.push(sample);
  const context = [
    ...(notification.severity ? [`*${SEVERITY_TEXT[notification.severity]}*`] : []),
    escapeMrkdwn(scopeName(notification)),
    slackDate(notification.occurredAt),
  ].join("  ·  ");
  blocks.push({ type: "context", elements: [mrkdwn(context, SLACK_LIMITS.sectionText)] });
  blocks.push({
    type: "actions",
    elements: [
      {
        type: "button",
        action_id: "open_in_bumpers",
        text: { type: "plain_text", text: truncate(notification.linkText, SLACK_LIMITS.buttonText) },
        url: notification.link.slice(0, SLACK_LIMITS.buttonUrl),
      },
    ],
  });
  // Past the cap the actions block (the way back) must survive, so the cut is made before it.
  const kept =
    blocks.length > SLACK_LIMITS.blocks ? [...blocks.slice(0, SLACK_LIMITS.blocks - 1), blocks.at(-1)!] : blocks;
  return { text: fallbackText(notification), blocks: kept };
}
