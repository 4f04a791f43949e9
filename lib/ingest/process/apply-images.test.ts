import { describe, expect, it } from "vitest";
import { pool } from "@/lib/server/db";
import { createTenantWithReport } from "@/lib/testing/reports";
import { fixtureBytes } from "@/lib/testing/fixtures";

const TRIVY = fixtureBytes("../shared/fixtures/trivy-insights/v0.26-latest.json");

describe("image findings", () => {
  it("are written with their image's owning team, not rewritten afterwards, and open in that team's trend", async () => {
    const { t } = await createTenantWithReport("trivy", TRIVY);

    const { rows } = await pool.query<{ owned: number; rewritten: number }>(
      `SELECT count(*) FILTER (WHERE owner_team_id = $2)::int AS owned,
              count(*) FILTER (WHERE updated_at <> first_seen_at)::int AS rewritten
         FROM findings WHERE org_id = $1 AND image_id IS NOT NULL`,
      [t.org.id, t.team.id],
    );
    expect(rows[0].owned).toBeGreaterThan(0);
    expect(rows[0].rewritten).toBe(0);
    // The same owners as the full refresh computes (which runs after every report).
    const { rows: check } = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM findings f
        WHERE f.org_id = $1 AND f.image_id IS NOT NULL
          AND f.owner_team_id IS DISTINCT FROM (
            SELECT r.owner_team_id FROM image_workloads iw
              JOIN resources r ON r.id = iw.resource_id AND r.removed_at IS NULL
              LEFT JOIN teams tm ON tm.id = r.owner_team_id
             WHERE iw.cluster_id = f.cluster_id AND iw.image_id = f.image_id
             ORDER BY r.owner_team_id IS NULL, tm.priority, tm.name LIMIT 1)`,
      [t.org.id],
    );
    expect(check[0].n).toBe(0);
    const { rows: daily } = await pool.query<{ opened: number }>(
      `SELECT coalesce(sum(opened), 0)::int AS opened FROM finding_daily WHERE org_id = $1 AND owner_team_id = $2`,
      [t.org.id, t.team.id],
    );
    expect(daily[0].opened).toBe(rows[0].owned);
  });
});
