import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { createCluster } from "@/lib/clusters/create-cluster";
import { openAgentToken } from "@/lib/clusters/agent-token-secret";
import { createDestination } from "@/lib/alerting/destinations/create-destination";
import { openRoutingKey } from "@/lib/alerting/destinations/routing-key";
import { db } from "@/lib/server/db";
import { resetEnvCache } from "@/lib/server/env";
import { actorFor, createTestTenant } from "@/lib/testing/factories";
import { resealSecrets } from "./reseal-secrets";

const saved = {
  current: process.env.BUMPERS_ENCRYPTION_KEY,
  previous: process.env.BUMPERS_ENCRYPTION_KEY_PREVIOUS,
};

function useKeys(current: string, previous?: string) {
  process.env.BUMPERS_ENCRYPTION_KEY = current;
  if (previous === undefined) delete process.env.BUMPERS_ENCRYPTION_KEY_PREVIOUS;
  else process.env.BUMPERS_ENCRYPTION_KEY_PREVIOUS = previous;
  resetEnvCache();
}

afterEach(() => {
  if (saved.current === undefined) delete process.env.BUMPERS_ENCRYPTION_KEY;
  else process.env.BUMPERS_ENCRYPTION_KEY = saved.current;
  if (saved.previous === undefined) delete process.env.BUMPERS_ENCRYPTION_KEY_PREVIOUS;
  else process.env.BUMPERS_ENCRYPTION_KEY_PREVIOUS = saved.previous;
  resetEnvCache();
});

describe("re-sealing secrets after a key rotation", () => {
  it("moves cluster tokens and PagerDuty keys to the new key; afterwards the old key is not needed", async () => {
    const oldKey = randomBytes(32).toString("base64");
    const newKey = randomBytes(32).toString("base64");
    useKeys(oldKey);
    const t = await createTestTenant();
    const actor = actorFor(t.users.admin);
    const { cluster, token } = await createCluster(t.org.id, actor, { slug: "prod", name: "Prod" });
    const routingKey = randomBytes(16).toString("hex");
    const destination = await createDestination(t.org.id, actor, { name: "Platform", routingKey, teamId: null });

    useKeys(newKey, oldKey);
    const report = await resealSecrets({ orgId: t.org.id });
    expect(report.find((r) => r.column === "api_tokens.token_ciphertext")?.resealed).toBe(1);
    expect(report.find((r) => r.column === "alert_destinations.routing_key_ciphertext")?.resealed).toBe(1);

    // Nothing left for a second run, and the values open with the new key alone.
    const again = await resealSecrets({ orgId: t.org.id });
    expect(again.every((r) => r.resealed === 0)).toBe(true);
    useKeys(newKey);
    const stored = await db.apiToken.findFirstOrThrow({ where: { clusterId: cluster.id } });
    expect(openAgentToken(cluster.id, stored.tokenCiphertext!)).toBe(token);
    const row = await db.alertDestination.findUniqueOrThrow({ where: { id: destination.id } });
    expect(openRoutingKey(destination.id, row.routingKeyCiphertext)).toBe(routingKey);
  });

  it("stops on a value that no configured key opens, rather than losing it", async () => {
    useKeys(randomBytes(32).toString("base64"));
    const t = await createTestTenant();
    const actor = actorFor(t.users.admin);
    await createDestination(t.org.id, actor, {
      name: "Lost",
      routingKey: randomBytes(16).toString("hex"),
      teamId: null,
    });

    useKeys(randomBytes(32).toString("base64"));
    await expect(resealSecrets({ orgId: t.org.id })).rejects.toThrow(/neither BUMPERS_ENCRYPTION_KEY/);
  });
});
