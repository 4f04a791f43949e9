import "server-only";
import type { TSql } from "./sql";
import { PACE_PER_MINUTE } from "./notify";
import type { TMessageInsert, TPlan } from "./transitions";

/** The channel the delivery loop listens on; a hint only (it also polls). */
export const ALERTS_CHANNEL = "bumpers_alerts";

/** Tells the delivery loop there is something to send (delivered on commit). */
export async function wakeDelivery(sql: TSql, orgId: string): Promise<void> {
  await sql.query(`SELECT count(*)::int AS n FROM (SELECT pg_notify($1, $2)) n`, [ALERTS_CHANNEL, orgId]);
}

/**
 * Writes a plan in the caller's transaction: a handful of set-based statements whatever the
 * number of groups (JSON recordsets, never a statement per group or event).
 */
export async function writePlan(sql: TSql, orgId: string, plan: TPlan): Promise<{ events: number }> {
  const open = plan.groups.filter((g) => g.status === "open" && g.desired);
  const resolved = plan.groups.filter((g) => g.status === "resolved").map((g) => g.groupKey);
  if (open.length) {
    const rows = open.map((g) => {
      const d = g.desired!;
      return {
        team_id: d.teamId,
        kind: d.kind,
        group_key: g.groupKey,
        grouping: d.grouping,
        subject: d.subject,
        scope: d.scope,
        title: d.title,
        epoch: g.epoch,
        dedup_key: g.dedupKey,
        paged: d.routes.some((r) => !r.notify),
        pd_severity: d.pdSeverity,
        affected_count: d.affectedCount,
        details: { ...d.facts.customDetails, summary: d.facts.summary, link: d.facts.link, source: d.facts.source },
        reopened: g.reopened,
      };
    });
    await sql.query(
      `INSERT INTO alert_groups AS g (org_id, team_id, kind, group_key, grouping, subject, scope, title, epoch, status,
                                     dedup_key, paged, pd_severity, affected_count, details, opened_at, updated_at)
       SELECT $1::uuid, x.team_id, x.kind::alert_rule_kind, x.group_key, x.grouping::alert_grouping, x.subject,
              x.scope, x.title, x.epoch, 'open', x.dedup_key, x.paged, x.pd_severity::pagerduty_severity,
              x.affected_count, x.details, now(), now()
         FROM jsonb_to_recordset($2::jsonb) AS x(team_id uuid, kind text, group_key text, grouping text, subject text,
              scope jsonb, title text, epoch int, dedup_key text, paged boolean, pd_severity text,
              affected_count int, details jsonb, reopened boolean)
       ON CONFLICT (org_id, group_key) DO UPDATE SET
         team_id = EXCLUDED.team_id, grouping = EXCLUDED.grouping, scope = EXCLUDED.scope, title = EXCLUDED.title,
         epoch = EXCLUDED.epoch, status = 'open', dedup_key = EXCLUDED.dedup_key, paged = EXCLUDED.paged,
         pd_severity = EXCLUDED.pd_severity, affected_count = EXCLUDED.affected_count, details = EXCLUDED.details,
         opened_at = CASE WHEN g.status = 'resolved' THEN now() ELSE g.opened_at END,
         updated_at = now(), resolved_at = NULL`,
      [orgId, JSON.stringify(rows)],
    );
  }
  if (resolved.length) {
    await sql.query(
      `UPDATE alert_groups SET status = 'resolved', resolved_at = now(), updated_at = now()
        WHERE org_id = $1::uuid AND group_key = ANY($2::text[])`,
      [orgId, resolved],
    );
  }
  if (plan.routeResolves.length) {
    await sql.query(
      `UPDATE alert_routes SET status = 'resolved', resolved_at = now() WHERE org_id = $1::uuid AND id = ANY($2::uuid[])`,
      [orgId, plan.routeResolves],
    );
  }
  if (plan.routeInserts.length) {
    const rows = plan.routeInserts.map((r) => ({
      group_key: r.groupKey,
      destination_id: r.target.destinationId,
      ciphertext: r.target.routingKeyCiphertext,
      fingerprint: r.target.keyFingerprint,
      epoch: r.epoch,
    }));
    await sql.query(
      `INSERT INTO alert_routes (org_id, group_id, destination_id, routing_key_ciphertext, key_fingerprint, epoch)
       SELECT $1::uuid, g.id, x.destination_id, x.ciphertext, x.fingerprint, x.epoch
         FROM jsonb_to_recordset($2::jsonb) AS x(group_key text, destination_id uuid, ciphertext text, fingerprint text, epoch int)
         JOIN alert_groups g ON g.org_id = $1::uuid AND g.group_key = x.group_key`,
      [orgId, JSON.stringify(rows)],
    );
  }
  if (plan.events.length) {
    const rows = plan.events.map((e) => ({
      group_key: e.groupKey,
      team_id: e.teamId,
      destination_id: e.target.destinationId,
      destination_name: e.target.destinationName,
      ciphertext: e.target.routingKeyCiphertext,
      fingerprint: e.target.keyFingerprint,
      action: e.body.event_action,
      dedup_key: e.body.dedup_key,
      payload: e.body,
    }));
    // In plan order, so ids (and thus delivery order within a group) follow it.
    await sql.query(
      `INSERT INTO alert_events (org_id, team_id, group_id, destination_id, destination_name, routing_key_ciphertext,
                                 key_fingerprint, action, dedup_key, payload)
       SELECT $1::uuid, (e.j->>'team_id')::uuid, g.id, (e.j->>'destination_id')::uuid, e.j->>'destination_name',
              e.j->>'ciphertext', e.j->>'fingerprint', (e.j->>'action')::alert_action, e.j->>'dedup_key', e.j->'payload'
         FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS e(j, n)
         JOIN alert_groups g ON g.org_id = $1::uuid AND g.group_key = e.j->>'group_key'
        ORDER BY e.n`,
      [orgId, JSON.stringify(rows)],
    );
  }
  if (plan.messages.length) await insertMessages(sql, orgId, plan.messages);
  if (plan.events.length || plan.messages.length) await wakeDelivery(sql, orgId);
  return { events: plan.events.length + plan.messages.length };
}

