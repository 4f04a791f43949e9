import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { createTestTenant } from "@/lib/testing/factories";
import { getConnection, listConnections } from "./connections/queries";
import { openConnectionSecret } from "./connections/secrets";
import { createConnection, deleteConnection, rotateSigningSecret, updateConnection } from "./connections/write";
import { getSubscription, listPersonalSubscriptions, listSubscriptions } from "./subscriptions/queries";
import { createSubscription, deleteSubscription, unsubscribeByToken, updateSubscription } from "./subscriptions/write";

const actorFor = (user: { id: string; email: string }) => ({ userId: user.id, label: user.email });
const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (err: { code?: string }) => err.code ?? String(err),
  );
type TTenant = Awaited<ReturnType<typeof createTestTenant>>;
// Connections are an admin's (of the org, or of a team when teamId is given), subscriptions a team admin's, unless said.
const connect = (
  t: TTenant,
  teamId: string | null,
  input: Parameters<typeof createConnection>[3],
  actor = actorFor(t.users.admin),
) => createConnection(t.org.id, actor, { teamId }, input);
const subscribe = (
  t: TTenant,
  owner: Parameters<typeof createSubscription>[2],
  input: Parameters<typeof createSubscription>[3],
  actor = actorFor(t.users.teamAdmin),
) => createSubscription(t.org.id, actor, owner, input);
const TOKEN = "xoxb-1111-2222-abcdefghijklmnop";
const HOOK = "https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXXXXXXsecret";

