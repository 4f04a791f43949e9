import { z } from "zod";
import { ALERT_GROUPINGS, ZRuleMatch } from "@/lib/alerting/schemas";
import { NOTIFICATION_EVENT_TYPES, RULE_ONLY_EVENT_TYPES } from "@/lib/domain/notification-events";
import { ZGithubCredentials, ZJiraCloudCredentials, ZJiraServerCredentials } from "@/lib/tickets/schemas";

// Inputs of connections and subscriptions. URLs are checked again by the destination guard when
// saved and when used (lib/server/outbound): this is only their shape.

export const CONNECTION_KINDS = ["slack", "slack_webhook", "teams", "email", "webhook"] as const;
export type TConnectionKind = (typeof CONNECTION_KINDS)[number];

/** Every kind of connection: the message channels above, and ticket providers (lib/tickets). */
export type TAnyConnectionKind = TConnectionKind | "jira_cloud" | "jira_server" | "github";

export const CONNECTION_KIND_NAMES: Readonly<Record<TAnyConnectionKind, string>> = {
  slack: "Slack app",
  slack_webhook: "Slack incoming webhook",
  teams: "Microsoft Teams workflow",
  email: "Email (SMTP server)",
  webhook: "Webhook",
  jira_cloud: "Jira Cloud",
  jira_server: "Jira Data Center",
  github: "GitHub Issues",
};

/** A message channel (subscriptions, digests), not a ticket provider. */
export const isMessageKind = (kind: string): kind is TConnectionKind =>
  (CONNECTION_KINDS as readonly string[]).includes(kind);

const ZName = z.string().trim().min(2, "At least 2 characters.").max(80, "At most 80 characters.");
const ZHttpsUrl = z
  .string()
  .trim()
  .max(2000, "At most 2000 characters.")
  .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), "Enter the full https:// address.");
const ZTeamId = z
  .uuid("Not a team id.")
  .nullable()
  .default(null)
  .or(z.literal("").transform(() => null));

export const ZSlackBotToken = z
  .string()
  .trim()
  .regex(/^xoxb-[A-Za-z0-9-]{10,250}$/, "A Slack bot token starts with xoxb- (OAuth & Permissions in your Slack app).");

export const ZSmtpSettings = z.object({
  host: z
    .string()
    .trim()
    .min(1, "Enter the SMTP server's host name.")
    .max(253)
    .regex(/^[A-Za-z0-9.-]+$/, "A host name: letters, digits, dots and dashes."),
  port: z.coerce.number().int().min(1).max(65535).default(587),
  /** "starttls": plain connection upgraded (required); "tls": TLS from the start (465). */
  security: z.enum(["starttls", "tls"]).default("starttls"),
  user: z.string().trim().max(200).default(""),
  from: z.email("Enter the address mail is sent from."),
});

const ZConnectionBase = { name: ZName, teamId: ZTeamId };

export const ZNewConnection = z.discriminatedUnion("kind", [
  z.object({ ...ZConnectionBase, kind: z.literal("slack"), botToken: ZSlackBotToken }),
  z.object({ ...ZConnectionBase, kind: z.literal("slack_webhook"), url: ZHttpsUrl }),
  z.object({ ...ZConnectionBase, kind: z.literal("teams"), url: ZHttpsUrl }),
  z.object({ ...ZConnectionBase, kind: z.literal("webhook"), url: ZHttpsUrl }),
  z.object({
    ...ZConnectionBase,
    kind: z.literal("email"),
    smtp: ZSmtpSettings,
    password: z.string().max(500).default(""),
  }),
  // Ticket providers (lib/tickets): their credentials' own shapes, sealed as a TTicketSecret.
  ZJiraCloudCredentials.extend({ ...ZConnectionBase, kind: z.literal("jira_cloud") }),
  ZJiraServerCredentials.extend({ ...ZConnectionBase, kind: z.literal("jira_server") }),
  z.discriminatedUnion("auth", [
    ZGithubCredentials.options[0].extend({ ...ZConnectionBase, kind: z.literal("github") }),
    ZGithubCredentials.options[1].extend({ ...ZConnectionBase, kind: z.literal("github") }),
  ]),
]);
export type TNewConnection = z.input<typeof ZNewConnection>;
export type TNewConnectionParsed = z.output<typeof ZNewConnection>;

