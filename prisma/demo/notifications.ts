import "server-only";
import type { TActor } from "@/lib/auth/access";
import { createConnection } from "@/lib/notifications/connections/write";
import { sendDigestNow } from "@/lib/notifications/digests/run-due";
import { createSubscription } from "@/lib/notifications/subscriptions/write";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { FAKE_SLACK_TOKEN } from "@/lib/testing/fake-slack";

// Acme's notifications, so a newcomer sees messages arrive: the org's Slack workspace (the local
// fake `npm start` runs; only when it runs) with a channel each for Payments and Platform, a weekly
// Payments digest in Slack, a daily org digest for the security leads by email, and the Payments
// lead's own weekly digest. Set up before the report history, so the demo's findings already sent
// their first messages; the two mailed digests go out once after the history (the returned
// function), so the inbox has them. The channels take configuration findings (Polaris, Pluto,
// Nova, kube-bench): each image vulnerability is an alert group of its own, which digests summarize.

const FINDING_LIFE = [
  "finding_group.opened",
  "finding_group.reopened",
  "finding_group.grew",
  "finding_group.fixed",
] as const;

export async function seedNotifications(
  orgId: string,
  actor: TActor,
  teamIds: ReadonlyMap<string, string>,
  lead: { id: string; email: string },
): Promise<() => Promise<void>> {
  const payments = teamIds.get("payments");
  const platform = teamIds.get("platform");
  if (!payments || !platform) return async () => undefined;
  await db.team.updateMany({ where: { orgId, id: { in: [payments, platform] } }, data: { timeZone: "Europe/Berlin" } });
  if (env().BUMPERS_DEMO_SLACK_URL) {
    const { connection: slack } = await createConnection(
      orgId,
      actor,
      { teamId: null },
      {
        kind: "slack",
        name: "Acme Slack",
        botToken: FAKE_SLACK_TOKEN,
      },
    );
    await db.notificationConnection.update({
      where: { id: slack.id },
      data: { settings: { workspace: "Acme (fake Slack)", botName: "bumpers" } },
    });
    const paymentsChannel = { connectionId: slack.id, target: "C0000PAYMENT", targetLabel: "#payments-alerts" };
    await createSubscription(
      orgId,
      actor,
      { teamId: payments },
      {
        name: "High and critical findings",
        ...paymentsChannel,
        events: [...FINDING_LIFE, "budget.crossed"],
        match: { minSeverity: "high", sources: ["polaris", "pluto", "nova"] },
      },
    );
    await createSubscription(
      orgId,
      actor,
      { teamId: payments },
      {
        name: "Weekly digest",
        kind: "digest",
        ...paymentsChannel,
        digestPeriod: "weekly",
        digestWeekday: 1,
        digestHour: 9,
      },
    );
    await createSubscription(
      orgId,
      actor,
      { teamId: platform },
      {
        name: "Stale clusters and security",
        connectionId: slack.id,
        target: "G00000ONCALL",
        targetLabel: "#platform-oncall",
        events: ["cluster.stale", ...FINDING_LIFE],
        match: { minSeverity: "high", categories: ["security"], sources: ["polaris", "kube-bench"] },
      },
    );
  }
  const leads = await createSubscription(
    orgId,
    actor,
    { teamId: null },
    {
      name: "Security leads: daily digest",
      kind: "digest",
      target: "security-leads@acme.example",
      digestPeriod: "daily",
      digestHour: 8,
    },
  );
  const own = await createSubscription(
    orgId,
    { userId: lead.id, label: lead.email },
    { teamId: payments, userId: lead.id },
    { name: "Payments weekly digest", kind: "digest", digestPeriod: "weekly", digestWeekday: 1, digestHour: 8 },
  );
  return async () => {
    await sendDigestNow(orgId, { teamId: null }, leads.id);
    await sendDigestNow(orgId, { teamId: payments, userId: lead.id }, own.id);
  };
}
