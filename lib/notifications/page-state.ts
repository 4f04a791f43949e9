import { NOTIFICATION_EVENT_CATALOG, type TEventCatalogEntry } from "@/lib/domain/notification-events";
import { CONNECTION_KIND_NAMES, isMessageKind, type TAnyConnectionKind, type TConnectionKind } from "./schemas";

// What the notification pages show, worked out from the views: pure and client-safe, so the
// server pages and the forms say things the same way, and the wording is tested without a page.

export const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

/** "09:00": digests go out on the hour. */
export const hourLabel = (hour: number) => `${String(hour).padStart(2, "0")}:00`;

type TSchedule = { digestPeriod: "daily" | "weekly" | null; digestHour: number | null; digestWeekday: number | null };

/** "Every day at 09:00 (Europe/Berlin)", "Mondays at 08:00 (UTC)". */
export function scheduleText(s: TSchedule, timeZone: string): string {
  const at = `at ${hourLabel(s.digestHour ?? 9)} (${timeZone})`;
  if (s.digestPeriod === "daily") return `Every day ${at}`;
  return `${WEEKDAYS[s.digestWeekday ?? 1]}s ${at}`;
}

/** A ticket connection's account, as its provider named it when it signed in. */
function identityName(s: Record<string, unknown>): string | null {
  const identity = s.identity as { name?: unknown } | undefined;
  return typeof identity?.name === "string" && identity.name ? identity.name : null;
}

/** The non-secret settings of a connection worth showing, as label and value. */
export function connectionFacts(c: {
  kind: TAnyConnectionKind;
  settings: Record<string, unknown>;
}): { label: string; value: string }[] {
  const s = c.settings;
  const text = (key: string) => (typeof s[key] === "string" && s[key] ? (s[key] as string) : null);
  const facts: { label: string; value: string | null }[] =
    c.kind === "slack"
      ? [
          { label: "Workspace", value: text("workspace") },
          { label: "Bot", value: text("botName") ? `@${text("botName")}` : null },
        ]
      : c.kind === "email"
        ? [
            {
              label: "Server",
              value: text("host") ? `${text("host")}:${typeof s.port === "number" ? s.port : 587}` : null,
            },
            { label: "Security", value: s.security === "tls" ? "TLS" : "STARTTLS" },
            { label: "From", value: text("from") },
            { label: "User", value: text("user") },
          ]
        : c.kind === "github"
          ? [
              { label: "API", value: text("apiHost") },
              { label: "Auth", value: s.auth === "app" ? `App ${String(s.appId)}` : "Token" },
              { label: "Signed in as", value: identityName(s) },
            ]
          : c.kind === "jira_cloud" || c.kind === "jira_server"
            ? [
                { label: "Site", value: text("host") },
                { label: "Signed in as", value: identityName(s) },
              ]
            : [{ label: "Host", value: text("host") }];
  return facts.filter((f): f is { label: string; value: string } => f.value !== null);
}

/** Why a Slack app connection shows no workspace yet. */
export const UNTESTED_SLACK = "Send a test to see the workspace and bot.";

/** The "where" of a subscription: the connection (or the install's mail) and its channel or addresses. */
export function whereText(s: {
  connectionId: string | null;
  connectionName: string | null;
  channel: TConnectionKind;
  targetLabel: string;
  target: string;
}): string {
  const via = s.connectionId ? (s.connectionName ?? "A deleted connection") : "Email through Bumpers";
  const to = s.targetLabel || s.target;
  return to ? `${via} · ${to}` : via;
}

/** The label of each event type, in the catalog's words. */
export function eventLabel(type: string): string {
  return NOTIFICATION_EVENT_CATALOG.find((e) => e.type === type)?.label ?? type;
}

/**
 * The catalog grouped by area, in the catalog's order (the events checkboxes of team and org
 * subscriptions: personal events such as assigned findings are a member's own to choose, and an
 * automation rule's messages go only where the rule says).
 */
export function eventAreas(): { area: string; events: TEventCatalogEntry[] }[] {
  const areas: { area: string; events: TEventCatalogEntry[] }[] = [];
  for (const entry of NOTIFICATION_EVENT_CATALOG) {
    if (entry.personal || entry.ruleOnly) continue;
    const group = areas.find((a) => a.area === entry.area);
    if (group) group.events.push(entry);
    else areas.push({ area: entry.area, events: [entry] });
  }
  return areas;
}

