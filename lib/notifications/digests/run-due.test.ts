import { describe, expect, it } from "vitest";
import { db, pool } from "@/lib/server/db";
import { RECURRING_JOBS } from "@/lib/worker/recurring";
import { createConnection } from "../connections/write";
import { createSubscription } from "../subscriptions/write";
import { seedDigestFixture, WEEK } from "./digest-testing";
import { DIGESTS_JOB, runDueDigests } from "./run-due";
import type { TDigestPayload } from "./types";

// The digest job on a moved clock: nothing before the hour, one outbox message per subscription
// at it (Slack, the install's email, a member's own address), empty digests only for those who
// want an "all clear", members who left switched off, the next send time in the team's zone.

const BASE = "https://bumpers.example";
const MONDAY_9 = WEEK.to; // 2026-12-07T09:00:00Z

type TRow = {
  channel: string;
  target: string;
  destination_id: string;
  destination_name: string;
  key_fingerprint: string;
  dedup_key: string;
  pace_per_minute: number;
  team_id: string | null;
  group_id: string | null;
  action: string;
  payload: TDigestPayload;
};

async function outbox(orgId: string): Promise<TRow[]> {
  const { rows } = await pool.query<TRow>(
    `SELECT channel::text AS channel, target, destination_id, destination_name, key_fingerprint, dedup_key,
            pace_per_minute, team_id, group_id, action::text AS action, payload
       FROM alert_events WHERE org_id = $1 ORDER BY id`,
    [orgId],
  );
  return rows;
}

async function setup() {
  const fx = await seedDigestFixture();
  const actor = { userId: fx.users.admin.id, label: fx.users.admin.email };
  const { connection: slack } = await createConnection(
    fx.org.id,
    actor,
    { teamId: null },
    { kind: "slack", name: "Acme Slack", botToken: "xoxb-1111-2222-abcdefghijklmnop" },
  );
  const weekly = { kind: "digest" as const, digestPeriod: "weekly" as const, digestHour: 9, digestWeekday: 1 };
  const subscribe = (owner: { teamId: string | null; userId?: string }, input: Record<string, unknown>) =>
    createSubscription(fx.org.id, actor, owner, { ...weekly, name: "Weekly digest", ...input });
  const teamA = await subscribe(
    { teamId: fx.a.id },
    { connectionId: slack.id, target: "C0TEAMA", targetLabel: "#team-a" },
  );
  const org = await subscribe({ teamId: null }, { target: "cto@acme.example, sre@acme.example" });
  const quietSilent = await subscribe({ teamId: fx.c.id }, { target: "quiet@acme.example", sendEmpty: false });
  const quietAllClear = await subscribe({ teamId: fx.c.id }, { target: "quiet2@acme.example", sendEmpty: true });
  // teamAdmin is on team A; member is on no team.
  const personal = await subscribe({ teamId: fx.a.id, userId: fx.users.teamAdmin.id }, {});
  const stranger = await subscribe({ teamId: fx.a.id, userId: fx.users.member.id }, {});
  // Created "now": move every one to this Monday 09:00 UTC, as if created a week before.
  await pool.query(`UPDATE notification_subscriptions SET next_digest_at = $2 WHERE org_id = $1`, [
    fx.org.id,
    MONDAY_9,
  ]);
  return { fx, slack, subs: { teamA, org, quietSilent, quietAllClear, personal, stranger } };
}

const run = (orgId: string, now: Date) => runDueDigests({ now, orgId, baseUrl: BASE });

async function schedule(id: string) {
  return db.notificationSubscription.findUniqueOrThrow({
    where: { id },
    select: { nextDigestAt: true, enabled: true },
  });
}

