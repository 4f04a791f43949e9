import { SEVERITY_TEXT, type TNotification } from "../message";
import { formatUtc, sampleLines, scopeName, truncate } from "./text";

// A notification as an Adaptive Card (1.4) in the envelope a Teams Workflows webhook ("When a
// Teams webhook request is received") expects; the Office 365 connector MessageCard is retired.
// Text from people and clusters goes into RichTextBlock text runs, which Teams does not parse as
// markdown, so a name like "[click](https://evil)" stays text. FactSet values are markdown, so
// they are escaped. Teams refuses messages over about 28 KB: samples and texts are bounded.

export const ADAPTIVE_CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
export const ADAPTIVE_CARD_VERSION = "1.4";

type TCardElement = Record<string, unknown>;

export type TTeamsEnvelope = {
  type: "message";
  attachments: Array<{
    contentType: typeof ADAPTIVE_CARD_CONTENT_TYPE;
    contentUrl: null;
    content: {
      $schema: string;
      type: "AdaptiveCard";
      version: typeof ADAPTIVE_CARD_VERSION;
      body: TCardElement[];
      actions: TCardElement[];
      msteams: { width: "Full" };
    };
  }>;
};

const TEXT_MAX = 2000;

/**
 * For the card fields Teams renders as markdown: emphasis, code, link and html characters
 * backslash-escaped, and a list or heading marker at the start. Hyphens and dots inside names
 * ("prod-eu", "nginx.v1") mean nothing there and are left alone.
 */
export function escapeCardMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`).replace(/^([-+#]|\d+\.)/, "\\$1");
}

const COLORS: Partial<Record<NonNullable<TNotification["severity"]>, string>> = {
  critical: "Attention",
  high: "Attention",
  medium: "Warning",
};

function textRuns(text: string, style: Record<string, unknown> = {}): TCardElement {
  return { type: "RichTextBlock", inlines: [{ type: "TextRun", text: truncate(text, TEXT_MAX), ...style }] };
}

function sampleBlock(notification: TNotification): TCardElement[] {
  const { lines, more } = sampleLines(notification);
  if (lines.length === 0) return [];
  const text = [...lines.map((line) => `• ${line}`), ...(more ? [more] : [])].join("\n");
  return [textRuns("Affected", { weight: "Bolder" }), { ...textRuns(text), spacing: "Small" }];
}

export function renderTeamsCard(notification: TNotification): TTeamsEnvelope {
  const severity = notification.severity;
  const context = [
    severity ? SEVERITY_TEXT[severity] : null,
    scopeName(notification),
    formatUtc(notification.occurredAt),
  ]
    .filter(Boolean)
    .join("  ·  ");
  const body: TCardElement[] = [
    textRuns(notification.title, { size: "Large", weight: "Bolder" }),
    {
      ...textRuns(context, {
        isSubtle: true,
        size: "Small",
        ...(severity && COLORS[severity] ? { color: COLORS[severity] } : {}),
      }),
      spacing: "None",
    },
  ];
  if (notification.summary) body.push(textRuns(notification.summary));
  if (notification.facts.length > 0) {
    body.push({
      type: "FactSet",
      facts: notification.facts.map((fact) => ({
        title: escapeCardMarkdown(truncate(fact.label, 100)),
        value: escapeCardMarkdown(truncate(fact.value, 500)),
      })),
    });
  }
  body.push(...sampleBlock(notification));
  return {
    type: "message",
    attachments: [
      {
        contentType: ADAPTIVE_CARD_CONTENT_TYPE,
        contentUrl: null,
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: ADAPTIVE_CARD_VERSION,
          body,
          actions: [{ type: "Action.OpenUrl", title: truncate(notification.linkText, 75), url: notification.link }],
          msteams: { width: "Full" },
        },
      },
    ],
  };
}
