import { describe, expect, it } from "vitest";
import { POST as githubRoute } from "@/app/api/v1/webhooks/github/[connection]/route";
import { POST as jiraRoute } from "@/app/api/v1/webhooks/jira/[connection]/[secret]/route";
import { pool } from "@/lib/server/db";
import { markerLabelOf } from "../problems/problem-key";
import { flowTenant, startFlowParts, type TFlowKind } from "./flow-testing";

// Bumpers → Jira Cloud / GitHub with the real providers against the fake servers: creating under
// concurrent clicks, fixed → done, regressed → reopen, the provider's refusals (400 with field
// errors, 401, 429 with Retry-After), each through the verb or the outbox as the product runs it.

const parts = startFlowParts({ jira: jiraRoute, github: githubRoute });

describe.each<TFlowKind>(["jira_cloud", "github"])("%s: tickets out to the fake", (kind) => {
  it("makes one issue for two clicks at once, and comments on it for the second once the outbox drains", async () => {
    const w = await flowTenant(parts, kind);
    await w.report(3);
    const other = { userId: w.t.users.teamAdmin.id, label: w.t.users.teamAdmin.email };
    const results = await Promise.all([w.create(), w.create(other)]);
    expect(results.map((r) => r.outcome).sort()).toEqual(["commented", "created"]);
    expect(results[0]!.ticket.id).toBe(results[1]!.ticket.id);

    const [ticket, ...more] = await w.ticket();
    expect(more).toEqual([]);
    await w.drain();
    const issues = w.issues(markerLabelOf(ticket!.problem_key));
    expect(issues).toHaveLength(1);
    expect(issues[0]!.key).toBe(ticket!.external_key);
    expect(issues[0]!.comments).toHaveLength(1);
    expect(issues[0]!.comments[0]).toMatch(/asked for this again in Bumpers: 3 resources affected now/);
    expect(await w.outbox()).toMatchObject([{ status: "delivered", op: "comment" }]);
  });

  it("moves the issue to done with a comment when a report shows it fixed, and reopens it with a comment when it is back", async () => {
    const w = await flowTenant(parts, kind);
    await w.report(3);
    await w.create();
    const [ticket] = await w.ticket();
    const marker = markerLabelOf(ticket!.problem_key);

    await w.report(0);
    await w.drain();
    let issue = w.issues(marker)[0]!;
    expect(issue.state).toBe("done");
    expect(issue.status).toBe(kind === "github" ? "closed (completed)" : "Done");
    expect(issue.comments).toEqual([
      expect.stringMatching(/Fixed:\W*the latest reports no longer show it on any of the 3 resources/),
    ]);
    expect((await w.ticket())[0]).toMatchObject({ state: "done", open_count: 0 });

    await w.report(2);
    await w.drain();
    issue = w.issues(marker)[0]!;
    expect(issue.state).toBe("open");
    expect(issue.comments).toHaveLength(2);
    expect(issue.comments[1]).toMatch(/It is back on 2 resources/);
    expect((await w.ticket())[0]).toMatchObject({ state: "open", open_count: 2 });
    // The fake echoed both moves back (Bumpers' own account): nothing more went out.
    expect((await w.outbox()).map((e) => [e.status, e.op, e.to])).toEqual([
      ["delivered", "transition", "done"],
      ["delivered", "transition", "reopen"],
    ]);
  });

  it("marks the connection broken on a 401 and tells the org's admins, without the token", async () => {
    const token = kind === "github" ? `ghp_wrongToken${"0".repeat(24)}` : "wrong-api-token-0123456789";
    const w = await flowTenant(parts, kind, { token });
    await w.report(2);
    const error = await w.create().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "conflict", message: expect.stringMatching(/Settings → Integrations/) });
    expect(JSON.stringify(error)).not.toContain(token);
    expect(await w.ticket()).toEqual([]);
    const { rows } = await pool.query(`SELECT status::text FROM notification_connections WHERE id = $1`, [
      w.connection.id,
    ]);
    expect(rows[0]).toEqual({ status: "broken" });
    const notice = await parts.smtp.waitForMessage((m) => m.to.includes(w.t.users.admin.email));
    expect(notice.subject).toContain("stopped working");
    expect(notice.text).not.toContain(token);
  });

  it("retries a call answered 429 no sooner than its Retry-After", async () => {
    const w = await flowTenant(parts, kind);
    await w.report(2);
    await w.create();
    const [ticket] = await w.ticket();
    await w.report(0);

    const now = new Date(Date.now() + 1000);
    const rateLimited = { message: "API rate limit exceeded", errorMessages: ["Rate limit exceeded."] };
    if (kind === "github") parts.github.failNext(429, rateLimited, { "retry-after": "120" });
    else parts.jira.failNext(429, rateLimited, { "retry-after": "120" });
    await w.drain(now);
    let [call] = await w.outbox();
    expect(call).toMatchObject({ status: "pending", op: "transition", attempts: 1 });
    expect(call!.next_attempt_at.getTime()).toBeGreaterThanOrEqual(now.getTime() + 120_000);

    await w.drain(new Date(now.getTime() + 119_000));
    expect((await w.outbox())[0]).toMatchObject({ status: "pending", attempts: 1 });
    expect(w.issues(markerLabelOf(ticket!.problem_key))[0]!.state).toBe("open");

    await w.drain(new Date(now.getTime() + 121_000));
    [call] = await w.outbox();
    expect(call).toMatchObject({ status: "delivered", attempts: 2 });
    expect(w.issues(markerLabelOf(ticket!.problem_key))[0]!.state).toBe("done");
  });
});

describe("jira_cloud: a refusal with field errors", () => {
  it("throws the provider's field errors for the create dialog and leaves no ticket", async () => {
    const w = await flowTenant(parts, "jira_cloud");
    // Bug asks for the required custom field Team (customfield_10010) the project does not fill.
    await pool.query(`UPDATE ticket_projects SET settings = settings || '{"issueType": "Bug"}' WHERE org_id = $1`, [
      w.t.org.id,
    ]);
    await w.report(2);
    const before = parts.jira.issues.size;
    const error = await w.create().catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "bad_request",
      details: { fieldErrors: { customfield_10010: expect.stringMatching(/Team is required/) } },
    });
    expect(parts.jira.issues.size).toBe(before);
    expect(await w.ticket()).toEqual([]);
    const { rows } = await pool.query(
      `SELECT ok, status, detail FROM ticket_sync_log WHERE org_id = $1 AND action = 'create'`,
      [w.t.org.id],
    );
    expect(rows).toMatchObject([
      { ok: false, status: 400, detail: { fieldErrors: { customfield_10010: expect.any(String) } } },
    ]);
  });
});
