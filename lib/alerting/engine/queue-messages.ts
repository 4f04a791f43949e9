import "server-only";
import { createHash, randomUUID } from "node:crypto";
import type { TNotificationEventType } from "@/lib/domain/notification-events";
import type { TNotification } from "@/lib/domain/notification-message";
import { ruleMatches, type TMatchable } from "../rules/match";
import { ZRuleMatch } from "../schemas";
import { appBaseUrl } from "./context";
import { notifyRoutesForEvent, oneLine } from "./notify";
import type { TSql } from "./sql";
import { loadSubscriptions, paceKeyOf } from "./subscriptions";
import type { TNotifyRoute, TNotifyTarget } from "./types";
import { insertMessages, wakeDelivery, type TMessageRow } from "./write";

// Messages for events that are not alert groups (an admission denial, a blocked CI run, a cost
// anomaly, a PagerDuty incident mirrored, findings assigned to someone). They reach the same
// subscriptions as a group's news, by the same rules, and go into the same outbox. What a group
// is to the engine, a group key is here: repeats of one problem (a controller retrying a denied
// deployment every few seconds) share it, and make one message per window, with the count.

/** How many times the event happened since the group's previous message (`since`; null: none before). */
export type TRepeats = { count: number; since: Date | null };

/** Where the message is read: links start at `orgUrl` (`https://…/o/<slug>`); the event's team, if any. */
export type TMessageContext = { orgUrl: string; team: { slug: string; name: string } | null };

/** What a source says; routing adds the org, the team, the id, the time and the thread. */
export type TEventMessage = Pick<TNotification, "title" | "severity" | "link" | "linkText" | "facts"> &
  Partial<Pick<TNotification, "summary" | "state" | "sample" | "moreCount">>;

export type TSourceEvent = {
  type: TNotificationEventType;
  /** The owning team (its subscriptions and the baseline's route to its channel), or null. */
  teamId: string | null;
  /** A personal event (an assignment): only this member's own subscriptions get it. */
  userId?: string;
  /** What subscriptions match on; the event is theirs when any item matches (a CI run has several findings). */
  items: readonly TMatchable[];
  /** What repeats of the same problem share. Unique within one call: sources count repeats into one event. */
  groupKey: string;
  /** Occurrences of the group in this batch. */
  count: number;
  /** A repeat of the group this soon after its last message is only counted (0: every event is news). */
  windowMs: number;
  occurredAt: Date;
  /** Messages sharing it form one thread (default: the group key). */
  threadKey?: string;
  message: (repeats: TRepeats, where: TMessageContext) => TEventMessage;
};

/** Windows are kept this long after they open, for the count of repeats after their message. */
const WINDOW_MEMORY_MS = 7 * 24 * 3_600_000;

type TWindow = { group_key: string; opened_at: Date; count: number; reported: number };

/**
 * Which windowed events open a new window (and make a message), with the repeats the message
 * counts: this batch's, plus those its previous window counted after its message. The others
 * only add to their window's count. Set-based: one read (locking the windows), one upsert.
 */
async function openWindows(
  sql: TSql,
  orgId: string,
  events: readonly TSourceEvent[],
  now: Date,
): Promise<Map<string, TRepeats>> {
  const fired = new Map<string, TRepeats>();
  const windowed = events.filter((e) => e.windowMs > 0);
  for (const e of events) if (e.windowMs <= 0) fired.set(e.groupKey, { count: e.count, since: null });
  if (!windowed.length) return fired;
  const { rows } = await sql.query<TWindow>(
    `SELECT group_key, opened_at, count, reported FROM notification_event_windows
      WHERE org_id = $1::uuid AND group_key = ANY($2::text[]) FOR UPDATE`,
    [orgId, windowed.map((e) => e.groupKey)],
  );
  const previous = new Map(rows.map((w) => [w.group_key, w]));
  const next = windowed.map((e) => {
    const w = previous.get(e.groupKey);
    if (w && now.getTime() - new Date(w.opened_at).getTime() < e.windowMs) {
      return { group_key: e.groupKey, opened_at: w.opened_at, count: w.count + e.count, reported: w.reported };
    }
    const unreported = w ? w.count - w.reported : 0;
    fired.set(e.groupKey, { count: unreported + e.count, since: unreported > 0 ? new Date(w!.opened_at) : null });
    return { group_key: e.groupKey, opened_at: now, count: e.count, reported: e.count };
  });
  await sql.query(
    `INSERT INTO notification_event_windows AS w (org_id, group_key, opened_at, count, reported)
     SELECT $1::uuid, x.group_key, x.opened_at, x.count, x.reported
       FROM jsonb_to_recordset($2::jsonb) AS x(group_key text, opened_at timestamptz, count int, reported int)
     ON CONFLICT (org_id, group_key) DO UPDATE SET
       opened_at = EXCLUDED.opened_at, count = EXCLUDED.count, reported = EXCLUDED.reported`,
    [orgId, JSON.stringify(next)],
  );
  await sql.query(
    `DELETE FROM notification_event_windows
      WHERE org_id = $1::uuid AND opened_at < $2::timestamptz - $3 * interval '1 millisecond'`,
    [orgId, now, WINDOW_MEMORY_MS],
  );
  return fired;
}

type TPersonalSubscription = { userId: string; match: ReturnType<typeof ZRuleMatch.parse>; route: TNotifyRoute };

