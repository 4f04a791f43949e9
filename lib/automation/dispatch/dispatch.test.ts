import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverDueEvents } from "@/lib/alerting/delivery/deliver";
import { createDestination } from "@/lib/alerting/destinations/create-destination";
import { outbox } from "@/lib/alerting/test-helpers";
import { createConnection } from "@/lib/notifications/connections/write";
import { sendMessage } from "@/lib/notifications/delivery/send-message";
import { queuedMessages } from "@/lib/notifications/testing/team-channels";
import { pool } from "@/lib/server/db";
import { resetEnvCache } from "@/lib/server/env";
import { actorFor } from "@/lib/testing/factories";
import { startFakePagerDuty, type TFakePagerDuty } from "@/lib/testing/fake-pagerduty";
import { FAKE_SLACK_TOKEN, startFakeSlack, type TFakeSlack } from "@/lib/testing/fake-slack";
import { ticketSetup } from "@/lib/testing/tickets";
import { dispatchRow, insertDispatch, insertRule } from "../jobs/jobs-testing";
import { runApplyJob } from "../jobs/run-apply-job";
import { startApplyJob } from "../jobs/start-apply-job";
import { runDueDispatches } from "./run-dispatches";
import { syncRulePages } from "./sync-rule-pages";
import { RECURRING_JOBS } from "@/lib/worker/recurring";

// Rules' tickets, messages and pages, from the dispatch rows the engine writes to what the
// providers receive: the in-memory ticket provider, and the fake Slack and PagerDuty over HTTP.

let slack: TFakeSlack;
let pagerduty: TFakePagerDuty;
const saved = { ...process.env };
beforeAll(async () => {
  slack = await startFakeSlack({ port: 0 });
  pagerduty = await startFakePagerDuty({ port: 0 });
  Object.assign(process.env, { SLACK_API_URL: slack.apiUrl, BUMPERS_ALLOW_PRIVATE_DESTINATIONS: "true" });
  resetEnvCache();
});
afterAll(async () => {
  for (const key of ["SLACK_API_URL", "BUMPERS_ALLOW_PRIVATE_DESTINATIONS"]) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  resetEnvCache();
  await slack.close();
  await pagerduty.close();
});

const MINUTE = 60_000;
const ticketsOf = async (orgId: string) =>
  (await pool.query(`SELECT state::text, external_key FROM tickets WHERE org_id = $1`, [orgId])).rows;

describe("ticket dispatches", () => {
  it("files the problem's ticket as the rule, then comments on it; a team without a project keeps the error", async () => {
    const s = await ticketSetup();
    const rule = await insertRule(s.t.org.id, {
      name: "Root to Jira",
      actions: { ticket: { subject: "check_cluster" } },
    });
    const first = await insertDispatch(s.t.org.id, rule.id, "ticket", s.findingIds);
    const options = { orgId: s.t.org.id, ticket: s.memory.options() };

    expect(await runDueDispatches(options)).toEqual({ done: 1, failed: 0, retried: 0 });
    expect(s.memory.count("createIssue")).toBe(1);
    expect(await ticketsOf(s.t.org.id)).toEqual([{ state: "open", external_key: "PAY-1" }]);
    expect(await dispatchRow(first)).toMatchObject({ attempts: 1, error: null, done_at: expect.any(Date) });
    const audit = await pool.query(
      `SELECT actor_label, action FROM audit_logs WHERE org_id = $1 AND action LIKE 'ticket.%'`,
      [s.t.org.id],
    );
    expect(audit.rows).toEqual([{ actor_label: 'Rule "Root to Jira"', action: "ticket.created" }]);

    // Matched again later (the same problem): a comment on the open ticket, never a second ticket.
    await insertDispatch(s.t.org.id, rule.id, "ticket", s.findingIds.slice(0, 1));
    expect(await runDueDispatches(options)).toEqual({ done: 1, failed: 0, retried: 0 });
    expect(s.memory.count("createIssue")).toBe(1);
    expect(await ticketsOf(s.t.org.id)).toHaveLength(1);

    // The other team files nowhere: the error stays on the row, which is not tried again.
    const stuck = await insertDispatch(s.t.org.id, rule.id, "ticket", s.otherFindingIds);
    expect(await runDueDispatches(options)).toEqual({ done: 0, failed: 1, retried: 0 });
    expect((await dispatchRow(stuck)).error).toMatch(/runAsRootAllowed in .*: Tickets are not set up for this team/);
    expect(await runDueDispatches({ ...options, now: new Date(Date.now() + 600 * MINUTE) })).toEqual({
      done: 0,
      failed: 0,
      retried: 0,
    });
  });

  it("waits out the backoff of an earlier attempt before trying again", async () => {
    const s = await ticketSetup();
    const rule = await insertRule(s.t.org.id, { actions: { ticket: { subject: "check" } } });
    const now = new Date();
    const id = await insertDispatch(s.t.org.id, rule.id, "ticket", s.findingIds, {
      attempts: 2,
      createdAt: new Date(now.getTime() - 5 * MINUTE),
    });
    const options = { orgId: s.t.org.id, ticket: s.memory.options() };
    // The third attempt is due 6 minutes after the dispatch was written.
    expect(await runDueDispatches({ ...options, now })).toEqual({ done: 0, failed: 0, retried: 0 });
    expect(await runDueDispatches({ ...options, now: new Date(now.getTime() + 2 * MINUTE) })).toEqual({
      done: 1,
      failed: 0,
      retried: 0,
    });
    expect(await dispatchRow(id)).toMatchObject({ attempts: 3, error: null });
    expect(s.memory.count("createIssue")).toBe(1);
  });
});

