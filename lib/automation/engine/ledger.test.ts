import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { pool } from "@/lib/server/db";
import { createTestUser } from "@/lib/testing/factories";
import { createEngineWorld, insertRule, ledgerOf, openFindings, runInTransaction } from "./engine-testing";
import { loadActiveRules } from "./load-rules";
import { inTransaction } from "@/lib/server/sql";

// The run ledger (per rule: when, how many, how long, errors), a failing rule that does not stop
// the others, dispatches for ticket / notify / page actions, and stored rules that cannot be used.

async function allIds(orgId: string) {
  return (await openFindings(orgId)).map((f) => f.id);
}

describe("the ledger and dispatches", () => {
  it("records one row per rule that matched, and adds a job's batches into one row", async () => {
    const { t } = await createEngineWorld();
    const org = t.org.id;
    const hit = await insertRule(org, {
      name: "Tag system",
      conditions: [
        { field: "namespace", values: ["kube-system"] },
        { field: "source", values: ["polaris"] },
      ],
      actions: { addTags: ["system"] },
    });
    const miss = await insertRule(org, {
      name: "Nothing",
      conditions: [{ field: "namespace", values: ["nowhere"] }],
      actions: { addTags: ["never"] },
    });
    const ids = await allIds(org);
    await runInTransaction({ orgId: org, trigger: "apply" }, { kind: "ids", ids });
    expect(await ledgerOf(hit.id)).toEqual([
      expect.objectContaining({ trigger: "apply", matched: 2, changed: 2, error: null, job_id: null }),
    ]);
    expect(await ledgerOf(miss.id)).toEqual([]);

    const { rows } = await pool.query<{ id: string }>(
      `INSERT INTO automation_jobs (org_id, trigger, status) VALUES ($1, 'apply', 'running') RETURNING id`,
      [org],
    );
    const jobId = rows[0]!.id;
    const [first, ...others] = ids;
    await runInTransaction({ orgId: org, trigger: "apply", jobId }, { kind: "ids", ids: [first!] });
    await runInTransaction({ orgId: org, trigger: "apply", jobId }, { kind: "ids", ids: others });
    const jobRows = (await ledgerOf(hit.id)).filter((r) => r.job_id === jobId);
    expect(jobRows).toEqual([expect.objectContaining({ matched: 2, changed: 0 })]);
  });

  it("rolls back a failing rule, records its error and applies the others", async () => {
    const { t } = await createEngineWorld();
    const org = t.org.id;
    const broken = await insertRule(org, {
      name: "Broken",
      conditions: [{ field: "namespace", values: ["shop-*"] }],
      actions: { addTags: ["broken"] },
    });
    const fine = await insertRule(org, {
      name: "Fine",
      conditions: [{ field: "namespace", values: ["shop-*"] }],
      actions: { addTags: ["fine"] },
    });
    // A condition value that passes no schema reaches the database only this way; it fails there.
    const rules = [
      { ...broken, conditions: [{ field: "team" as const, values: ["not-a-team-id"], negate: false }] },
      fine,
    ];
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const result = await runInTransaction(
      { orgId: org, trigger: "apply" },
      { kind: "ids", ids: await allIds(org) },
      {
        rules,
      },
    );
    errors.mockRestore();
    expect(result.rules[0]).toMatchObject({ ruleId: broken.id, matched: 0, error: expect.stringContaining("uuid") });
    expect(result.rules[1]).toMatchObject({ ruleId: fine.id, matched: 4, changed: 4 });
    const tags = (await openFindings(org)).filter((f) => f.tags.length).map((f) => f.tags);
    expect(tags).toEqual([["fine"], ["fine"], ["fine"], ["fine"]]);
    expect(await ledgerOf(broken.id)).toEqual([
      expect.objectContaining({ matched: 0, error: expect.stringContaining("uuid") }),
    ]);
  });

  it("skips an assignee who left the org, with an error in the ledger, and still applies the rest", async () => {
    const { t } = await createEngineWorld();
    const org = t.org.id;
    const outsider = await createTestUser();
    const rule = await insertRule(org, {
      name: "To someone gone",
      conditions: [{ field: "namespace", values: ["shop-api"] }],
      actions: { assign: { userId: outsider.id }, addTags: ["orphan"] },
    });
    await runInTransaction({ orgId: org, trigger: "apply" }, { kind: "ids", ids: await allIds(org) });
    const rows = (await openFindings(org)).filter((f) => f.namespace === "shop-api");
    expect(rows.map((f) => [f.assignee_id, f.tags])).toEqual([
      [null, ["orphan"]],
      [null, ["orphan"]],
    ]);
    expect(await ledgerOf(rule.id)).toEqual([
      expect.objectContaining({ matched: 2, changed: 2, error: expect.stringContaining("no longer a member") }),
    ]);
  });

  it("dispatches ticket / notify / page once per finding the rule newly matches", async () => {
    const { t } = await createEngineWorld();
    const org = t.org.id;
    const rule = await insertRule(org, {
      name: "Tell the shop",
      conditions: [{ field: "namespace", values: ["shop-api"] }],
      actions: { notify: { connectionId: randomUUID() }, ticket: {} },
    });
    const ids = await allIds(org);
    const result = await runInTransaction({ orgId: org, trigger: "apply" }, { kind: "ids", ids });
    // No field changed; the rule matched and fired.
    expect(result.changedFindings).toBe(0);
    const shopApi = (await openFindings(org)).filter((f) => f.namespace === "shop-api");
    const dispatches = async () =>
      (
        await pool.query<{ action: string; finding_ids: string[] }>(
          `SELECT action, finding_ids FROM automation_dispatches WHERE rule_id = $1 ORDER BY action`,
          [rule.id],
        )
      ).rows;
    const expected = shopApi.map((f) => f.id).sort();
    expect(await dispatches()).toEqual([
      { action: "notify", finding_ids: expected },
      { action: "ticket", finding_ids: expected },
    ]);
    for (const f of shopApi) expect(f.rule_marks).toEqual({ sent: { [rule.id]: true } });
    // Again: nothing new to send.
    await runInTransaction({ orgId: org, trigger: "apply" }, { kind: "ids", ids });
    expect(await dispatches()).toHaveLength(2);
  });

  it("loads only enabled, unexpired, parsable rules, org rules first", async () => {
    const { t, shop } = await createEngineWorld();
    const org = t.org.id;
    const teamRule = await insertRule(org, { name: "Team", actions: { addTags: ["t"] } }, shop.id);
    const second = await insertRule(org, { name: "Org 2", actions: { addTags: ["b"] } });
    const first = await insertRule(org, { name: "Org 1", actions: { addTags: ["a"] } });
    await pool.query(`UPDATE automation_rules SET position = 0 WHERE id = $1`, [first.id]);
    await insertRule(org, { name: "Off", enabled: false, actions: { addTags: ["off"] } });
    await insertRule(org, { name: "Expired", expiresAt: new Date(Date.now() - 1000), actions: { addTags: ["x"] } });
    const corrupt = await insertRule(org, { name: "Corrupt", actions: { addTags: ["c"] } });
    await pool.query(`UPDATE automation_rules SET actions = '{"severity": {"to": "urgent"}}' WHERE id = $1`, [
      corrupt.id,
    ]);
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const rules = await inTransaction(pool, (client) => loadActiveRules(client, org, new Date()));
    expect(errors).toHaveBeenCalledWith(expect.stringContaining(corrupt.id));
    errors.mockRestore();
    expect(rules.map((r) => r.id)).toEqual([first.id, second.id, teamRule.id]);
  });
});
