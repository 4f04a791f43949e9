import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { deliverDueEvents } from "@/lib/alerting/delivery/deliver";
import { retryDelivery } from "@/lib/alerting/delivery/retry-event";
import { ingest, polarisReport, workloads } from "@/lib/alerting/test-helpers";
import { db, pool } from "@/lib/server/db";
import { resetEnvCache } from "@/lib/server/env";
import { actorFor, createTestCluster, createTestTeam, createTestTenant } from "@/lib/testing/factories";
import { FAKE_SLACK_TOKEN, startFakeSlack, type TFakeSlack } from "@/lib/testing/fake-slack";
import { startFakeSmtp, type TFakeSmtp } from "@/lib/testing/fake-smtp";
import { startFakeWebhookReceiver } from "@/lib/testing/fake-webhook-receiver";
import { slackChannelsOf, testConnection } from "../connections/test-connection";
import { createConnection, updateConnection } from "../connections/write";
import { createSubscription } from "../subscriptions/write";
import { unsubscribeByToken } from "../subscriptions/write";
import { verifyUnsubscribe } from "../unsubscribe-token";
import { runDueDigests, sendDigestNow } from "../digests/run-due";
import { sendMessage } from "./send-message";

// The whole path on a real database and real HTTP/SMTP servers: a report's findings become alert
// groups, subscriptions queue messages in the outbox, and the delivery loop sends them to the
// local fakes of Slack, a webhook receiver and an SMTP server.

const PRIV = { id: "privilegeEscalationAllowed", message: "Privilege escalation should not be allowed" };
let slack: TFakeSlack;
let smtp: TFakeSmtp;
const saved = { ...process.env };

beforeAll(async () => {
  slack = await startFakeSlack({ port: 0 });
  smtp = await startFakeSmtp({ smtpPort: 0, httpPort: 0 });
  Object.assign(process.env, {
    SLACK_API_URL: slack.apiUrl,
    BUMPERS_ALLOW_PRIVATE_DESTINATIONS: "true",
    BUMPERS_MAIL_TRANSPORT: "smtp",
    SMTP_URL: smtp.smtpUrl,
  });
  resetEnvCache();
});
afterAll(async () => {
  for (const key of ["SLACK_API_URL", "BUMPERS_ALLOW_PRIVATE_DESTINATIONS", "BUMPERS_MAIL_TRANSPORT", "SMTP_URL"]) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  resetEnvCache();
  await slack.close();
  await smtp.close();
});
beforeEach(() => {
  slack.reset();
  smtp.reset();
});

/** Delivers everything due for the org, moving the clock past any retry delay. */
async function deliverAll(orgId: string, now = new Date()) {
  let delivered = 0;
  for (let i = 0; i < 20; i++) {
    const step = await deliverDueEvents({ orgId, now, limit: 100, sendMessage, random: () => 0 });
    delivered += step.delivered;
    if (!step.claimed) return delivered;
  }
  return delivered;
}

async function setup() {
  const t = await createTestTenant();
  const actor = { userId: t.users.admin.id, label: t.users.admin.email };
  // Everything here is done by the org admin; the tests name only the owner team (null: the org) and the input.
  const connect = (teamId: string | null, input: Parameters<typeof createConnection>[3]) =>
    createConnection(t.org.id, actor, { teamId }, input);
  const subscribe = (teamId: string | null, input: Parameters<typeof createSubscription>[3]) =>
    createSubscription(t.org.id, actor, { teamId }, input);
  const payments = await createTestTeam(t.org.id, {
    slug: `payments-${t.org.slug}`.slice(0, 40),
    name: "Payments",
    rules: [{ effect: "include", cluster: "*", namespace: "payments-*", kind: "*", name: "*" }],
  });
  const cluster = await createTestCluster(t.org.id, { slug: "prod-eu" });
  const { connection } = await connect(null, { kind: "slack", name: "Acme Slack", botToken: FAKE_SLACK_TOKEN });
  await subscribe(payments.id, {
    name: "Payments findings",
    connectionId: connection.id,
    target: "C0000PAYMENT",
    targetLabel: "#payments-alerts",
    events: ["finding_group.opened", "finding_group.grew", "finding_group.fixed"],
  });
  return { t, actor, payments, cluster, connection, connect, subscribe };
}