/** A message row: of an alert group (its key), or of an event that is none (null, e.g. an admission denial). */
export type TMessageRow = Omit<TMessageInsert, "groupKey"> & { groupKey: string | null };

/** Messages to subscriptions, into the same outbox (one statement, in the given order). */
export async function insertMessages(sql: TSql, orgId: string, messages: readonly TMessageRow[]): Promise<void> {
  const rows = messages.map((m) => ({
    group_key: m.groupKey,
    team_id: m.teamId,
    subscription_id: m.target.notify.subscriptionId,
    name: m.target.destinationName,
    channel: m.target.notify.channel,
    connection_id: m.target.notify.connectionId,
    target: m.target.notify.target,
    pace_key: m.target.notify.paceKey,
    pace: PACE_PER_MINUTE[m.target.notify.channel],
    thread_key: m.message.threadKey ?? null,
    message: m.message,
  }));
  // A group's row takes its group's id (and is left out should the group be missing, as before);
  // an event's row has none.
  await sql.query(
    `INSERT INTO alert_events (org_id, team_id, group_id, destination_id, destination_name, key_fingerprint, action,
                               dedup_key, payload, channel, connection_id, target, thread_key, pace_per_minute)
     SELECT $1::uuid, (e.j->>'team_id')::uuid, g.id, (e.j->>'subscription_id')::uuid, e.j->>'name', e.j->>'pace_key',
            'notify', e.j->'message'->>'id', e.j->'message', (e.j->>'channel')::outbox_channel,
            (e.j->>'connection_id')::uuid, e.j->>'target', e.j->>'thread_key', (e.j->>'pace')::int
       FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS e(j, n)
       LEFT JOIN alert_groups g ON g.org_id = $1::uuid AND g.group_key = e.j->>'group_key'
      WHERE e.j->>'group_key' IS NULL OR g.id IS NOT NULL
      ORDER BY e.n`,
    [orgId, JSON.stringify(rows)],
  );
}
