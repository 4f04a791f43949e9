import "server-only";
import { pool } from "@/lib/server/db";
import { reportingState, staleSince } from "./reporting-state";
import { STALE_HOURS_DEFAULT } from "./stale-setting";

export type TStaleCluster = { id: string; slug: string; name: string; lastReportAt: Date; staleSince: Date };

/** The org's threshold in hours (the column's default when the org is unknown). */
export async function staleClusterHours(orgId: string): Promise<number> {
  const { rows } = await pool.query<{ hours: number }>(
    `SELECT stale_cluster_hours AS hours FROM organizations WHERE id = $1`,
    [orgId],
  );
  return rows[0]?.hours ?? STALE_HOURS_DEFAULT;
}

/**
 * Clusters of the org that reported at least once and whose latest report is older than the org's
 * setting, longest silent first. Clusters still waiting for their first report are not listed.
 */
export async function staleClusters(orgId: string, now: Date = new Date()): Promise<TStaleCluster[]> {
  const { rows } = await pool.query<{
    id: string;
    slug: string;
    name: string;
    last_report_at: Date;
    hours: number;
  }>(
    `SELECT c.id, c.slug, c.name, last.received_at AS last_report_at, o.stale_cluster_hours AS hours
       FROM clusters c
       JOIN organizations o ON o.id = c.org_id
       CROSS JOIN LATERAL (
         SELECT received_at FROM reports r
          WHERE r.org_id = c.org_id AND r.cluster_id = c.id
          ORDER BY received_at DESC
          LIMIT 1
       ) last
      WHERE c.org_id = $1
      ORDER BY last.received_at, c.slug`,
    [orgId],
  );
  return rows
    .filter((r) => reportingState(r.last_report_at, r.hours, now) === "stale")
    .map((r) => ({
      id: r.id,
      slug: r.slug,
      name: r.name,
      lastReportAt: r.last_report_at,
      staleSince: staleSince(r.last_report_at, r.hours),
    }));
}