const statuses = async (orgId: string) =>
  (
    await pool.query<{ status: string; attempts: number; error: string | null }>(
      `SELECT status::text, attempts, error FROM alert_events WHERE org_id = $1 AND action = 'notify' ORDER BY id`,
      [orgId],
    )
  ).rows;

describe("delivering messages", () => {
  it("posts one Slack message per group, replies in its thread as it grows and is fixed, and updates the parent", async () => {
    const { t, cluster } = await setup();
    const all = workloads(60, ["payments-api"]);
    await ingest(t.org.id, cluster.id, "polaris", polarisReport(all.slice(0, 40), [PRIV]));
    expect(await deliverAll(t.org.id)).toBe(1);
    let messages = slack.messages("C0000PAYMENT");
    expect(messages).toHaveLength(1);
    const parent = messages[0]!;
    expect(parent.threadTs).toBeNull();
    expect(parent.text).toContain("Privilege escalation");

    await ingest(t.org.id, cluster.id, "polaris", polarisReport(all, [PRIV]));
    await ingest(t.org.id, cluster.id, "polaris", polarisReport(all, []));
    expect(await deliverAll(t.org.id)).toBe(2);
    messages = slack.messages("C0000PAYMENT");
    expect(messages).toHaveLength(3);
    expect(messages.slice(1).every((m) => m.threadTs === parent.ts)).toBe(true);
    // The parent now says it is fixed.
    expect(messages[0]!.editedAt).not.toBeNull();
    expect(messages[0]!.text).toMatch(/Fixed/);
    expect(slack.messages("C00000ALERTS")).toEqual([]);
  });

  it("honours Slack's 429 and Retry-After, then delivers once", async () => {
    const { t, cluster } = await setup();
    slack.failNext("ratelimited", 1);
    await ingest(t.org.id, cluster.id, "polaris", polarisReport(workloads(3, ["payments-api"]), [PRIV]));
    const now = new Date();
    expect(await deliverAll(t.org.id, now)).toBe(0);
    const [waiting] = await statuses(t.org.id);
    expect(waiting).toMatchObject({ status: "pending", attempts: 1 });
    const { rows } = await pool.query<{ wait: number }>(
      `SELECT extract(epoch FROM next_attempt_at - $2::timestamptz)::float AS wait FROM alert_events WHERE org_id = $1 AND action = 'notify'`,
      [t.org.id, now],
    );
    expect(rows[0]!.wait).toBeGreaterThanOrEqual(1);
    expect(await deliverAll(t.org.id, new Date(now.getTime() + 60_000))).toBe(1);
    expect(slack.messages("C0000PAYMENT")).toHaveLength(1);
    expect((await statuses(t.org.id))[0]).toMatchObject({ status: "delivered", attempts: 2 });
  });

  it("marks the connection broken on a revoked token and tells the org's admins by email", async () => {
    const { t, cluster, connection } = await setup();
    slack.revokeToken(FAKE_SLACK_TOKEN);
    try {
      await ingest(t.org.id, cluster.id, "polaris", polarisReport(workloads(3, ["payments-api"]), [PRIV]));
      await deliverAll(t.org.id);
    } finally {
      slack.reset();
      await slack.close();
      slack = await startFakeSlack({ port: 0 });
      process.env.SLACK_API_URL = slack.apiUrl;
      resetEnvCache();
    }
    expect((await statuses(t.org.id))[0]).toMatchObject({ status: "failed", attempts: 1 });
    const row = await db.notificationConnection.findUniqueOrThrow({ where: { id: connection.id } });
    expect(row).toMatchObject({ status: "broken" });
    expect(row.brokenReason).toMatch(/token_revoked/);
    const notice = await smtp.waitForMessage((m) => m.to.includes(t.users.admin.email));
    expect(notice.subject).toContain("stopped working");
    expect(notice.text).not.toContain(FAKE_SLACK_TOKEN);
  });

  it("sends a failed delivery again on Retry, once its connection is fixed; only the org's own", async () => {
    const { t, actor, cluster } = await setup();
    const other = await createTestTenant();
    slack.failNext("500", 30);
    await ingest(t.org.id, cluster.id, "polaris", polarisReport(workloads(3, ["payments-api"]), [PRIV]));
    let now = new Date(Date.now() + 1000);
    for (let i = 0; i < 26; i++) {
      await deliverAll(t.org.id, now);
      now = new Date(now.getTime() + 3_600_000);
    }
    const { rows } = await pool.query<{ id: string; status: string }>(
      `SELECT id::text, status::text FROM alert_events WHERE org_id = $1 AND action = 'notify'`,
      [t.org.id],
    );
    expect(rows[0]).toMatchObject({ status: "failed" });
    slack.reset();
    await expect(retryDelivery(other.org.id, actor, rows[0]!.id)).rejects.toMatchObject({ code: "not_found" });
    await retryDelivery(t.org.id, actor, rows[0]!.id);
    await expect(retryDelivery(t.org.id, actor, rows[0]!.id)).rejects.toMatchObject({ code: "bad_request" });
    expect(await deliverAll(t.org.id, now)).toBe(1);
    expect(slack.messages("C0000PAYMENT")).toHaveLength(1);
  });

  // The receiver checks each delivery with the standardwebhooks package's own Webhook.verify.
  it("signs webhooks the Standard Webhooks way", async () => {
    const { t, actor, payments, cluster, connect, subscribe } = await setup();
    const created = await connect(payments.id, {
      kind: "webhook",
      name: "SIEM",
      url: "https://placeholder.example/hook",
    });
    const receiver = await startFakeWebhookReceiver({ port: 0, secret: created.signingSecret });
    try {
      await updateConnection(t.org.id, actor, { teamId: payments.id }, created.connection.id, {
        url: receiver.hookUrl,
      });
      await subscribe(payments.id, {
        name: "To the SIEM",
        connectionId: created.connection.id,
        events: ["finding_group.opened"],
      });
      await ingest(t.org.id, cluster.id, "polaris", polarisReport(workloads(3, ["payments-api"]), [PRIV]));
      await deliverAll(t.org.id);
      const [delivery] = receiver.deliveries();
      expect(delivery).toMatchObject({ verified: true, type: "finding_group.opened", duplicates: 0 });
    } finally {
      await receiver.close();
    }
  });

  it("emails a subscription's addresses with a working one-click unsubscribe", async () => {
    const { t, payments, cluster, subscribe } = await setup();
    const sub = await subscribe(payments.id, {
      name: "Leads by email",
      target: "lead@example.com, cto@example.com",
      events: ["finding_group.opened"],
    });
    await ingest(t.org.id, cluster.id, "polaris", polarisReport(workloads(3, ["payments-api"]), [PRIV]));
    await deliverAll(t.org.id);
    const mail = await smtp.waitForMessage((m) => m.to.includes("lead@example.com"));
    expect(mail.subject).toContain("Privilege escalation");
    expect(mail.html).toContain("payments-api");
    const link = /<([^>]+\/unsubscribe\/([^>]+))>/.exec(mail.headers["list-unsubscribe"] ?? "");
    expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    // Mail clients POST to the one-click endpoint; the footer's link opens the page, which asks first.
    expect(link![1]).toMatch(/\/api\/v1\/unsubscribe\/[^/]+$/);
    expect(mail.html).toContain(`/unsubscribe/${link![2]}"`);
    expect(mail.html).not.toContain(`/api/v1/unsubscribe/`);
    const payload = verifyUnsubscribe(link![2]!);
    expect(payload).toMatchObject({ subscriptionId: sub.id, address: "lead@example.com" });
    await unsubscribeByToken({ subscriptionId: payload!.subscriptionId, address: payload!.address! });
    expect((await db.notificationSubscription.findUniqueOrThrow({ where: { id: sub.id } })).target).toBe(
      "cto@example.com",
    );
  });
});

