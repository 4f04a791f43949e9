import { z } from "zod";
import { NOTIFICATION_EVENT_TYPES } from "./notification-events";

// The one neutral shape of a notification (shared kernel: alerting writes it, notifications renders it). Routing builds it from an event; every channel
// (Slack, Teams, email, webhooks) renders it its own way and nothing else. Values in it are plain
// text as people and clusters wrote them: each renderer escapes them for its own markup.

/** Every event type, and "test" for the "send test" buttons. */
export const NOTIFICATION_TYPES = [...NOTIFICATION_EVENT_TYPES, "test"] as const;
export type TNotificationType = (typeof NOTIFICATION_TYPES)[number];

export const NOTIFICATION_SEVERITIES = ["critical", "high", "medium", "low", "info"] as const;
export type TNotificationSeverity = (typeof NOTIFICATION_SEVERITIES)[number];

/** How many sample resources a notification carries at most; the rest is `moreCount`. */
export const MAX_SAMPLE = 20;

const ZName = z.object({ slug: z.string().min(1).max(100), name: z.string().min(1).max(200) });
const ZLine = (max: number) => z.string().min(1).max(max);

export const ZNotification = z.object({
  /** Unique per message: Slack's client_msg_id, the webhook-id header. */
  id: z.string().min(1).max(128),
  type: z.enum(NOTIFICATION_TYPES),
  org: ZName,
  team: ZName.nullable(),
  /** One line, e.g. "12 workloads run as root in prod-eu". */
  title: ZLine(300).refine((v) => !/[\r\n]/.test(v), "The title is one line."),
  summary: z.string().max(3000).optional(),
  severity: z.enum(NOTIFICATION_SEVERITIES).nullable(),
  /** "open" while the problem lasts, "resolved" once fixed (or the cluster reports again). */
  state: z.enum(["open", "resolved"]).optional(),
  /** Absolute URL into Bumpers. */
  link: z.url({ protocol: /^https?$/ }),
  linkText: ZLine(75),
  /** Cluster, Namespace, Check, Affected, Budget… */
  facts: z.array(z.object({ label: ZLine(100), value: ZLine(2000) })).max(25),
  sample: z.array(ZLine(500)).max(MAX_SAMPLE).optional(),
  /** "…and N more" beyond the sample. */
  moreCount: z.number().int().min(0).optional(),
  occurredAt: z.iso.datetime({ offset: true }),
  /** Updates of one alert group share it (Slack thread replies, the parent's summary updated). */
  threadKey: z.string().min(1).max(200).optional(),
});

export type TNotification = z.infer<typeof ZNotification>;

/** How each severity is named to people. */
export const SEVERITY_TEXT: Readonly<Record<TNotificationSeverity, string>> = {
  critical: "Critical",
  high: "High",
  medium: "Medium",
  low: "Low",
  info: "Info",
};