describe("notify dispatches", () => {
  it("sends one message per dispatch to the rule's Slack channel, with a sample and a link to the rule's findings", async () => {
    const s = await ticketSetup();
    const actor = actorFor(s.t.users.admin);
    const { connection } = await createConnection(
      s.t.org.id,
      actor,
      { teamId: null },
      {
        kind: "slack",
        name: "Acme Slack",
        botToken: FAKE_SLACK_TOKEN,
      },
    );
    const rule = await insertRule(s.t.org.id, {
      name: "Root to #alerts",
      actions: { notify: { connectionId: connection.id, target: "C00000ALERTS" } },
    });
    await insertDispatch(s.t.org.id, rule.id, "notify", [...s.findingIds, ...s.otherFindingIds]);
    expect(await runDueDispatches({ orgId: s.t.org.id })).toEqual({ done: 1, failed: 0, retried: 0 });

    const [queued, ...more] = await queuedMessages(s.t.org.id);
    expect(more).toEqual([]);
    expect(queued).toMatchObject({ channel: "slack", target: "C00000ALERTS", type: "automation.rule_matched" });
    expect(queued!.message).toMatchObject({
      title: 'Rule "Root to #alerts": 5 findings',
      severity: "high",
      team: null,
      link: expect.stringMatching(new RegExp(`/o/${s.t.org.slug}/findings\\?rule=${rule.id}$`)),
    });
    expect(queued!.message.facts).toContainEqual({ label: "Findings", value: "5" });
    expect(queued!.message.sample).toHaveLength(5);
    expect(queued!.message.sample![0]).toMatch(/^Run as root: Deployment payments\/w-\d+ \(cluster-/);

    const step = await deliverDueEvents({ orgId: s.t.org.id, limit: 10, sendMessage, random: () => 0 });
    expect(step).toMatchObject({ delivered: 1 });
    const [posted] = slack.messages("C00000ALERTS").filter((m) => m.text.includes("Root to #alerts"));
    expect(posted).toBeDefined();
  });

  it("keeps why when the connection is gone, and sends nothing", async () => {
    const s = await ticketSetup();
    const rule = await insertRule(s.t.org.id, {
      actions: { notify: { connectionId: "8a1f9c52-0d3e-4b7a-9f61-2c5e8d4b7a10", target: "C00000ALERTS" } },
    });
    const id = await insertDispatch(s.t.org.id, rule.id, "notify", s.findingIds);
    expect(await runDueDispatches({ orgId: s.t.org.id })).toEqual({ done: 0, failed: 1, retried: 0 });
    expect((await dispatchRow(id)).error).toMatch(/connection was deleted/);
    expect(await queuedMessages(s.t.org.id)).toEqual([]);
  });
});

describe("page dispatches", () => {
  it("pages once per rule and check, updates the incident as more findings match, resolves it when none is open", async () => {
    const s = await ticketSetup();
    const key = randomBytes(16).toString("hex");
    const destination = await createDestination(s.t.org.id, actorFor(s.t.users.admin), {
      name: "Platform on-call",
      routingKey: key,
      teamId: null,
    });
    const rule = await insertRule(s.t.org.id, {
      name: "Root pages",
      actions: { page: { destinationId: destination.id, severity: "critical" } },
    });
    // One event per incident at a time (a resolve never overtakes its trigger): until none is left.
    const deliver = async () => {
      const options = { url: `${pagerduty.url}/v2/enqueue`, orgId: s.t.org.id, limit: 10, random: () => 0 };
      while ((await deliverDueEvents(options)).claimed > 0);
    };

    await insertDispatch(s.t.org.id, rule.id, "page", s.findingIds);
    expect(await runDueDispatches({ orgId: s.t.org.id })).toEqual({ done: 1, failed: 0, retried: 0 });
    await deliver();
    let [incident, ...others] = pagerduty.incidents({ routingKey: key });
    expect(others).toEqual([]);
    expect(incident).toMatchObject({ status: "triggered", severity: "critical", triggers: 1 });
    expect(incident!.summary).toBe('Run as root: 3 findings matched by rule "Root pages"');
    expect(incident!.lastPayload).toMatchObject({ custom_details: { affected: 3, rule: "Root pages", level: "org" } });

    // More of the check matched later: the same incident, updated.
    const more = await s.addFindings({ count: 2 });
    await insertDispatch(s.t.org.id, rule.id, "page", more);
    await runDueDispatches({ orgId: s.t.org.id });
    await deliver();
    [incident, ...others] = pagerduty.incidents({ routingKey: key });
    expect(others).toEqual([]);
    expect(incident).toMatchObject({ status: "triggered", triggers: 2 });
    expect(incident!.lastPayload).toMatchObject({ custom_details: { affected: 5 } });

    // Nothing changed: the sweep leaves it alone.
    expect(await syncRulePages({ orgId: s.t.org.id })).toBe(0);
    // Some fixed: still open, fewer affected; all fixed: resolved.
    await pool.query(`UPDATE findings SET status = 'fixed' WHERE id = ANY($1::uuid[])`, [s.findingIds]);
    expect(await syncRulePages({ orgId: s.t.org.id })).toBe(0);
    await pool.query(`UPDATE findings SET resolution = 'will_not_fix' WHERE id = ANY($1::uuid[])`, [more]);
    expect(await syncRulePages({ orgId: s.t.org.id })).toBe(1);
    await deliver();
    expect(pagerduty.incidents({ routingKey: key })).toEqual([
      expect.objectContaining({ status: "resolved", triggers: 3 }),
    ]);
    const actions = (await outbox(s.t.org.id)).map((e) => e.action);
    expect(actions).toEqual(["trigger", "trigger", "trigger", "resolve"]);
    expect(await syncRulePages({ orgId: s.t.org.id })).toBe(0);
    expect(RECURRING_JOBS.find((j) => j.name === "automation-dispatch")).toMatchObject({ cron: "* * * * *" });
  });

  it("keeps why when the destination is gone", async () => {
    const s = await ticketSetup();
    const rule = await insertRule(s.t.org.id, {
      actions: { page: { destinationId: "8a1f9c52-0d3e-4b7a-9f61-2c5e8d4b7a10", severity: "error" } },
    });
    const id = await insertDispatch(s.t.org.id, rule.id, "page", s.findingIds);
    expect(await runDueDispatches({ orgId: s.t.org.id })).toEqual({ done: 0, failed: 1, retried: 0 });
    expect((await dispatchRow(id)).error).toMatch(/destination was deleted/);
    expect(await outbox(s.t.org.id)).toEqual([]);
  });
});

describe("from a run to the provider", () => {
  it("a rule applied to existing findings pages once; applying it again sends nothing more", async () => {
    const s = await ticketSetup();
    const key = randomBytes(16).toString("hex");
    const destination = await createDestination(s.t.org.id, actorFor(s.t.users.admin), {
      name: "Platform on-call",
      routingKey: key,
      teamId: null,
    });
    const rule = await insertRule(s.t.org.id, {
      name: "Root in payments pages",
      conditions: [{ field: "check", values: ["runAsRoot*"] }],
      actions: { page: { destinationId: destination.id, severity: "warning" } },
    });
    const apply = async () =>
      runApplyJob((await startApplyJob(s.t.org.id, { ruleId: rule.id, requestedById: null })).id);
    expect(await apply()).toMatchObject({ status: "done", processed: 5 });
    expect(await runDueDispatches({ orgId: s.t.org.id })).toEqual({ done: 1, failed: 0, retried: 0 });
    expect(await apply()).toMatchObject({ status: "done", processed: 5 });
    expect(await runDueDispatches({ orgId: s.t.org.id })).toEqual({ done: 0, failed: 0, retried: 0 });
    const events = await outbox(s.t.org.id);
    expect(events.map((e) => e.action)).toEqual(["trigger"]);
    expect(events[0]!.payload.payload).toMatchObject({
      severity: "warning",
      custom_details: { affected: 5, rule: "Root in payments pages" },
    });
  });
});
