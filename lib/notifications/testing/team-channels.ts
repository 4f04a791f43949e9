import "server-only";
import type { TRuleMatch } from "@/lib/alerting/schemas";
import type { TNotificationEventType } from "@/lib/domain/notification-events";
import { ZNotification, type TNotification } from "@/lib/domain/notification-message";
import { pool } from "@/lib/server/db";
import { createTestCluster, createTestTeam, createTestTenant } from "@/lib/testing/factories";
import { createConnection } from "../connections/write";
import { createSubscription } from "../subscriptions/write";

// An org for routing tests: Payments and Checkout subscribe their own Slack channels, Quiet
// configured nothing, and the org's baseline sends to each team's own channel (#platform for a
// team without one).

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

const TOKEN = "xoxb-1111-2222-abcdefghijklmnop";

/** Every subscription listens to `events`; the baseline's match is `baselineMatch` (default: all). */
export async function teamChannelsSetup(
  events: readonly TNotificationEventType[],
  options: { baselineMatch?: Partial<TRuleMatch> } = {},
) {
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
      ...(options.baselineMatch ? { match: options.baselineMatch } : {}),
      baseline: true,
    },
  );
  return { t, actor, payments, checkout, quiet, cluster, slack, baseline };
}