describe("send test", () => {
  it("checks a Slack token, posts to the chosen channel, and lists the channels for the picker", async () => {
    const { t, actor, connection } = await setup();
    const result = await testConnection(t.org.id, actor, { teamId: null }, connection.id, { channel: "C00000ALERTS" });
    expect(result).toMatchObject({ ok: true, message: expect.stringContaining("Connected to") });
    expect(slack.messages("C00000ALERTS")[0]!.text).toContain("Test message from Bumpers");
    const { channels } = await slackChannelsOf(t.org.id, { teamId: null }, connection.id);
    expect(channels.map((c) => c.name)).toContain("payments-alerts");
  });

  it("shows the provider's refusal as the result and marks the connection broken", async () => {
    const { t, actor, payments, connect } = await setup();
    const hook = await connect(payments.id, {
      kind: "slack_webhook",
      name: "Gone webhook",
      url: slack.webhookUrl("C0000PAYMENT"),
    });
    slack.setWebhookState(slack.webhookUrl("C0000PAYMENT"), "no_service");
    const result = await testConnection(t.org.id, actor, { teamId: payments.id }, hook.connection.id);
    expect(result.ok).toBe(false);
    expect(result.message).toContain("no_service");
    expect((await db.notificationConnection.findUniqueOrThrow({ where: { id: hook.connection.id } })).status).toBe(
      "broken",
    );
    // Another team cannot test it.
    await expect(testConnection(t.org.id, actor, { teamId: t.team.id }, hook.connection.id)).rejects.toMatchObject({
      code: "not_found",
    });
  });
});

