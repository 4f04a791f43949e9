import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { createCluster } from "@/lib/clusters/create-cluster";
import { openAgentToken } from "@/lib/clusters/agent-token-secret";
import { createDestination } from "@/lib/alerting/destinations/create-destination";
import { openRoutingKey } from "@/lib/alerting/destinations/routing-key";
import { createConnection } from "@/lib/notifications/connections/write";
import { openConnectionSecret } from "@/lib/notifications/connections/secrets";
import { db } from "@/lib/server/db";
import { restoreEncryptionKeys, setEncryptionKeys } from "@/lib/testing/encryption-keys";
import { actorFor, createTestTenant } from "@/lib/testing/factories";
import { resealSecrets } from "./reseal-secrets";

afterEach(restoreEncryptionKeys);

describe("re-sealing secrets after a key rotation", () => {
  it("moves cluster tokens and PagerDuty keys to the new key; afterwards the old key is not needed", async () => {
    const oldKey = randomBytes(32).toString("base64");
    const newKey = randomBytes(32).toString("base64");
    setEncryptionKeys(oldKey);
    const t = await createTestTenant();
    const actor = actorFor(t.users.admin);
    const { cluster, token } = await createCluster(t.org.id, actor, { slug: "prod", name: "Prod" });
    const routingKey = randomBytes(16).toString("hex");
    const destination = await createDestination(t.org.id, actor, { name: "Platform", routingKey, teamId: null });
    const { connection } = await createConnection(
      t.org.id,
      actor,
      { teamId: null },
      {
        kind: "slack",
        name: "Slack",
        botToken: "xoxb-1111-2222-rotationtoken",
      },
    );

    setEncryptionKeys(newKey, oldKey);
    const report = await resealSecrets({ orgId: t.org.id });
    expect(report.find((r) => r.column === "api_tokens.token_ciphertext")?.resealed).toBe(1);
    expect(report.find((r) => r.column === "alert_destinations.routing_key_ciphertext")?.resealed).toBe(1);
    expect(report.find((r) => r.column === "notification_connections.secret_ciphertext")?.resealed).toBe(1);

    // Nothing left for a second run, and the values open with the new key alone.
    const again = await resealSecrets({ orgId: t.org.id });
    expect(again.every((r) => r.resealed === 0)).toBe(true);
    setEncryptionKeys(newKey);
    const stored = await db.apiToken.findFirstOrThrow({ where: { clusterId: cluster.id } });
    expect(openAgentToken(cluster.id, stored.tokenCiphertext!)).toBe(token);
    const row = await db.alertDestination.findUniqueOrThrow({ where: { id: destination.id } });
    expect(openRoutingKey(destination.id, row.routingKeyCiphertext)).toBe(routingKey);
    const sealed = await db.notificationConnection.findUniqueOrThrow({ where: { id: connection.id } });
    expect(openConnectionSecret(connection.id, sealed.secretCiphertext)).toEqual({
      botToken: "xoxb-1111-2222-rotationtoken",
    });
  });

  it("stops on a value that no configured key opens, rather than losing it", async () => {
    setEncryptionKeys(randomBytes(32).toString("base64"));
    const t = await createTestTenant();
    const actor = actorFor(t.users.admin);
    await createDestination(t.org.id, actor, {
      name: "Lost",
      routingKey: randomBytes(16).toString("hex"),
      teamId: null,
    });

    setEncryptionKeys(randomBytes(32).toString("base64"));
    await expect(resealSecrets({ orgId: t.org.id })).rejects.toThrow(/neither BUMPERS_ENCRYPTION_KEY/);
  });
});
