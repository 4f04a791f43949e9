import { describe, expect, it } from "vitest";
import { alertOnFindingsTriaged } from "@/lib/alerting/hooks";
import { insertFindings, outbox, tenantWithRule } from "@/lib/alerting/test-helpers";
import { pool } from "@/lib/server/db";
import { inTransaction } from "@/lib/server/sql";
import { createTestCluster } from "@/lib/testing/factories";
import { expireResolutions } from "./expire-resolutions";
import { insertRule } from "./jobs-testing";
import { RECURRING_JOBS } from "@/lib/worker/recurring";

const MINUTE = 60_000;

describe("resolution expiries", () => {
  it("reopens expired resolutions for triage, says why on each finding, spends a rule's mark, and pages again", async () => {
    const { t } = await tenantWithRule({
      name: "Criticals",
      match: { minSeverity: "critical" },
      pdSeverity: "critical",
    });
    const cluster = await createTestCluster(t.org.id);
    await insertFindings({
      orgId: t.org.id,
      clusterId: cluster.id,
      teamId: t.team.id,
      checkId: "CVE-1",
      severity: "critical",
      count: 4,
    });
    const rule = await insertRule(t.org.id, {
      name: "Accepted risk",
      teamId: t.team.id,
      actions: { resolve: { resolution: "will_not_fix", reason: "Accepted until the fix ships", expiresInDays: 7 } },
    });
    const { rows } = await pool.query<{ id: string }>(`SELECT id FROM findings WHERE org_id = $1 ORDER BY id`, [
      t.org.id,
    ]);
    const [byRule, byRule2, byPerson, later] = rows.map((r) => r.id) as [string, string, string, string];
    const now = new Date();
    const resolve = (id: string, mark: string, expiresAt: Date) =>
      pool.query(
        `UPDATE findings SET resolution = 'will_not_fix', resolution_reason = 'Accepted', resolved_at = now(),
                resolution_expires_at = $3, rule_marks = jsonb_build_object('resolution', $2::text, 'tags', '{}'::jsonb)
          WHERE id = $1`,
        [id, mark, expiresAt],
      );
    await resolve(byRule, rule.id, new Date(now.getTime() - MINUTE));
    await resolve(byRule2, rule.id, now);
    await resolve(byPerson, "manual", new Date(now.getTime() - MINUTE));
    await resolve(later, rule.id, new Date(now.getTime() + MINUTE));
    // Everything resolved: the incident resolves.
    await inTransaction(pool, (c) =>
      alertOnFindingsTriaged(
        c,
        t.org.id,
        rows.map((r) => r.id),
      ),
    );
    expect((await outbox(t.org.id)).map((e) => e.action)).toEqual(["trigger", "resolve"]);

    expect(await expireResolutions(now)).toBe(3);
    const after = await pool.query<{
      id: string;
      resolution: string | null;
      resolution_expires_at: Date | null;
      rule_marks: Record<string, unknown>;
    }>(`SELECT id, resolution::text, resolution_expires_at, rule_marks FROM findings WHERE org_id = $1`, [t.org.id]);
    const byId = new Map(after.rows.map((r) => [r.id, r]));
    for (const id of [byRule, byRule2, byPerson]) {
      expect(byId.get(id)).toMatchObject({ resolution: null, resolution_expires_at: null });
    }
    expect(byId.get(byRule)!.rule_marks).toEqual({ resolution: `done:${rule.id}`, tags: {} });
    expect(byId.get(byPerson)!.rule_marks).toEqual({ resolution: "manual", tags: {} });
    expect(byId.get(later)).toMatchObject({ resolution: "will_not_fix" });

    const events = await pool.query<{ finding_id: string; actor_id: string | null; data: Record<string, unknown> }>(
      `SELECT finding_id, actor_id, data FROM finding_events WHERE org_id = $1 AND kind = 'unresolved'`,
      [t.org.id],
    );
    expect(events.rows).toHaveLength(3);
    expect(events.rows.find((e) => e.finding_id === byRule)).toEqual({
      finding_id: byRule,
      actor_id: null,
      data: {
        previousResolution: "will_not_fix",
        previousReason: "Accepted",
        expired: true,
        actorLabel: "Bumpers",
        rule: { id: rule.id, name: "Accepted risk", level: "team" },
      },
    });
    expect(events.rows.find((e) => e.finding_id === byPerson)!.data).not.toHaveProperty("rule");
    // Open again, so the incident fires again (a new one).
    expect((await outbox(t.org.id)).map((e) => e.action)).toEqual(["trigger", "resolve", "trigger"]);
    // Nothing left to expire until the last one's time comes.
    expect(await expireResolutions(now)).toBe(0);
    expect(await expireResolutions(new Date(now.getTime() + 2 * MINUTE))).toBe(1);
    expect(RECURRING_JOBS.find((j) => j.name === "expire-rule-resolutions")).toMatchObject({ cron: "* * * * *" });
  });
});
