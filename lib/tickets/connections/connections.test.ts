import { describe, expect, it } from "vitest";
import { listConnections } from "@/lib/notifications/connections/queries";
import { testConnection } from "@/lib/notifications/connections/test-connection";
import { createConnection, rotateSigningSecret, updateConnection } from "@/lib/notifications/connections/write";
import { connectionChoices } from "@/lib/notifications/page-state";
import { ZNewConnection } from "@/lib/notifications/schemas";
import { createSubscription } from "@/lib/notifications/subscriptions/write";
import { db } from "@/lib/server/db";
import { actorFor, createTestTenant } from "@/lib/testing/factories";
import { failures, memoryProvider } from "@/lib/testing/tickets";
import { openTicketSecret } from "../connection-secret";

const TOKEN = "ATATT3xFfGF0-secret-token-9f2c";
const JIRA = {
  kind: "jira_cloud",
  name: "Acme Jira",
  siteUrl: "https://acme.atlassian.net/",
  email: "bot@acme.io",
  apiToken: TOKEN,
} as const;
const BASE = "https://bumpers.example.com";
const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (err: { code?: string }) => err.code ?? String(err),
  );

describe("ticket connection schemas", () => {
  it("reads each kind's own fields and names the failing one", () => {
    expect(ZNewConnection.safeParse(JIRA).success).toBe(true);
    const server = ZNewConnection.safeParse({
      kind: "jira_server",
      name: "DC",
      baseUrl: "https://jira.example.com",
      personalAccessToken: "short",
    });
    expect(server.error?.issues.map((i) => i.path.join("."))).toEqual(["personalAccessToken"]);
    const app = ZNewConnection.safeParse({
      kind: "github",
      name: "GH",
      auth: "app",
      appId: "12",
      installationId: "34",
      privateKey: "nope",
    });
    expect(app.error?.issues.map((i) => i.path.join("."))).toEqual(["privateKey"]);
    const token = ZNewConnection.safeParse({
      kind: "github",
      name: "GH",
      auth: "token",
      token: "ghp_" + "a".repeat(36),
      apiUrl: "https://ghe.example.com/api/v3",
    });
    expect(token.success).toBe(true);
  });
});

