import { describe, expect, it } from "vitest";
import { pool } from "@/lib/server/db";
import { admissionSource } from "./admission";
import { clockAt } from "./cursor";
import {
  expectTwoForPayments,
  minutesAfter,
  queuedMessages,
  routed,
  runAt,
  sourcesSetup,
  subscribeElsewhere,
} from "./sources-testing";

// Denials (and passive mode's would-deny) from the decision log: one message per object and
// blocking checks per hour, with the count, to the owning team's channels only.

type TSetup = Awaited<ReturnType<typeof sourcesSetup>>;

/** `times` decisions about one object at `at` (a controller retrying it). */
async function decide(
  s: TSetup,
  object: { teamId: string | null; namespace: string; name: string; passive?: boolean },
  times: number,
  at: Date,
) {
  await pool.query(
    `INSERT INTO admission_decisions (org_id, cluster_id, team_id, uid, operation, namespace, kind, name, username,
                                      outcome, passive, blocking, created_at)
     SELECT $1, $2, $3, 'uid-' || i, 'CREATE', $4, 'Deployment', $5, 'system:serviceaccount:ci:deployer',
            $6::admission_outcome, $7, '{runAsPrivileged,privilegeEscalationAllowed}', $8
       FROM generate_series(1, $9) AS i`,
    [
      s.t.org.id,
      s.cluster.id,
      object.teamId,
      object.namespace,
      object.name,
      object.passive ? "allowed" : "denied",
      object.passive ?? false,
      at,
      times,
    ],
  );
}

describe("admission denials as notifications", () => {
  it("queues one message per object and window with the count, to the owning team's channels only", async () => {
    const s = await sourcesSetup(["admission.denied", "admission.would_deny"]);
    const t0 = new Date();
    const api = { teamId: s.payments.id, namespace: "payments-api", name: "api" };
    await decide(s, api, 5, t0);

    // Checkout hears nothing.
    let rows = await expectTwoForPayments(admissionSource, s.t.org.id, minutesAfter(t0, 1), "admission.denied");
    const first = rows[0]!.message;
    expect(first).toMatchObject({
      title: "Denied Deployment payments-api/api in Prod EU",
      severity: "critical",
      summary: expect.stringContaining("5 times: it fails Privilege escalation allowed, Privileged container"),
    });
    expect(first.facts).toContainEqual({ label: "Requests", value: "5" });
    expect(first.facts).toContainEqual({ label: "Namespace", value: "payments-api" });
    expect(first.link).toContain(`/o/${s.t.org.slug}/policies/decisions?range=24h&team=`);
    expect(first.link).toContain("cluster=prod-eu&outcome=denied");

    // Nothing new: nothing queued, and the org is no longer among those with news.
    expect(await runAt(admissionSource, s.t.org.id, minutesAfter(t0, 2))).toBe(0);
    expect(await admissionSource.orgs(clockAt(minutesAfter(t0, 2)))).not.toContain(s.t.org.id);

    // The controller keeps retrying within the hour: counted, not sent.
    await decide(s, api, 3, minutesAfter(t0, 5));
    expect(await admissionSource.orgs(clockAt(minutesAfter(t0, 6)))).toContain(s.t.org.id);
    expect(await runAt(admissionSource, s.t.org.id, minutesAfter(t0, 6))).toBe(0);

    // An hour after the first message: one more, counting every retry since it, in the same thread.
    await decide(s, api, 2, minutesAfter(t0, 62));
    expect(await runAt(admissionSource, s.t.org.id, minutesAfter(t0, 63))).toBe(2);
    rows = await queuedMessages(s.t.org.id);
    expect(rows).toHaveLength(4);
    const again = rows[2]!;
    expect(again.message.facts).toContainEqual({
      label: "Requests",
      value: `5 since ${minutesAfter(t0, 1).toISOString().slice(0, 16).replace("T", " ")} UTC`,
    });
    expect(again.thread_key).toBe(rows[0]!.thread_key);
  });

  it("reaches a team without its own channel through the baseline; passive mode's would-deny is its own event", async () => {
    const s = await sourcesSetup(["admission.denied", "admission.would_deny"]);
    const t0 = new Date();
    await decide(s, { teamId: s.quiet.id, namespace: "quiet-jobs", name: "nightly", passive: true }, 2, t0);
    await decide(s, { teamId: s.checkout.id, namespace: "checkout-web", name: "web" }, 1, t0);
    expect(await runAt(admissionSource, s.t.org.id, minutesAfter(t0, 1))).toBe(3);
    const rows = await queuedMessages(s.t.org.id);
    expect(routed(rows).sort()).toEqual([
      ["admission.denied", "C0CHECKOUT", "Checkout"],
      ["admission.denied", "C0CHECKOUT", "Checkout"],
      ["admission.would_deny", "C0PLATFORM", "Quiet"],
    ]);
    const wouldDeny = rows.find((r) => r.type === "admission.would_deny")!.message;
    expect(wouldDeny.title).toBe("Would deny Deployment quiet-jobs/nightly in Prod EU (passive mode)");
    expect(wouldDeny.link).toContain("outcome=would_deny");
  });

  it("queues nothing when no subscription wants admission events, and does not send those decisions later", async () => {
    const s = await sourcesSetup(["admission.denied"]);
    await subscribeElsewhere(s.t.org.id);
    const t0 = new Date();
    await decide(s, { teamId: s.payments.id, namespace: "payments-api", name: "api" }, 3, t0);
    expect(await runAt(admissionSource, s.t.org.id, minutesAfter(t0, 1))).toBe(0);
    // Subscribing afterwards does not replay what the cursor has passed.
    await pool.query(`UPDATE notification_subscriptions SET events = '{admission.denied}' WHERE org_id = $1`, [
      s.t.org.id,
    ]);
    expect(await runAt(admissionSource, s.t.org.id, minutesAfter(t0, 2))).toBe(0);
    expect(await queuedMessages(s.t.org.id)).toEqual([]);
  });

  it("leaves decisions younger than the settle time for the next run", async () => {
    const s = await sourcesSetup(["admission.denied"]);
    const t0 = new Date();
    await decide(s, { teamId: s.payments.id, namespace: "payments-api", name: "api" }, 1, t0);
    expect(await runAt(admissionSource, s.t.org.id, new Date(t0.getTime() + 10_000))).toBe(0);
    expect(await runAt(admissionSource, s.t.org.id, minutesAfter(t0, 1))).toBe(2);
  });
});