/** The members' own events subscriptions, sent by email to their address while they are members. */
async function loadPersonal(sql: TSql, orgId: string, userIds: readonly string[]): Promise<TPersonalSubscription[]> {
  if (!userIds.length) return [];
  const { rows } = await sql.query<{
    id: string;
    user_id: string;
    name: string;
    match: unknown;
    events: string[];
    email: string;
  }>(
    `SELECT s.id, s.user_id, s.name, s.match, s.events, u.email
       FROM notification_subscriptions s
       JOIN users u ON u.id = s.user_id
       JOIN memberships m ON m.org_id = s.org_id AND m.user_id = s.user_id
      WHERE s.org_id = $1::uuid AND s.kind = 'events' AND s.enabled AND s.user_id = ANY($2::uuid[])
      ORDER BY s.created_at, s.id`,
    [orgId, [...new Set(userIds)]],
  );
  return rows.map((r) => {
    const target: TNotifyTarget = {
      channel: "email",
      connectionId: null,
      target: r.email,
      targetLabel: r.email,
      paceKey: paceKeyOf(orgId, "email", null, r.email),
    };
    return {
      userId: r.user_id,
      match: ZRuleMatch.parse(r.match ?? {}),
      route: {
        destinationId: r.id,
        destinationName: `${r.name} (${r.email})`,
        routingKeyCiphertext: "",
        keyFingerprint: `${target.paceKey}:${target.target}`,
        notify: { ...target, subscriptionId: r.id, events: r.events },
      },
    };
  });
}

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** Thread keys are at most 200 characters; a long group key (a repository and branch) is hashed. */
const threadKeyOf = (key: string) =>
  key.length <= 200 ? key : `sha256:${createHash("sha256").update(key).digest("hex")}`;

/** The neutral message, within the schema's limits (ZNotification). */
function messageOf(
  org: { slug: string; name: string },
  team: { slug: string; name: string } | null,
  e: TSourceEvent,
  m: TEventMessage,
): TNotification {
  const facts = m.facts.filter((f) => f.value !== "").slice(0, 25);
  const sample = m.sample?.slice(0, 20).map((s) => clip(s, 500));
  return {
    id: randomUUID(),
    type: e.type,
    org,
    team,
    title: oneLine(m.title, 300),
    ...(m.summary ? { summary: clip(m.summary, 3000) } : {}),
    severity: m.severity,
    ...(m.state ? { state: m.state } : {}),
    link: m.link,
    linkText: clip(m.linkText, 75),
    facts: facts.map((f) => ({ label: clip(f.label, 100), value: clip(f.value, 2000) })),
    ...(sample?.length ? { sample } : {}),
    ...(m.moreCount ? { moreCount: m.moreCount } : {}),
    occurredAt: e.occurredAt.toISOString(),
    threadKey: threadKeyOf(e.threadKey ?? e.groupKey),
  };
}

/**
 * Queues the messages of `events` (not alert groups) in the caller's transaction: one row per
 * event and subscription that wants its type and matches it (the org's subscriptions for every
 * team, a team's for its own, the baseline's to the team's channel; a personal event to its
 * member's own), except repeats inside their group's window. Returns how many rows it queued.
 */
export async function queueEventMessages(
  sql: TSql,
  orgId: string,
  events: readonly TSourceEvent[],
  now = new Date(),
): Promise<number> {
  if (!events.length) return 0;
  const fired = await openWindows(sql, orgId, events, now);
  const news = events.filter((e) => fired.has(e.groupKey));
  if (!news.length) return 0;
  const org = await sql.query<{ slug: string; name: string }>(
    `SELECT slug, name FROM organizations WHERE id = $1::uuid`,
    [orgId],
  );
  const teams = await sql.query<{ id: string; slug: string; name: string }>(
    `SELECT id, slug, name FROM teams WHERE org_id = $1::uuid`,
    [orgId],
  );
  const teamById = new Map(teams.rows.map((t) => [t.id, { slug: t.slug, name: t.name }]));
  const routing = await loadSubscriptions(sql, orgId);
  const personal = await loadPersonal(
    sql,
    orgId,
    news.flatMap((e) => (e.userId ? [e.userId] : [])),
  );
  const orgRow = org.rows[0] ?? { slug: "", name: "" };
  const orgUrl = `${appBaseUrl()}/o/${orgRow.slug}`;
  const rows: TMessageRow[] = [];
  for (const e of news) {
    const routes = e.userId
      ? personal
          .filter((s) => s.userId === e.userId && s.route.notify.events.includes(e.type))
          .filter((s) => e.items.some((item) => ruleMatches(s.match, item)))
          .map((s) => s.route)
      : notifyRoutesForEvent(routing, e.type, e.teamId, e.items);
    if (!routes.length) continue;
    const team = e.teamId ? (teamById.get(e.teamId) ?? null) : null;
    const content = e.message(fired.get(e.groupKey)!, { orgUrl, team });
    for (const target of routes) {
      // Each route its own message (its own id: Slack's client_msg_id, the webhook-id header).
      rows.push({ groupKey: null, teamId: e.teamId, target, message: messageOf(orgRow, team, e, content) });
    }
  }
  if (!rows.length) return 0;
  await insertMessages(sql, orgId, rows);
  await wakeDelivery(sql, orgId);
  return rows.length;
}
