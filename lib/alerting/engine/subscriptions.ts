import "server-only";
import { ZRuleMatch, type TAlertGrouping } from "../schemas";
import type { TSql } from "./sql";
import type { TEngineSubscription, TNotifyTarget } from "./types";

type TSubscriptionRow = {
  id: string;
  team_id: string | null;
  name: string;
  baseline: boolean;
  match: unknown;
  grouping: TAlertGrouping;
  events: string[];
  connection_id: string | null;
  channel: TNotifyTarget["channel"] | null;
  target: string;
  target_label: string;
};

/**
 * The pacing key of a destination: a Slack channel, or a whole connection. Mail through the
 * install's own SMTP server is paced per organization, so one org's flood of mail never holds
 * back another's.
 */
export function paceKeyOf(
  orgId: string,
  channel: TNotifyTarget["channel"],
  connectionId: string | null,
  target: string,
): string {
  return `notify:${channel}:${connectionId ?? `install:${orgId}`}${channel === "slack" ? `:${target}` : ""}`;
}

function targetOf(orgId: string, row: TSubscriptionRow): TNotifyTarget {
  const channel = row.channel ?? "email";
  return {
    channel,
    connectionId: row.connection_id,
    target: row.target,
    targetLabel: row.target_label,
    paceKey: paceKeyOf(orgId, channel, row.connection_id, row.target),
  };
}

/**
 * The org's enabled events subscriptions (not personal), and each team's own channel: its oldest
 * subscription's target, where baseline subscriptions send that team's news. A broken
 * connection still gets its messages queued: they fail visibly in the log rather than vanish.
 */
export async function loadSubscriptions(
  sql: TSql,
  orgId: string,
): Promise<{ subscriptions: TEngineSubscription[]; teamChannel: Map<string, TNotifyTarget> }> {
  const { rows } = await sql.query<TSubscriptionRow>(
    `SELECT s.id, s.team_id, s.name, s.baseline, s.match, s.grouping::text AS grouping, s.events, s.connection_id,
            c.kind::text AS channel, s.target, s.target_label
       FROM notification_subscriptions s
       LEFT JOIN notification_connections c ON c.id = s.connection_id
      WHERE s.org_id = $1::uuid AND s.kind = 'events' AND s.enabled AND s.user_id IS NULL
      ORDER BY s.created_at, s.id`,
    [orgId],
  );
  const subscriptions = rows.map((r) => ({
    id: r.id,
    teamId: r.team_id,
    name: r.name,
    baseline: r.baseline,
    match: ZRuleMatch.parse(r.match ?? {}),
    grouping: r.grouping,
    events: r.events,
    target: targetOf(orgId, r),
  }));
  const teamChannel = new Map<string, TNotifyTarget>();
  for (const s of subscriptions) if (s.teamId && !teamChannel.has(s.teamId)) teamChannel.set(s.teamId, s.target);
  return { subscriptions, teamChannel };
}