describe("runDueDigests", () => {
  it("queues one message per due subscription at its hour, and nothing before or twice", async () => {
    const { fx, slack, subs } = await setup();
    expect(await run(fx.org.id, new Date("2026-12-07T08:59:59Z"))).toEqual({ queued: 0, skipped: 0, switchedOff: 0 });
    expect(await outbox(fx.org.id)).toEqual([]);

    expect(await run(fx.org.id, new Date("2026-12-07T09:00:20Z"))).toEqual({ queued: 4, skipped: 1, switchedOff: 1 });
    const rows = await outbox(fx.org.id);
    const by = new Map(rows.map((r) => [r.destination_id, r]));
    expect([...by.keys()].sort()).toEqual([subs.teamA.id, subs.org.id, subs.quietAllClear.id, subs.personal.id].sort());

    const slackRow = by.get(subs.teamA.id)!;
    expect(slackRow).toMatchObject({
      action: "notify",
      channel: "slack",
      target: "C0TEAMA",
      team_id: fx.a.id,
      group_id: null,
      destination_name: "Weekly digest (#team-a)",
      key_fingerprint: `notify:slack:${slack.id}:C0TEAMA`,
      pace_per_minute: 60,
    });
    expect(slackRow.payload).toMatchObject({
      type: "digest",
      id: slackRow.dedup_key,
      subscriptionId: subs.teamA.id,
      digest: {
        kind: "weekly",
        team: { slug: fx.a.slug },
        period: { label: "Week of 30 Nov – 6 Dec 2026" },
        empty: false,
      },
    });
    expect(slackRow.payload.digest.findings.new.critical).toBe(1);

    expect(by.get(subs.org.id)).toMatchObject({
      channel: "email",
      target: "cto@acme.example, sre@acme.example",
      key_fingerprint: `notify:email:install:${fx.org.id}`,
      team_id: null,
      payload: { digest: { team: null, empty: false } },
    });
    // The member's own address, looked up when the digest goes out.
    expect(by.get(subs.personal.id)).toMatchObject({
      channel: "email",
      target: fx.users.teamAdmin.email,
      payload: { digest: { team: { slug: fx.a.slug } } },
    });
    // Quiet's "all clear" subscriber gets the empty digest; the other chose nothing.
    expect(by.get(subs.quietAllClear.id)!.payload.digest.empty).toBe(true);
    expect(new Set(rows.map((r) => r.dedup_key)).size).toBe(rows.length);

    // Everything sent or skipped moves to next Monday 09:00; the stranger's is switched off.
    for (const s of [subs.teamA, subs.org, subs.quietSilent, subs.quietAllClear, subs.personal]) {
      expect(await schedule(s.id)).toEqual({ nextDigestAt: new Date("2026-12-14T09:00:00Z"), enabled: true });
    }
    expect(await schedule(subs.stranger.id)).toEqual({ nextDigestAt: null, enabled: false });

    expect(await run(fx.org.id, new Date("2026-12-07T09:05:00Z"))).toEqual({ queued: 0, skipped: 0, switchedOff: 0 });
    expect(await outbox(fx.org.id)).toHaveLength(4);
  });

  it("switches off a personal digest once its member has left the team, and queues nothing for it", async () => {
    const { fx, subs } = await setup();
    await db.teamMembership.deleteMany({ where: { teamId: fx.a.id, userId: fx.users.teamAdmin.id } });
    const result = await run(fx.org.id, MONDAY_9);
    expect(result.switchedOff).toBe(2);
    expect((await outbox(fx.org.id)).some((r) => r.destination_id === subs.personal.id)).toBe(false);
    expect(await schedule(subs.personal.id)).toEqual({ nextDigestAt: null, enabled: false });
  });

  it("computes the next send time in the team's time zone", async () => {
    const { fx, subs } = await setup();
    await db.team.update({ where: { id: fx.a.id }, data: { timeZone: "Europe/Paris" } });
    await run(fx.org.id, MONDAY_9);
    // 09:00 in Paris (UTC+1 in December) on the next Monday; the org's digest stays on UTC.
    expect((await schedule(subs.teamA.id)).nextDigestAt).toEqual(new Date("2026-12-14T08:00:00Z"));
    expect((await schedule(subs.org.id)).nextDigestAt).toEqual(new Date("2026-12-14T09:00:00Z"));
  });

  it("queues each digest once when two workers run at the same time, in small batches", async () => {
    const { fx } = await setup();
    const results = await Promise.all([
      runDueDigests({ now: MONDAY_9, orgId: fx.org.id, baseUrl: BASE, batch: 2 }),
      runDueDigests({ now: MONDAY_9, orgId: fx.org.id, baseUrl: BASE, batch: 2 }),
    ]);
    expect(results.reduce((n, r) => n + r.queued, 0)).toBe(4);
    const rows = await outbox(fx.org.id);
    expect(rows).toHaveLength(4);
    expect(new Set(rows.map((r) => r.destination_id)).size).toBe(4);
  });

  it("runs every minute in the worker", () => {
    expect(RECURRING_JOBS.find((j) => j.name === DIGESTS_JOB)).toMatchObject({ cron: "* * * * *" });
  });
});