export type TConnectionChoice = { id: string; name: string; kind: TConnectionKind; teamName: string | null };

/**
 * What the subscription form needs of each connection (not its settings or health). Message
 * connections only: Jira and GitHub connections file tickets, they carry no subscription.
 */
export const connectionChoices = (
  connections: readonly (Omit<TConnectionChoice, "kind"> & { kind: TAnyConnectionKind })[],
): TConnectionChoice[] =>
  connections.flatMap(({ id, name, kind, teamName }) => (isMessageKind(kind) ? [{ id, name, kind, teamName }] : []));

/** The "where" options of the subscription form: each usable connection, then the install's mail. */
export function connectionOptions(connections: readonly TConnectionChoice[]): { value: string; label: string }[] {
  return [
    ...connections.map((c) => ({
      value: c.id,
      label: `${c.name} (${CONNECTION_KIND_NAMES[c.kind]}${c.teamName ? `, ${c.teamName}` : ""})`,
    })),
    { value: "", label: "Email through this Bumpers server" },
  ];
}

/** What the form asks for after the connection: a Slack channel, email addresses, or nothing. */
export function targetFieldOf(kind: TConnectionKind | null): "channel" | "addresses" | "none" {
  if (kind === "slack") return "channel";
  if (kind === null || kind === "email") return "addresses";
  return "none";
}

/** The Slack channel picker's value, as ui-form.ts reads it back. */
export const slackChannelValue = (id: string, name: string) => `${id}|#${name.replace(/^#/, "")}`;

/** A personal digest needs no name of its own: the team and the cadence say what it is. */
export const personalDigestName = (teamName: string, period: "daily" | "weekly") => `${teamName} ${period} digest`;

/** The org's subscriptions every team gets and cannot switch off. */
export function requiredByOrg<T extends { baseline: boolean; enabled: boolean }>(orgSubscriptions: readonly T[]): T[] {
  return orgSubscriptions.filter((s) => s.baseline && s.enabled);
}

/** The time zone choices: the runtime's zones, UTC first, and the current one even if unknown here. */
export function timeZoneOptions(supported: readonly string[], current: string): string[] {
  const zones = supported.filter((z) => z !== "UTC");
  return ["UTC", ...(current !== "UTC" && !zones.includes(current) ? [current] : []), ...zones];
}

export const DEMO_SERVICES = [
  { key: "BUMPERS_DEMO_SLACK_URL", label: "Fake Slack", description: "Channels and the messages posted to them." },
  { key: "BUMPERS_DEMO_TEAMS_URL", label: "Fake Microsoft Teams", description: "The Adaptive Cards received." },
  { key: "BUMPERS_DEMO_INBOX_URL", label: "Local inbox", description: "Every mail Bumpers sent." },
  { key: "BUMPERS_DEMO_WEBHOOK_URL", label: "Webhook receiver", description: "Deliveries and their signatures." },
  {
    key: "BUMPERS_DEMO_JIRA_URL",
    label: "Fake Jira",
    description: "Payments' tickets (project PAY): mark one Done and see it in Bumpers.",
  },
  {
    key: "BUMPERS_DEMO_GITHUB_URL",
    label: "Fake GitHub",
    description: "Platform's issues (acme/platform): close one and see it in Bumpers.",
  },
] as const;
export type TDemoServiceKey = (typeof DEMO_SERVICES)[number]["key"];

/** The local fakes `npm start` runs, with their pages: only those whose address is set. */
export function demoServiceLinks(
  values: Partial<Record<TDemoServiceKey, string | undefined>>,
): { label: string; description: string; href: string }[] {
  return DEMO_SERVICES.flatMap((s) => {
    const href = values[s.key];
    return href ? [{ label: s.label, description: s.description, href }] : [];
  });
}

/** How many subscriptions go with a deleted connection, in a sentence. */
export function deleteConnectionText(subscriptionCount: number): string {
  if (!subscriptionCount) return "No subscription uses it.";
  return `${subscriptionCount} subscription${subscriptionCount === 1 ? " that uses it is" : "s that use it are"} deleted with it.`;
}
