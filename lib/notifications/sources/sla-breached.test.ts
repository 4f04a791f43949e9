import { describe, expect, it } from "vitest";
import { insertFindings } from "@/lib/alerting/test-helpers";
import { pool } from "@/lib/server/db";
import { markSlaBreaches } from "@/lib/sla/mark-breaches";
import { minutesAfter, queuedMessages, routed, runAt, sourcesSetup, subscribeElsewhere } from "./sources-testing";
import { slaBreachedSource } from "./sla-breached";

// Findings past their SLA due date reach the owning team's channels: one message per team and
// run listing its breached findings, never another team's, only for subscriptions that ask.

async function setup() {
  const s = await sourcesSetup(["finding.sla_breached"]);
  const add = (teamId: string, namespace: string, checkId: string, count: number) =>
    insertFindings({
      orgId: s.t.org.id,
      clusterId: s.cluster.id,
      teamId,
      checkId,
      severity: "critical",
      namespace,
      count,
    });
  await add(s.payments.id, "payments-api", "CVE-2026-0001", 30);
  await add(s.checkout.id, "checkout-web", "CVE-2026-0002", 1);
  // Past the default critical SLA (7 days), as if that time had passed.
  await pool.query(`UPDATE findings SET sla_started_at = now() - interval '8 days' WHERE org_id = $1`, [s.t.org.id]);
  const breach = () => markSlaBreaches(pool, s.t.org.id);
  return { ...s, breach };
}

describe("SLA breaches as notifications", () => {
  it("sends one message per team and run, listing the team's breached findings", async () => {
    const s = await setup();
    const t0 = new Date();
    expect((await s.breach()).marked).toBe(31);

    expect(await runAt(slaBreachedSource, s.t.org.id, minutesAfter(t0, 1))).toBe(4);
    const rows = await queuedMessages(s.t.org.id);
    expect(routed(rows).sort()).toEqual([
      ["finding.sla_breached", "C0CHECKOUT", "Checkout"],
      ["finding.sla_breached", "C0CHECKOUT", "Checkout"],
      ["finding.sla_breached", "C0PAYMENTS", "Payments"],
      ["finding.sla_breached", "C0PAYMENTS", "Payments"],
    ]);
    const payments = rows.find((r) => r.message.team?.name === "Payments")!.message;
    expect(payments).toMatchObject({
      title: "30 findings past their due date",
      severity: "critical",
      link: expect.stringContaining(`/o/${s.t.org.slug}/findings?team=`),
      moreCount: 10,
    });
    expect(payments.link).toContain("overdue=true");
    expect(payments.sample).toHaveLength(20);
    const checkout = rows.find((r) => r.message.team?.name === "Checkout")!.message;
    expect(checkout).toMatchObject({ title: "Past its due date: CVE-2026-0002 is wrong" });
    expect(checkout.facts).toEqual(expect.arrayContaining([{ label: "SLA", value: "7 days" }]));

    // The next run has nothing new; the breach is not announced twice.
    expect((await s.breach()).marked).toBe(0);
    expect(await runAt(slaBreachedSource, s.t.org.id, minutesAfter(t0, 2))).toBe(0);
  });

  it("sends nothing to subscriptions that do not ask for breaches, nor for findings fixed since", async () => {
    const s = await setup();
    const t0 = new Date();
    await subscribeElsewhere(s.t.org.id);
    await s.breach();
    expect(await runAt(slaBreachedSource, s.t.org.id, minutesAfter(t0, 1))).toBe(0);

    const t = await setup();
    await t.breach();
    await pool.query(`UPDATE findings SET status = 'fixed', fixed_at = now() WHERE org_id = $1`, [t.t.org.id]);
    expect(await runAt(slaBreachedSource, t.t.org.id, minutesAfter(t0, 1))).toBe(0);
  });
});