/** Renaming, or replacing the secret (a new token or URL): fields left out stay as they are. */
export const ZConnectionUpdate = z.object({
  name: ZName.optional(),
  botToken: ZSlackBotToken.optional(),
  url: ZHttpsUrl.optional(),
  smtp: ZSmtpSettings.optional(),
  password: z.string().max(500).optional(),
  /** Ticket connections: replaced credentials, checked against the kind's schema with the stored ones. */
  siteUrl: z.string().trim().max(500).optional(),
  email: z.string().trim().max(320).optional(),
  apiToken: z.string().trim().max(500).optional(),
  baseUrl: z.string().trim().max(500).optional(),
  personalAccessToken: z.string().trim().max(500).optional(),
  appId: z.string().trim().max(20).optional(),
  installationId: z.string().trim().max(20).optional(),
  privateKey: z.string().trim().max(10000).optional(),
  token: z.string().trim().max(300).optional(),
  apiUrl: z.string().trim().max(500).optional(),
});
export type TConnectionUpdate = z.input<typeof ZConnectionUpdate>;

export const ZConnectionId = z.uuid("Not a connection id.");
export const ZSubscriptionId = z.uuid("Not a subscription id.");

const ZEmailList = z
  .string()
  .trim()
  .max(2000)
  .refine(
    (v) =>
      v
        .split(/[,\s]+/)
        .filter(Boolean)
        .every((a) => z.email().safeParse(a).success),
    "Enter email addresses separated by commas.",
  )
  .refine((v) => v.split(/[,\s]+/).filter(Boolean).length <= 20, "At most 20 addresses.");

export const ZSubscriptionInput = z
  .object({
    name: ZName,
    kind: z.enum(["events", "digest"]).default("events"),
    /** Null: email through the install's SMTP server. */
    connectionId: z
      .uuid("Choose a connection.")
      .nullable()
      .default(null)
      .or(z.literal("").transform(() => null)),
    /** Slack: the channel id; email: the addresses; webhooks and Teams: empty. */
    target: z.string().trim().max(2000).default(""),
    targetLabel: z.string().trim().max(120).default(""),
    events: z
      .array(
        z
          .enum(NOTIFICATION_EVENT_TYPES)
          .refine((type) => !RULE_ONLY_EVENT_TYPES.has(type), "Automation rules send these to their own channel."),
      )
      .max(NOTIFICATION_EVENT_TYPES.length)
      .default([]),
    match: ZRuleMatch.default(ZRuleMatch.parse({})),
    grouping: z.enum(ALERT_GROUPINGS).default("check"),
    baseline: z.boolean().default(false),
    digestPeriod: z.enum(["daily", "weekly"]).default("weekly"),
    digestHour: z.coerce.number().int().min(0).max(23).default(9),
    digestWeekday: z.coerce.number().int().min(0).max(6).default(1),
    sendEmpty: z.boolean().default(true),
    enabled: z.boolean().default(true),
  })
  .superRefine((s, ctx) => {
    if (s.kind === "events" && !s.events.length) {
      ctx.addIssue({ code: "custom", path: ["events"], message: "Choose at least one event." });
    }
    if (s.connectionId === null && !ZEmailList.safeParse(s.target).success) {
      ctx.addIssue({ code: "custom", path: ["target"], message: "Enter email addresses separated by commas." });
    }
  });
export type TSubscriptionInput = z.input<typeof ZSubscriptionInput>;
export type TSubscription = z.output<typeof ZSubscriptionInput>;

export const ZEmailTarget = ZEmailList;

/** The addresses of an email target, lower-cased and without repeats. */
export function emailAddressesOf(target: string): string[] {
  return [
    ...new Set(
      target
        .split(/[,\s]+/)
        .filter(Boolean)
        .map((a) => a.toLowerCase()),
    ),
  ];
}
