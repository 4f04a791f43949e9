import "server-only";
import { refreshCostOwners } from "@/lib/cost/ingest/rollup";
import { pool } from "@/lib/server/db";
import { refreshFindingOwners } from "@/lib/ingest/process/finding-owners";
import { inTransaction } from "@/lib/server/sql";

/**
 * After a scope edit, brings the owning team of findings and cost rows in line with their
 * resources, one org at a time. The flag is cleared only if no newer edit happened meanwhile (same
 * timestamp), so an edit made during the refresh triggers another pass. Returns how many orgs
 * were refreshed.
 */
export async function refreshStaleFindingOwners(): Promise<number> {
  const { rows } = await pool.query<{ id: string; since: Date }>(
    `SELECT id, finding_owners_stale_since AS since FROM organizations
      WHERE finding_owners_stale_since IS NOT NULL ORDER BY finding_owners_stale_since`,
  );
  for (const org of rows) {
    await inTransaction(pool, async (client) => {
      await refreshFindingOwners(client, org.id, null);
      // Cost rows follow their workload to its new team, history included (docs/cost.md).
      await refreshCostOwners(client, org.id);
      await client.query(
        `UPDATE organizations SET finding_owners_stale_since = NULL WHERE id = $1 AND finding_owners_stale_since = $2`,
        [org.id, org.since],
      );
    });
  }
  return rows.length;
}
