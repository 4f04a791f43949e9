import "server-only";
import type { TActor } from "@/lib/auth/access";
import { createConnection } from "@/lib/notifications/connections/write";
import { createSubscription } from "@/lib/notifications/subscriptions/write";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { FAKE_SLACK_TOKEN } from "@/lib/testing/fake-slack";

// Acme's notifications, so a newcomer sees messages arrive: the org's Slack workspace (the local
// fake `npm start` runs; only when it runs) with a channel each for Payments and Platform, a weekly
// Payments digest in Slack, security leads by email, and the Payments lead's own weekly digest.
// Set up before the report history, so the demo's findings already sent their first messages.

export async function seedNotifications(
  orgId: string,
  actor: TActor,
  teamIds: ReadonlyMap<string, string>,
  lead: { id: string; email: string },
): Promise<void> {
  const payments = teamIds.get("payments");
  const platform = teamIds.get("platform");
  if (!payments || !platform) return;
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
    await createSubscription(
      orgId,
      actor,
      { teamId: payments },
      {
        name: "High and critical findings",
        connectionId: slack.id,
        target: "C0000PAYMENT",
        targetLabel: "#payments-alerts",
        events: [
          "finding_group.opened",
          "finding_group.reopened",
          "finding_group.grew",
          "finding_group.fixed",
          "budget.crossed",
        ],
        match: { minSeverity: "high" },
      },
    );
    await createSubscription(
      orgId,
      actor,
      { teamId: payments },
      {
        name: "Weekly digest",
        kind: "digest",
        connectionId: slack.id,
        target: "C0000PAYMENT",
        targetLabel: "#payments-alerts",
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
        name: "Stale clusters and critical security",
        connectionId: slack.id,
        target: "G00000ONCALL",
        targetLabel: "#platform-oncall",
        events: ["cluster.stale", "finding_group.opened", "finding_group.fixed"],
        match: { minSeverity: "critical", categories: ["security"] },
      },
    );
  }
  await createSubscription(
    orgId,
    actor,
    { teamId: null },
    {
      name: "Security leads: critical findings",
      target: "security-leads@acme.example",
      events: ["finding_group.opened", "finding_group.reopened"],
      match: { minSeverity: "critical", categories: ["security"] },
    },
  );
  await createSubscription(
    orgId,
    { userId: lead.id, label: lead.email },
    { teamId: payments, userId: lead.id },
    {
      name: "My weekly Payments digest",
      kind: "digest",
      digestPeriod: "weekly",
      digestWeekday: 1,
      digestHour: 8,
    },
  );
}
