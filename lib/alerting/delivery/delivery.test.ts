import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, pool } from "@/lib/server/db";
import { createTestCluster } from "@/lib/testing/factories";
import { startFakePagerDuty, type TFakePagerDuty } from "@/lib/testing/fake-pagerduty";
import { getDestination } from "../destinations/queries";
import { sealRoutingKey } from "../destinations/routing-key";
import { sqlOf } from "../engine/sql";
import { insertFindings, outbox, tenantWithRule } from "../test-helpers";
import { claimDueEvents, deliverClaimedEvent, deliverDueEvents, LEASE_MS } from "./deliver";
import { takeRateToken } from "./rate-limit";

// Delivery against a real HTTP fake: retries, permanent failures, leases and pacing. Time moves by
// passing `now` forward instead of waiting.

let fake: TFakePagerDuty;
beforeAll(async () => {
  fake = await startFakePagerDuty({ port: 0 });
});
afterAll(async () => {
  await fake.close();
});

const later = (ms: number) => new Date(Date.now() + ms);

/** An org whose baseline pages one fresh key; `count` groups of critical findings open. */
async function orgWithEvents(groups = 1) {
  const { t, actor, key, destination } = await tenantWithRule({
    name: "Criticals",
    match: { minSeverity: "critical" },
    pdSeverity: "critical",
  });
  const cluster = await createTestCluster(t.org.id);
  for (let i = 0; i < groups; i++) {
    await insertFindings({
      orgId: t.org.id,
      clusterId: cluster.id,
      teamId: null,
      checkId: `CVE-${i}`,
      severity: "critical",
      count: 2,
    });
  }
  return { t, actor, key, destination, cluster };
}

/** Delivers only this org's events (other tests' may be pending in the same database). */
const deliverOrg = (orgId: string, options: Parameters<typeof deliverDueEvents>[0] = {}) =>
  deliverDueEvents({ url: `${fake.url}/v2/enqueue`, limit: 50, orgId, ...options });