describe("notification connections", () => {
  it("seals the secret and shows only a hint, in the answer, the list and the audit log", async () => {
    const t = await createTestTenant();
    const { connection } = await connect(t, null, { kind: "slack", name: "Acme Slack", botToken: TOKEN });
    expect(connection).toMatchObject({ kind: "slack", name: "Acme Slack", secretHint: "xoxb-…mnop", status: "ok" });
    const hook = await connect(t, t.team.id, { kind: "slack_webhook", name: "Payments webhook", url: HOOK });
    expect(hook.connection.secretHint).toBe("hooks.slack.com/…cret");
    const everything = JSON.stringify([
      await listConnections(t.org.id, { teamId: t.team.id }),
      await db.auditLog.findMany({ where: { orgId: t.org.id }, select: { before: true, after: true } }),
    ]);
    expect(everything).not.toContain(TOKEN);
    expect(everything).not.toContain("XXXXsecret");
    const row = await db.notificationConnection.findUniqueOrThrow({ where: { id: connection.id } });
    expect(row.secretCiphertext).not.toContain(TOKEN);
    expect(openConnectionSecret(row.id, row.secretCiphertext)).toEqual({ botToken: TOKEN });
  });

  it("gives a webhook a signing secret shown once, rotatable, kept when the URL changes", async () => {
    const t = await createTestTenant();
    const actor = actorFor(t.users.admin);
    const created = await connect(
      t,
      null,
      { kind: "webhook", name: "SIEM", url: "https://siem.example.com/hooks/bumpers" },
      actor,
    );
    expect(created.signingSecret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(JSON.stringify(await getConnection(t.org.id, created.connection.id))).not.toContain(created.signingSecret);
    const rotated = await rotateSigningSecret(t.org.id, actor, { teamId: null }, created.connection.id);
    expect(rotated.signingSecret).not.toBe(created.signingSecret);
    await updateConnection(t.org.id, actor, { teamId: null }, created.connection.id, {
      url: "https://siem.example.com/hooks/v2",
    });
    const row = await db.notificationConnection.findUniqueOrThrow({ where: { id: created.connection.id } });
    expect(openConnectionSecret(row.id, row.secretCiphertext)).toEqual({
      url: "https://siem.example.com/hooks/v2",
      signingSecret: rotated.signingSecret,
    });
  });

  it("refuses bad input with the field named, and a duplicate name", async () => {
    const t = await createTestTenant();
    const actor = actorFor(t.users.admin);
    await expect(
      connect(t, null, { kind: "slack", name: "S", botToken: "xoxp-user-token" }, actor),
    ).rejects.toMatchObject({ code: "bad_request", details: { field: "name" } });
    await expect(
      connect(t, null, { kind: "slack", name: "Slack", botToken: "xoxp-user-token" }, actor),
    ).rejects.toMatchObject({ code: "bad_request", details: { field: "botToken" } });
    await expect(connect(t, null, { kind: "teams", name: "Teams", url: "not a url" }, actor)).rejects.toMatchObject({
      code: "bad_request",
      details: { field: "url" },
    });
    await connect(t, null, { kind: "slack", name: "Slack", botToken: TOKEN }, actor);
    await expect(codeOf(connect(t, null, { kind: "slack", name: "Slack", botToken: TOKEN }, actor))).resolves.toBe(
      "conflict",
    );
  });

  it("keeps each owner's connections out of other owners' and other orgs' reach", async () => {
    const t = await createTestTenant();
    const other = await createTestTenant();
    const actor = actorFor(t.users.admin);
    const org = await connect(t, null, { kind: "slack", name: "Org", botToken: TOKEN }, actor);
    const team = await connect(t, t.team.id, { kind: "teams", name: "Team", url: HOOK }, actor);
    // A team sees the org's (to use) and its own; another team only the org's.
    expect((await listConnections(t.org.id, { teamId: t.team.id })).map((c) => c.name)).toEqual(["Org", "Team"]);
    expect((await listConnections(t.org.id, { teamId: t.otherTeam.id })).map((c) => c.name)).toEqual(["Org"]);
    expect((await listConnections(t.org.id, { teamId: t.team.id, only: "owned" })).map((c) => c.name)).toEqual([
      "Team",
    ]);
    // Editing goes through the owner: the other team, the team itself on the org's, another org.
    const id = team.connection.id;
    await expect(
      codeOf(updateConnection(t.org.id, actor, { teamId: t.otherTeam.id }, id, { name: "Mine" })),
    ).resolves.toBe("not_found");
    await expect(codeOf(deleteConnection(t.org.id, actor, { teamId: t.team.id }, org.connection.id))).resolves.toBe(
      "not_found",
    );
    await expect(codeOf(deleteConnection(other.org.id, actor, { teamId: null }, org.connection.id))).resolves.toBe(
      "not_found",
    );
    await expect(codeOf(getConnection(other.org.id, org.connection.id))).resolves.toBe("not_found");
    await expect(codeOf(connect(t, other.team.id, { kind: "teams", name: "X1", url: HOOK }, actor))).resolves.toBe(
      "bad_request",
    );
    await deleteConnection(t.org.id, actor, { teamId: t.team.id }, id);
    expect(await db.notificationConnection.count({ where: { orgId: t.org.id } })).toBe(1);
  });
});

describe("notification subscriptions", () => {
  it("stores a team's Slack subscription and refuses a target that does not fit the connection", async () => {
    const t = await createTestTenant();
    const actor = actorFor(t.users.teamAdmin);
    const slack = await connect(t, null, { kind: "slack", name: "Slack", botToken: TOKEN });
    const sub = await subscribe(
      t,
      { teamId: t.team.id },
      {
        name: "Critical to #payments",
        connectionId: slack.connection.id,
        target: "C0123456789",
        targetLabel: "#payments",
        events: ["finding_group.opened", "finding_group.fixed"],
        match: { minSeverity: "critical" },
      },
      actor,
    );
    expect(sub).toMatchObject({ channel: "slack", teamName: t.team.name, targetLabel: "#payments", enabled: true });
    await expect(
      subscribe(
        t,
        { teamId: t.team.id },
        { name: "No channel", connectionId: slack.connection.id, target: "payments", events: ["finding_group.opened"] },
        actor,
      ),
    ).rejects.toMatchObject({ code: "bad_request", details: { field: "target" } });
    await expect(
      subscribe(
        t,
        { teamId: t.team.id },
        { name: "Nothing", connectionId: slack.connection.id, target: "C0123456789" },
        actor,
      ),
    ).rejects.toMatchObject({ code: "bad_request", details: { field: "events" } });
    await expect(
      subscribe(
        t,
        { teamId: t.team.id },
        {
          name: "Baseline",
          connectionId: slack.connection.id,
          target: "C0123456789",
          events: ["finding_group.opened"],
          baseline: true,
        },
        actor,
      ),
    ).rejects.toMatchObject({ code: "bad_request", details: { field: "baseline" } });
  });

  it("schedules a digest at the team's local hour and emails the addresses given", async () => {
    const t = await createTestTenant();
    await db.team.update({ where: { id: t.team.id }, data: { timeZone: "Europe/Berlin" } });
    const sub = await subscribe(
      t,
      { teamId: t.team.id },
      {
        name: "Weekly digest",
        kind: "digest",
        target: "Lead@Example.com, ops@example.com",
        digestPeriod: "weekly",
        digestHour: 9,
        digestWeekday: 1,
      },
    );
    expect(sub).toMatchObject({ channel: "email", target: "lead@example.com, ops@example.com", events: [] });
    const local = new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/Berlin",
      weekday: "short",
      hour: "2-digit",
      hourCycle: "h23",
    });
    expect(local.format(sub.nextDigestAt!).replace(",", "")).toBe("Mon 09");
    await expect(
      subscribe(t, { teamId: t.team.id }, { name: "Bad", kind: "digest", target: "nobody" }),
    ).rejects.toMatchObject({ code: "bad_request", details: { field: "target" } });
  });

  it("keeps team, personal and other orgs' subscriptions apart", async () => {
    const t = await createTestTenant();
    const other = await createTestTenant();
    const actor = actorFor(t.users.admin);
    const teamConnection = await connect(t, t.team.id, { kind: "teams", name: "Team T", url: HOOK }, actor);
    // Another team cannot send through this team's connection.
    await expect(
      codeOf(
        subscribe(
          t,
          { teamId: t.otherTeam.id },
          { name: "Steal", connectionId: teamConnection.connection.id, events: ["finding_group.opened"] },
          actor,
        ),
      ),
    ).resolves.toBe("bad_request");
    const sub = await subscribe(
      t,
      { teamId: t.team.id },
      { name: "To Teams", connectionId: teamConnection.connection.id, events: ["cluster.stale"] },
      actor,
    );
    const personal = await subscribe(
      t,
      { teamId: t.team.id, userId: t.users.editor.id },
      { name: "My weekly digest", kind: "digest" },
      actorFor(t.users.editor),
    );
    expect((await listSubscriptions(t.org.id, { teamId: t.team.id })).map((s) => s.name)).toEqual(["To Teams"]);
    expect((await listSubscriptions(t.org.id, { teamId: t.otherTeam.id })).length).toBe(0);
    expect((await listPersonalSubscriptions(t.org.id, t.users.editor.id)).map((s) => s.name)).toEqual([
      "My weekly digest",
    ]);
    expect(await listPersonalSubscriptions(t.org.id, t.users.viewer.id)).toEqual([]);
    // By id: only under its owner, never from another org.
    await expect(
      codeOf(
        updateSubscription(t.org.id, actor, { teamId: t.otherTeam.id }, sub.id, {
          name: "X2",
          events: ["cluster.stale"],
          connectionId: teamConnection.connection.id,
        }),
      ),
    ).resolves.toBe("not_found");
    await expect(
      codeOf(
        deleteSubscription(
          t.org.id,
          actorFor(t.users.viewer),
          { teamId: t.team.id, userId: t.users.viewer.id },
          personal.id,
        ),
      ),
    ).resolves.toBe("not_found");
    await expect(codeOf(getSubscription(other.org.id, sub.id))).resolves.toBe("not_found");
    await deleteSubscription(
      t.org.id,
      actorFor(t.users.editor),
      { teamId: t.team.id, userId: t.users.editor.id },
      personal.id,
    );
    expect(await listPersonalSubscriptions(t.org.id, t.users.editor.id)).toEqual([]);
  });

  it("unsubscribes one address from a shared list, and switches a personal subscription off", async () => {
    const t = await createTestTenant();
    const shared = await subscribe(
      t,
      { teamId: null },
      { name: "Org digest", kind: "digest", target: "a@example.com, b@example.com" },
      actorFor(t.users.admin),
    );
    await unsubscribeByToken({ subscriptionId: shared.id, address: "A@example.com" });
    expect((await getSubscription(t.org.id, shared.id)).target).toBe("b@example.com");
    await unsubscribeByToken({ subscriptionId: shared.id, address: "b@example.com" });
    expect(await getSubscription(t.org.id, shared.id)).toMatchObject({ enabled: false, nextDigestAt: null });
    expect(await unsubscribeByToken({ subscriptionId: "not-a-uuid", address: "x@example.com" })).toBeNull();
  });
});