describe("ticket connections", () => {
  it("signs in, seals the secret, stores the identity and shows the webhook once", async () => {
    const t = await createTestTenant();
    const fake = memoryProvider({ identity: { id: "5b10ac", name: "Bumpers Bot" } });
    const saved = await createConnection(t.org.id, actorFor(t.users.admin), { teamId: null }, JIRA, {
      provider: fake.factory,
      baseUrl: BASE,
    });
    expect(saved.connection).toMatchObject({ kind: "jira_cloud", secretHint: "acme.atlassian.net · …9f2c" });
    expect(saved.connection.settings).toMatchObject({
      host: "acme.atlassian.net",
      email: "bot@acme.io",
      identity: { id: "5b10ac", name: "Bumpers Bot" },
    });
    const row = await db.notificationConnection.findUniqueOrThrow({ where: { id: saved.connection.id } });
    const secret = openTicketSecret(row.id, row.secretCiphertext);
    expect(secret).toMatchObject({ kind: "jira_cloud", apiToken: TOKEN, siteUrl: "https://acme.atlassian.net" });
    expect(secret.webhookSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(saved.webhook).toMatchObject({
      provider: "jira",
      url: `${BASE}/api/v1/webhooks/jira/${row.id}/${secret.webhookSecret}`,
    });
    // The provider signed in with exactly these credentials, before any project was chosen.
    expect(fake.contexts[0]).toMatchObject({ secret: { apiToken: TOKEN }, project: null });
    const shown = JSON.stringify([
      await listConnections(t.org.id, { teamId: null }),
      await db.auditLog.findMany({ where: { orgId: t.org.id }, select: { before: true, after: true } }),
    ]);
    expect(shown).not.toContain(TOKEN);
    expect(shown).not.toContain(secret.webhookSecret);
    expect(row.secretCiphertext).not.toContain(TOKEN);
  });

  it("refuses a connection that cannot sign in, with the provider's words, and saves nothing", async () => {
    const t = await createTestTenant();
    const fake = memoryProvider();
    fake.fail("whoAmI", failures.broken(401, "Client must be authenticated to access this resource."));
    const refused = createConnection(t.org.id, actorFor(t.users.admin), { teamId: null }, JIRA, {
      provider: fake.factory,
    });
    await expect(refused).rejects.toThrow("Could not sign in (401): Client must be authenticated");
    expect(await db.notificationConnection.count({ where: { orgId: t.org.id } })).toBe(0);
  });

  it("labels GitHub App and token connections by what tells them apart", async () => {
    const t = await createTestTenant();
    const fake = memoryProvider();
    const key = "-----BEGIN RSA PRIVATE KEY-----\nMIIabc\n-----END RSA PRIVATE KEY-----";
    const app = await createConnection(
      t.org.id,
      actorFor(t.users.admin),
      { teamId: null },
      { kind: "github", name: "GH App", auth: "app", appId: 123, installationId: 456, privateKey: key },
      { provider: fake.factory, baseUrl: BASE },
    );
    expect(app.connection.secretHint).toBe("App 123 · installation 456");
    expect(app.webhook).toMatchObject({
      provider: "github",
      url: `${BASE}/api/v1/webhooks/github/${app.connection.id}`,
      contentType: "application/json",
    });
    expect(app.webhook?.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const token = await createConnection(
      t.org.id,
      actorFor(t.users.teamAdmin),
      { teamId: t.team.id },
      { kind: "github", name: "GH token", auth: "token", token: `github_pat_${"x".repeat(30)}wxyz` },
      { provider: fake.factory },
    );
    expect(token.connection.secretHint).toBe("github_pat_…wxyz");
    expect(JSON.stringify(await listConnections(t.org.id, { teamId: t.team.id }))).not.toContain(key.slice(32, 38));
  });

  it("lists ticket connections, but never offers them to subscriptions", async () => {
    const t = await createTestTenant();
    const fake = memoryProvider();
    const jira = await createConnection(t.org.id, actorFor(t.users.admin), { teamId: null }, JIRA, {
      provider: fake.factory,
    });
    const listed = await listConnections(t.org.id, { teamId: t.team.id });
    expect(listed.map((c) => c.kind)).toEqual(["jira_cloud"]);
    expect(connectionChoices(listed)).toEqual([]);
    const subscribe = createSubscription(
      t.org.id,
      actorFor(t.users.teamAdmin),
      { teamId: t.team.id },
      {
        name: "Into Jira",
        connectionId: jira.connection.id,
        events: ["finding_group.opened"],
      },
    );
    await expect(codeOf(subscribe)).resolves.toBe("bad_request");
  });

  it("tests a connection by signing in; a 401 marks it broken, new credentials sign in again", async () => {
    const t = await createTestTenant();
    const fake = memoryProvider();
    const actor = actorFor(t.users.admin);
    const { connection } = await createConnection(t.org.id, actor, { teamId: null }, JIRA, { provider: fake.factory });
    const tested = await testConnection(t.org.id, actor, { teamId: null }, connection.id, { provider: fake.factory });
    expect(tested).toMatchObject({ ok: true, message: "Signed in to Jira as Bumpers bot." });
    fake.failUntilCleared("whoAmI", failures.broken(401, "Unauthorized"));
    const broken = await testConnection(t.org.id, actor, { teamId: null }, connection.id, { provider: fake.factory });
    expect(broken).toMatchObject({ ok: false, message: "Unauthorized", status: 401 });
    expect(await db.notificationConnection.findUniqueOrThrow({ where: { id: connection.id } })).toMatchObject({
      status: "broken",
    });

    // A new token that does not sign in is refused; one that does clears the broken state and keeps the webhook secret.
    const before = openTicketSecret(
      connection.id,
      (await db.notificationConnection.findUniqueOrThrow({ where: { id: connection.id } })).secretCiphertext,
    );
    await expect(
      updateConnection(
        t.org.id,
        actor,
        { teamId: null },
        connection.id,
        { apiToken: "another-token-1234" },
        { provider: fake.factory },
      ),
    ).rejects.toThrow("Could not sign in");
    fake.clear("whoAmI");
    const updated = await updateConnection(
      t.org.id,
      actor,
      { teamId: null },
      connection.id,
      { apiToken: "another-token-1234" },
      { provider: fake.factory },
    );
    expect(updated).toMatchObject({ status: "ok", secretHint: "acme.atlassian.net · …1234" });
    const after = openTicketSecret(
      connection.id,
      (await db.notificationConnection.findUniqueOrThrow({ where: { id: connection.id } })).secretCiphertext,
    );
    expect(after).toMatchObject({
      apiToken: "another-token-1234",
      email: "bot@acme.io",
      webhookSecret: before.webhookSecret,
    });
  });

  it("rotates the webhook secret and shows the new URL once", async () => {
    const t = await createTestTenant();
    const fake = memoryProvider();
    const actor = actorFor(t.users.admin);
    const created = await createConnection(t.org.id, actor, { teamId: null }, JIRA, {
      provider: fake.factory,
      baseUrl: BASE,
    });
    const rotated = await rotateSigningSecret(t.org.id, actor, { teamId: null }, created.connection.id, {
      baseUrl: BASE,
    });
    expect(rotated.signingSecret).toBeUndefined();
    expect(rotated.webhook?.url).toMatch(
      new RegExp(`^${BASE}/api/v1/webhooks/jira/${created.connection.id}/[A-Za-z0-9_-]{43}$`),
    );
    expect(rotated.webhook?.url).not.toBe(created.webhook?.url);
    const row = await db.notificationConnection.findUniqueOrThrow({ where: { id: created.connection.id } });
    expect(rotated.webhook?.url.endsWith(openTicketSecret(row.id, row.secretCiphertext).webhookSecret)).toBe(true);
  });
});