describe("outbox delivery", () => {
  it("429 then 202: retried after the backoff and delivered once", async () => {
    const { t, key } = await orgWithEvents();
    fake.failNext("429");
    expect(await deliverOrg(t.org.id, { random: () => 0 })).toMatchObject({ claimed: 1, retried: 1 });
    let [event] = await outbox(t.org.id);
    expect(event).toMatchObject({ status: "pending", attempts: 1 });
    const row = await db.alertEvent.findFirstOrThrow({ where: { orgId: t.org.id } });
    expect(row.responseStatus).toBe(429);
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    // Not due before the backoff ends.
    expect(await deliverOrg(t.org.id)).toMatchObject({ claimed: 0 });
    expect(await deliverOrg(t.org.id, { now: later(5_000) })).toMatchObject({ claimed: 1, delivered: 1 });
    [event] = await outbox(t.org.id);
    expect(event).toMatchObject({ status: "delivered", attempts: 2 });
    expect(fake.incidents({ routingKey: key })).toEqual([
      expect.objectContaining({ triggers: 1, status: "triggered" }),
    ]);
    expect(fake.events().filter((e) => e.routingKey === key && e.answer === 202)).toHaveLength(1);
  });

  it("500s and a hanging PagerDuty are retried; the timeout does not hold the batch", async () => {
    const { t, key } = await orgWithEvents();
    fake.failNext("500");
    expect(await deliverOrg(t.org.id)).toMatchObject({ retried: 1 });
    fake.failNext("hang");
    expect(await deliverOrg(t.org.id, { now: later(10 * 60_000), timeoutMs: 300 })).toMatchObject({ retried: 1 });
    const row = await db.alertEvent.findFirstOrThrow({ where: { orgId: t.org.id } });
    expect(row.error).toMatch(/timed out/);
    expect(await deliverOrg(t.org.id, { now: later(30 * 60_000) })).toMatchObject({ delivered: 1 });
    expect(fake.incidents({ routingKey: key })).toHaveLength(1);
  });

  it("400: failed for good with PagerDuty's errors on the event and the destination, no retry", async () => {
    const { t, destination } = await orgWithEvents();
    // An event PagerDuty refuses (no summary), as a buggy payload would be.
    await pool.query(`UPDATE alert_events SET payload = payload #- '{payload,summary}' WHERE org_id = $1`, [t.org.id]);
    const before = fake.events().length;
    expect(await deliverOrg(t.org.id)).toMatchObject({ claimed: 1, failed: 1 });
    const row = await db.alertEvent.findFirstOrThrow({ where: { orgId: t.org.id } });
    expect(row).toMatchObject({ status: "failed", attempts: 1, responseStatus: 400 });
    expect(row.response).toMatchObject({ status: "invalid event", errors: ["'payload.summary' is missing or blank"] });
    const shown = await getDestination(t.org.id, destination.id);
    expect(shown.lastError).toMatchObject({
      message: "Event object is invalid",
      errors: ["'payload.summary' is missing or blank"],
    });
    // Nothing more is sent, however often the worker runs.
    for (const ms of [0, 60_000, 3_600_000])
      expect(await deliverOrg(t.org.id, { now: later(ms) })).toMatchObject({ claimed: 0 });
    expect(fake.events().length).toBe(before + 1);
  });

  it("a worker killed between claim and send: the event is delivered after the lease expires", async () => {
    const { t, key } = await orgWithEvents();
    const claimed = await claimDueEvents({ limit: 50, orgId: t.org.id });
    expect(claimed.map((c) => c.orgId)).toEqual([t.org.id]);
    // …and the process dies here. Another worker sees nothing while the lease holds.
    expect(await deliverOrg(t.org.id)).toMatchObject({ claimed: 0 });
    expect(await deliverOrg(t.org.id, { now: later(LEASE_MS + 1000) })).toMatchObject({ delivered: 1 });
    expect((await outbox(t.org.id))[0]).toMatchObject({ status: "delivered", attempts: 2 });
    expect(fake.incidents({ routingKey: key })).toHaveLength(1);
  });

  it("events of one group go in order: the resolve waits for its trigger", async () => {
    const { t, key, cluster } = await orgWithEvents();
    await pool.query(`UPDATE findings SET status = 'fixed' WHERE org_id = $1`, [t.org.id]);
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      const { evaluateFindingAlerts } = await import("../engine/evaluate");
      await evaluateFindingAlerts(client, t.org.id);
      await client.query("COMMIT");
    } finally {
      client.release();
    }
    expect((await outbox(t.org.id)).map((e) => e.action)).toEqual(["trigger", "resolve"]);
    fake.failNext("500");
    expect(await deliverOrg(t.org.id)).toMatchObject({ claimed: 1, retried: 1 });
    // The trigger is backing off: the resolve is not due either.
    expect(await deliverOrg(t.org.id)).toMatchObject({ claimed: 0 });
    expect(await deliverOrg(t.org.id, { now: later(60_000) })).toMatchObject({ claimed: 1, delivered: 1 });
    expect(await deliverOrg(t.org.id, { now: later(60_000) })).toMatchObject({ claimed: 1, delivered: 1 });
    expect(fake.incidents({ routingKey: key })).toEqual([expect.objectContaining({ status: "resolved" })]);
    expect(cluster.id).toBeTruthy();
  });

  it("paces each routing key below 120 events a minute, shared through the database", async () => {
    const fingerprint = randomBytes(8).toString("hex");
    const now = new Date();
    const sql = sqlOf(pool);
    const decisions = [];
    for (let i = 0; i < 15; i++) decisions.push(await takeRateToken(sql, fingerprint, now));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
    const refused = decisions.find((d) => !d.allowed);
    expect(refused && !refused.allowed && refused.retryAt.getTime()).toBeGreaterThan(now.getTime());
    // Over a simulated minute, no more than 110 go through.
    let allowed = 10;
    for (let ms = 0; ms < 60_000; ms += 100) {
      if ((await takeRateToken(sql, fingerprint, new Date(now.getTime() + ms))).allowed) allowed++;
    }
    expect(allowed).toBeLessThanOrEqual(110);
    expect(allowed).toBeGreaterThanOrEqual(100);
  });

  it("a key without room is skipped by the claim; a throttled event is handed back without counting", async () => {
    const { t } = await orgWithEvents(3);
    const pace = { perMinute: 60, burst: 1 };
    expect(await deliverOrg(t.org.id, pace)).toMatchObject({ claimed: 1, delivered: 1 });
    expect(await deliverOrg(t.org.id, pace)).toMatchObject({ claimed: 0 });
    // A worker with a looser idea of the limit claims anyway; the shared pacing still refuses.
    const [event] = await claimDueEvents({ limit: 1, perMinute: 60, burst: 5, orgId: t.org.id });
    expect(await deliverClaimedEvent(event!, { ...pace, url: `${fake.url}/v2/enqueue` })).toBe("throttled");
    const rows = await outbox(t.org.id);
    expect(rows.filter((r) => r.status === "pending").every((r) => r.attempts === 0)).toBe(true);
    expect(await deliverOrg(t.org.id, { ...pace, now: later(1500) })).toMatchObject({ delivered: 1 });
  });

  it("an unreadable key (sealed for another destination) fails the event instead of retrying forever", async () => {
    const { t } = await orgWithEvents();
    await pool.query(`UPDATE alert_events SET routing_key_ciphertext = $2 WHERE org_id = $1`, [
      t.org.id,
      sealRoutingKey("00000000-0000-4000-8000-000000000000", "x".repeat(32)),
    ]);
    expect(await deliverOrg(t.org.id)).toMatchObject({ failed: 1 });
  });
});
