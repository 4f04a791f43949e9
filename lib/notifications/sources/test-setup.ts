import "server-only";
import type { TNotificationEventType } from "@/lib/domain/notification-events";
import { ZNotification, type TNotification } from "@/lib/domain/notification-message";
import { pool } from "@/lib/server/db";
import { createTestCluster, createTestTeam, createTestTenant } from "@/lib/testing/factories";
import { createConnection } from "../connections/write";
import { createSubscription } from "../subscriptions/write";
import { clockAt, type TSource } from "./cursor";
import { runSourceForOrg } from "./run-sources";

// The sources' tests share one org: Payments and Checkout subscribe their own Slack channels to
// the source's event types, Quiet configured nothing, and the org's baseline sends the same types
// to each team's own channel (#platform for a team without one).

export type TMessageRow = { channel: string; target: string; type: string; thread_key: string; message: TNotification };

/** The org's queued messages, oldest first; each must parse as the neutral message. */
export async function queuedMessages(orgId: string): Promise<TMessageRow[]> {
  const { rows } = await pool.query<TMessageRow>(
    `SELECT e.channel::text AS channel, e.target, e.payload->>'type' AS type, e.thread_key, e.payload AS message
       FROM alert_events e
      WHERE e.org_id = $1 AND e.action = 'notify' ORDER BY e.id`,
    [orgId],
  );
  for (const r of rows) ZNotification.parse(r.message);
  return rows;
}

/** `[type, channel, team]` of each message, for compact assertions. */
export const routed = (rows: readonly TMessageRow[]) =>
  rows.map((r) => [r.type, r.target, r.message.team?.name ?? null] as const);

const TOKEN = "xoxb-1111-2222-abcdefghijklmnop";

export async function sourcesSetup(events: readonly TNotificationEventType[]) {
  const t = await createTestTenant();
  const actor = { userId: t.users.admin.id, label: t.users.admin.email };
  const team = (slug: string) =>
    createTestTeam(t.org.id, {
      slug: `${slug}-${t.org.slug}`.slice(0, 40),
      name: slug[0]!.toUpperCase() + slug.slice(1),
      rules: [{ effect: "include", cluster: "*", namespace: `${slug}-*`, kind: "*", name: "*" }],
    });
  const payments = await team("payments");
  const checkout = await team("checkout");
  const quiet = await team("quiet");
  const cluster = await createTestCluster(t.org.id, { slug: "prod-eu", name: "Prod EU" });
  const { connection: slack } = await createConnection(
    t.org.id,
    actor,
    { teamId: null },
    { kind: "slack", name: "Acme Slack", botToken: TOKEN },
  );
  for (const [owner, channel] of [
    [payments, "C0PAYMENTS"],
    [checkout, "C0CHECKOUT"],
  ] as const) {
    await createSubscription(
      t.org.id,
      actor,
      { teamId: owner.id },
      {
        name: `${owner.name} news`,
        connectionId: slack.id,
        target: channel,
        targetLabel: `#${owner.name.toLowerCase()}`,
        events: [...events],
      },
    );
  }
  const baseline = await createSubscription(
    t.org.id,
    actor,
    { teamId: null },
    {
      name: "Org baseline",
      connectionId: slack.id,
      target: "C0PLATFORM",
      targetLabel: "#platform",
      events: [...events],
      baseline: true,
    },
  );
  return { t, actor, payments, checkout, quiet, cluster, slack, baseline };
}

/** Switches every subscription of the org to other events: nobody wants the source's type. */
export async function subscribeElsewhere(orgId: string) {
  await pool.query(`UPDATE notification_subscriptions SET events = '{cluster.stale}' WHERE org_id = $1`, [orgId]);
}

/** One run of `source` for this org only, as the job at `now` would do it. */
export const runAt = (source: TSource, orgId: string, now: Date) => runSourceForOrg(source, orgId, clockAt(now));

export const minutesAfter = (base: Date, minutes: number) => new Date(base.getTime() + minutes * 60_000);
