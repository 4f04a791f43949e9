import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createDestination } from "@/lib/alerting/destinations/create-destination";
import { createRule } from "@/lib/alerting/rules/create-rule";
import { ingest, polarisReport, workloads } from "@/lib/alerting/test-helpers";
import { pool } from "@/lib/server/db";
import { pagerDutySource } from "./pagerduty";
import { minutesAfter, queuedMessages, routed, runAt, sourcesSetup, subscribeElsewhere } from "./sources-testing";

// PagerDuty incidents mirrored to the group's team: opened when PagerDuty accepted the firing's
// first trigger, resolved when it accepted the resolve, threaded by the dedup key.

const PRIV = { id: "privilegeEscalationAllowed", message: "Privilege escalation should not be allowed" };

/** Two on-call services; every finding group pages both (the first rule continues to the second). */
async function setup() {
  const s = await sourcesSetup(["pagerduty.incident_opened", "pagerduty.incident_resolved"]);
  for (const name of ["Primary on-call", "Secondary on-call"]) {
    const destination = await createDestination(s.t.org.id, s.actor, {
      name,
      routingKey: randomBytes(16).toString("hex"),
      teamId: null,
    });
    await createRule(s.t.org.id, s.actor, null, {
      name: `Page ${name}`,
      match: {},
      destinationId: destination.id,
      pdSeverity: "critical",
      grouping: "check",
      continueMatching: true,
    });
  }
  return s;
}

/** PagerDuty accepts everything queued for it so far, at `at`. */
async function deliverPagerDuty(orgId: string, at: Date) {
  await pool.query(
    `UPDATE alert_events SET status = 'delivered', delivered_at = $2
      WHERE org_id = $1 AND channel = 'pagerduty' AND status = 'pending'`,
    [orgId, at],
  );
}

describe("the PagerDuty mirror", () => {
  it("mirrors a firing's opening and its resolve once each, to the group's team, in one thread", async () => {
    const s = await setup();
    const t0 = new Date();
    const all = workloads(20, ["payments-api"]);
    await ingest(s.t.org.id, s.cluster.id, "polaris", polarisReport(all.slice(0, 5), [PRIV]));
    // Not delivered yet: nothing to mirror.
    expect(await runAt(pagerDutySource, s.t.org.id, minutesAfter(t0, 1))).toBe(0);

    await deliverPagerDuty(s.t.org.id, minutesAfter(t0, 1));
    expect(await runAt(pagerDutySource, s.t.org.id, minutesAfter(t0, 2))).toBe(2);
    let rows = await queuedMessages(s.t.org.id);
    expect(routed(rows)).toEqual([
      ["pagerduty.incident_opened", "C0PAYMENTS", "Payments"],
      ["pagerduty.incident_opened", "C0PAYMENTS", "Payments"],
    ]);
    const { rows: triggers } = await pool.query<{ dedup_key: string; group_id: string }>(
      `SELECT dedup_key, group_id FROM alert_events WHERE org_id = $1 AND channel = 'pagerduty' ORDER BY id`,
      [s.t.org.id],
    );
    expect(triggers).toHaveLength(2); // one per service, one firing
    const opened = rows[0]!;
    expect(opened.thread_key).toBe(triggers[0]!.dedup_key);
    expect(opened.message).toMatchObject({
      title: expect.stringMatching(/^PagerDuty incident opened: /),
      severity: "critical",
      state: "open",
      link: expect.stringContaining(`/o/${s.t.org.slug}/alerting/log?group=${triggers[0]!.group_id}`),
    });

    // More workloads: PagerDuty gets an update of the same incident, which is not news here.
    await ingest(s.t.org.id, s.cluster.id, "polaris", polarisReport(all, [PRIV]));
    await deliverPagerDuty(s.t.org.id, minutesAfter(t0, 3));
    expect(await runAt(pagerDutySource, s.t.org.id, minutesAfter(t0, 4))).toBe(0);

    // All fixed: resolved, in the opening's thread.
    await ingest(s.t.org.id, s.cluster.id, "polaris", polarisReport(all, []));
    await deliverPagerDuty(s.t.org.id, minutesAfter(t0, 5));
    expect(await runAt(pagerDutySource, s.t.org.id, minutesAfter(t0, 6))).toBe(2);
    rows = await queuedMessages(s.t.org.id);
    expect(routed(rows.slice(2))).toEqual([
      ["pagerduty.incident_resolved", "C0PAYMENTS", "Payments"],
      ["pagerduty.incident_resolved", "C0PAYMENTS", "Payments"],
    ]);
    expect(rows[2]!.thread_key).toBe(opened.thread_key);
    expect(rows[2]!.message).toMatchObject({ severity: null, state: "resolved" });

    // The watermark moved on: nothing more.
    expect(await runAt(pagerDutySource, s.t.org.id, minutesAfter(t0, 7))).toBe(0);
  });

  it("reaches a team without its own channel through the baseline", async () => {
    const s = await setup();
    const t0 = new Date();
    await ingest(s.t.org.id, s.cluster.id, "polaris", polarisReport(workloads(3, ["quiet-jobs"]), [PRIV]));
    await deliverPagerDuty(s.t.org.id, t0);
    expect(await runAt(pagerDutySource, s.t.org.id, minutesAfter(t0, 1))).toBe(1);
    expect(routed(await queuedMessages(s.t.org.id))).toEqual([["pagerduty.incident_opened", "C0PLATFORM", "Quiet"]]);
  });

  it("queues nothing when no subscription wants the mirror", async () => {
    const s = await setup();
    await subscribeElsewhere(s.t.org.id);
    const t0 = new Date();
    await ingest(s.t.org.id, s.cluster.id, "polaris", polarisReport(workloads(3, ["payments-api"]), [PRIV]));
    await deliverPagerDuty(s.t.org.id, t0);
    expect(await runAt(pagerDutySource, s.t.org.id, minutesAfter(t0, 1))).toBe(0);
    expect(await queuedMessages(s.t.org.id)).toEqual([]);
  });
});