describe("digests", () => {
  it("sends a member's weekly digest by email with its charts inline, and a team's to Slack", async () => {
    const { t, payments, cluster, connection, subscribe } = await setup();
    const { addTeamMember } = await import("@/lib/testing/factories");
    await addTeamMember(t.org.id, payments.id, t.users.editor.id, "editor");
    await ingest(t.org.id, cluster.id, "polaris", polarisReport(workloads(4, ["payments-api"]), [PRIV]));
    await createSubscription(
      t.org.id,
      actorFor(t.users.editor),
      { teamId: payments.id, userId: t.users.editor.id },
      {
        name: "My weekly digest",
        kind: "digest",
        digestPeriod: "weekly",
        digestWeekday: 1,
        digestHour: 9,
      },
    );
    await subscribe(payments.id, {
      name: "Team digest",
      kind: "digest",
      connectionId: connection.id,
      target: "C0000PAYMENT",
      targetLabel: "#payments-alerts",
      digestPeriod: "daily",
      digestHour: 9,
    });
    await deliverAll(t.org.id);
    slack.reset();
    const inAWeek = new Date(Date.now() + 8 * 86_400_000);
    const run = await runDueDigests({ now: inAWeek, orgId: t.org.id });
    expect(run.queued).toBe(2);
    await deliverAll(t.org.id, inAWeek);
    const mail = await smtp.waitForMessage((m) => m.to.includes(t.users.editor.email));
    expect(mail.subject).toMatch(/weekly digest/);
    expect(mail.attachments.filter((a) => a.contentType === "image/png" && a.cid).length).toBeGreaterThan(0);
    expect(mail.headers["list-unsubscribe"]).toContain("/unsubscribe/");
    const [digest] = slack.messages("C0000PAYMENT");
    expect(digest?.text).toMatch(/digest/i);
  });

  it("sends a digest now as a preview, only to its owner, without moving its schedule", async () => {
    const { t, payments } = await setup();
    const { addTeamMember } = await import("@/lib/testing/factories");
    await addTeamMember(t.org.id, payments.id, t.users.editor.id, "editor");
    const owner = { teamId: payments.id, userId: t.users.editor.id };
    const sub = await createSubscription(t.org.id, actorFor(t.users.editor), owner, {
      name: "My weekly digest",
      kind: "digest",
    });
    await expect(
      sendDigestNow(t.org.id, { teamId: payments.id, userId: t.users.viewer.id }, sub.id),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await sendDigestNow(t.org.id, owner, sub.id)).toEqual({ queued: true });
    await deliverAll(t.org.id);
    const mail = await smtp.waitForMessage((m) => m.to.includes(t.users.editor.email));
    expect(mail.subject).toMatch(/digest/);
    const after = await db.notificationSubscription.findUniqueOrThrow({ where: { id: sub.id } });
    expect(after.nextDigestAt).toEqual(sub.nextDigestAt);
  });
});
