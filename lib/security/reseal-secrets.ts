import "server-only";
import { openAgentToken, sealAgentToken } from "@/lib/clusters/agent-token-secret";
import { openRoutingKey, sealRoutingKey } from "@/lib/alerting/destinations/routing-key";
import { openConnectionSecret, sealConnectionSecret } from "@/lib/notifications/connections/secrets";
import { openClientSecret, openSpPrivateKey, sealClientSecret, sealSpPrivateKey } from "@/lib/sso/connections";
import { pool } from "@/lib/server/db";
import { isSealedWithCurrentKey } from "@/lib/server/secret-box";
import { inTransaction } from "@/lib/server/sql";

// Key rotation: every sealed value still under BUMPERS_ENCRYPTION_KEY_PREVIOUS is opened and sealed
// again under BUMPERS_ENCRYPTION_KEY, in batches, each batch in its own transaction. Rows written
// meanwhile are sealed under the new key already, and a second run finds nothing left to do.

type TSealedColumn = {
  /** table.column, for the report */
  name: string;
  /** Rows still to re-seal: id, the context id the value is bound to, and the sealed value. */
  select: string;
  update: string;
  reseal: (contextId: string, sealed: string) => string;
};

const viaRoutingKey = (contextId: string, sealed: string) =>
  sealRoutingKey(contextId, openRoutingKey(contextId, sealed));

const SEALED_COLUMNS: TSealedColumn[] = [
  {
    name: "api_tokens.token_ciphertext",
    select:
      "SELECT id::text, cluster_id::text AS context_id, token_ciphertext AS sealed FROM api_tokens WHERE token_ciphertext IS NOT NULL AND cluster_id IS NOT NULL AND ($1::uuid IS NULL OR org_id = $1)",
    update: "UPDATE api_tokens SET token_ciphertext = $2 WHERE id = $1::uuid AND token_ciphertext = $3",
    reseal: (clusterId, sealed) => sealAgentToken(clusterId, openAgentToken(clusterId, sealed)),
  },
  {
    name: "alert_destinations.routing_key_ciphertext",
    select:
      "SELECT id::text, id::text AS context_id, routing_key_ciphertext AS sealed FROM alert_destinations WHERE ($1::uuid IS NULL OR org_id = $1)",
    update:
      "UPDATE alert_destinations SET routing_key_ciphertext = $2 WHERE id = $1::uuid AND routing_key_ciphertext = $3",
    reseal: viaRoutingKey,
  },
  {
    name: "alert_routes.routing_key_ciphertext",
    select:
      "SELECT id::text, destination_id::text AS context_id, routing_key_ciphertext AS sealed FROM alert_routes WHERE routing_key_ciphertext <> '' AND ($1::uuid IS NULL OR org_id = $1)",
    update: "UPDATE alert_routes SET routing_key_ciphertext = $2 WHERE id = $1::uuid AND routing_key_ciphertext = $3",
    reseal: viaRoutingKey,
  },
  {
    name: "alert_events.routing_key_ciphertext",
    select:
      "SELECT id::text, destination_id::text AS context_id, routing_key_ciphertext AS sealed FROM alert_events WHERE routing_key_ciphertext IS NOT NULL AND ($1::uuid IS NULL OR org_id = $1)",
    update: "UPDATE alert_events SET routing_key_ciphertext = $2 WHERE id = $1::bigint AND routing_key_ciphertext = $3",
    reseal: viaRoutingKey,
  },
  {
    name: "notification_connections.secret_ciphertext",
    select:
      "SELECT id::text, id::text AS context_id, secret_ciphertext AS sealed FROM notification_connections WHERE ($1::uuid IS NULL OR org_id = $1)",
    update: "UPDATE notification_connections SET secret_ciphertext = $2 WHERE id = $1::uuid AND secret_ciphertext = $3",
    reseal: (connectionId, sealed) => sealConnectionSecret(connectionId, openConnectionSecret(connectionId, sealed)),
  },
  {
    name: "sso_connections.client_secret_sealed",
    select:
      "SELECT org_id::text AS id, org_id::text AS context_id, client_secret_sealed AS sealed FROM sso_connections WHERE client_secret_sealed IS NOT NULL AND ($1::uuid IS NULL OR org_id = $1)",
    update:
      "UPDATE sso_connections SET client_secret_sealed = $2 WHERE org_id = $1::uuid AND client_secret_sealed = $3",
    reseal: (orgId, sealed) => sealClientSecret(orgId, openClientSecret(orgId, sealed)),
  },
  {
    name: "sso_connections.sp_private_key_sealed",
    select:
      "SELECT org_id::text AS id, org_id::text AS context_id, sp_private_key_sealed AS sealed FROM sso_connections WHERE sp_private_key_sealed IS NOT NULL AND ($1::uuid IS NULL OR org_id = $1)",
    update:
      "UPDATE sso_connections SET sp_private_key_sealed = $2 WHERE org_id = $1::uuid AND sp_private_key_sealed = $3",
    reseal: (orgId, sealed) => sealSpPrivateKey(orgId, openSpPrivateKey(orgId, sealed)),
  },
];

const BATCH = 500;

export type TResealReport = { column: string; resealed: number; alreadyCurrent: number }[];

/**
 * Re-seals every stored secret (of one org when `orgId` is given) under the current key. Throws,
 * changing nothing more, on a value no key opens.
 */
export async function resealSecrets(options: { orgId?: string } = {}): Promise<TResealReport> {
  const report: TResealReport = [];
  for (const column of SEALED_COLUMNS) {
    const { rows } = await pool.query<{ id: string; context_id: string; sealed: string }>(column.select, [
      options.orgId ?? null,
    ]);
    const stale = rows.filter((row) => !isSealedWithCurrentKey(row.sealed));
    for (let start = 0; start < stale.length; start += BATCH) {
      await inTransaction(pool, async (client) => {
        for (const row of stale.slice(start, start + BATCH)) {
          // The old value in the WHERE clause: a row changed since it was read keeps its newer value.
          await client.query(column.update, [row.id, column.reseal(row.context_id, row.sealed), row.sealed]);
        }
      });
    }
    report.push({ column: column.name, resealed: stale.length, alreadyCurrent: rows.length - stale.length });
  }
  return report;
}
