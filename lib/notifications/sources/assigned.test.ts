import { describe, expect, it } from "vitest";
import { insertFindings } from "@/lib/alerting/test-helpers";
import { orgWideScope } from "@/lib/auth/visibility-scope";
import { assignFindings } from "@/lib/findings/triage";
import type { TTriageContext } from "@/lib/findings/triage-context";
import { pool } from "@/lib/server/db";
import { addTeamMember } from "@/lib/testing/factories";
import { createSubscription } from "../subscriptions/write";
import { assignedSource } from "./assigned";
import { minutesAfter, queuedMessages, runAt, sourcesSetup } from "./sources-testing";

// Findings assigned to a member reach their own subscription by email: one mail per assignee and
// run whatever the number of findings, never another member's, never a team channel.

async function setup() {
  // Team channels that ask for assignments still get none: an assignment is personal news only.
  const s = await sourcesSetup(["finding.assigned"]);
  const { editor: ana, viewer: bo } = s.t.users;
  for (const user of [ana, bo]) {
    await addTeamMember(s.t.org.id, s.payments.id, user.id, "editor");
    await createSubscription(
      s.t.org.id,
      { userId: user.id, label: user.email },
      { teamId: null, userId: user.id },
      { name: "Assigned to me", events: ["finding.assigned"], match: { minSeverity: "high" } },
    );
  }
  await insertFindings({
    orgId: s.t.org.id,
    clusterId: s.cluster.id,
    teamId: s.payments.id,
    checkId: "CVE-2026-0001",
    severity: "critical",
    namespace: "payments-api",
    count: 30,
  });
  await insertFindings({
    orgId: s.t.org.id,
    clusterId: s.cluster.id,
    teamId: s.payments.id,
    checkId: "tagNotSpecified",
    severity: "low",
    namespace: "payments-api",
    count: 2,
  });
  const { rows } = await pool.query<{ id: string; severity: string }>(
    `SELECT id, severity::text AS severity FROM findings WHERE org_id = $1 ORDER BY severity, id`,
    [s.t.org.id],
  );
  const critical = rows.filter((r) => r.severity === "critical").map((r) => r.id);
  const low = rows.filter((r) => r.severity === "low").map((r) => r.id);
  const as = (userId: string): TTriageContext => ({
    scope: orgWideScope(s.t.org.id),
    triageScope: orgWideScope(s.t.org.id),
    actor: { userId, label: "someone" },
  });
  return { ...s, ana, bo, critical, low, as };
}

/** Messages queued to one address. */
const to = async (orgId: string, email: string) => (await queuedMessages(orgId)).filter((r) => r.target === email);

describe("assigned findings as personal notifications", () => {
  it("mails the assignee once per run for a bulk assignment, and nobody else", async () => {
    const s = await setup();
    const t0 = new Date();
    await assignFindings(s.as(s.t.users.admin.id), s.critical, s.ana.id);

    expect(await runAt(assignedSource, s.t.org.id, minutesAfter(t0, 1))).toBe(1);
    const rows = await queuedMessages(s.t.org.id);
    expect(rows.map((r) => [r.type, r.channel, r.target])).toEqual([["finding.assigned", "email", s.ana.email]]);
    const message = rows[0]!.message;
    expect(message).toMatchObject({
      title: "30 findings assigned to you",
      severity: "critical",
      team: { name: "Payments" },
      link: expect.stringContaining(`/o/${s.t.org.slug}/findings?assignee=me`),
      moreCount: 10,
    });
    expect(message.sample).toHaveLength(20);
    expect(message.facts).toContainEqual({ label: "Assigned by", value: s.t.users.admin.name });

    // The watermark moved: nothing again.
    expect(await runAt(assignedSource, s.t.org.id, minutesAfter(t0, 2))).toBe(0);
  });

  it("follows the subscription's match, and skips assigning yourself or an assignment already moved on", async () => {
    const s = await setup();
    const t0 = new Date();
    // Low severity: below Ana's "high and above".
    await assignFindings(s.as(s.t.users.admin.id), s.low, s.ana.id);
    // Bo takes one himself.
    await assignFindings(s.as(s.bo.id), s.critical.slice(0, 1), s.bo.id);
    // Given to Ana, then to Bo before the run: only Bo hears of it.
    await assignFindings(s.as(s.t.users.admin.id), s.critical.slice(1, 2), s.ana.id);
    await assignFindings(s.as(s.t.users.admin.id), s.critical.slice(1, 2), s.bo.id);
    expect(await runAt(assignedSource, s.t.org.id, minutesAfter(t0, 1))).toBe(1);
    expect(await to(s.t.org.id, s.ana.email)).toEqual([]);
    const [bo] = await to(s.t.org.id, s.bo.email);
    expect(bo!.message.title).toBe("Assigned to you: CVE-2026-0001 is wrong");
    expect(bo!.message.link).toContain(`/findings/${s.critical[1]}`);
  });

  it("sends nothing to a member without a personal subscription for assignments", async () => {
    const s = await setup();
    await pool.query(
      `UPDATE notification_subscriptions SET enabled = false WHERE org_id = $1 AND user_id IS NOT NULL`,
      [s.t.org.id],
    );
    const t0 = new Date();
    await assignFindings(s.as(s.t.users.admin.id), s.critical, s.ana.id);
    expect(await runAt(assignedSource, s.t.org.id, minutesAfter(t0, 1))).toBe(0);
    expect(await queuedMessages(s.t.org.id)).toEqual([]);
  });
});
