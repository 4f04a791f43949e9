import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pool } from "@/lib/server/db";
import { createTestCluster, createTestOrg, createTestTeam, createTestUser } from "@/lib/testing/factories";
import { setTeamScope } from "@/lib/teams/set-team-scope";
import { storeReport } from "@/lib/ingest/store-report";
import { processReport } from "@/lib/worker/process-report";
import { refreshStaleFindingOwners } from "@/lib/worker/stale-owners";

const POLARIS = readFileSync(path.resolve(process.cwd(), "../shared/fixtures/polaris/audit-dashboard-sample.json"));
const TRIVY = readFileSync(path.resolve(process.cwd(), "../shared/fixtures/trivy-insights/v0.26-latest.json"));

async function upload(orgId: string, clusterId: string, type: string, body: Buffer) {
  const stored = await storeReport({ orgId, clusterId, type, body, headers: new Headers() });
  await processReport(stored.reportId);
}

/** The rollup and a direct count over findings, as comparable sorted lists (zero rows dropped). */
async function rollupVersusFindings(orgId: string) {
  const key = "cluster_id, owner_team_id, namespace, source, category, severity, state";
  const rollup = await pool.query(
    `SELECT ${key}, count::int AS n FROM finding_counts WHERE org_id = $1 AND count <> 0 ORDER BY ${key}`,
    [orgId],
  );
  const direct = await pool.query(
    `SELECT ${key}, count(*)::int AS n FROM findings WHERE org_id = $1 GROUP BY ${key} ORDER BY ${key}`,
    [orgId],
  );
  return { rollup: rollup.rows, direct: direct.rows };
}

describe("finding rollups", () => {
  it("stay equal to a count over findings through ingest, triage, ownership changes and deletes", async () => {
    const org = await createTestOrg();
    const user = await createTestUser();
    const actor = { userId: user.id, label: user.email };
    const team = await createTestTeam(org.id);
    const prod = await createTestCluster(org.id, { slug: "prod" });
    const staging = await createTestCluster(org.id, { slug: "staging" });
    await setTeamScope(org.id, actor, team.id, [
      { effect: "include", cluster: "*", namespace: "kube-system", kind: "*", name: "*", labels: {} },
    ]);
    await upload(org.id, prod.id, "polaris", POLARIS);
    await upload(org.id, prod.id, "trivy", TRIVY);
    await upload(org.id, staging.id, "polaris", POLARIS);
    let state = await rollupVersusFindings(org.id);
    expect(state.rollup.length).toBeGreaterThan(0);
    expect(state.rollup).toEqual(state.direct);

    // Triage: resolve some, snooze others.
    await pool.query(
      `UPDATE findings SET resolution = 'will_not_fix' WHERE id IN (SELECT id FROM findings WHERE org_id = $1 LIMIT 5)`,
      [org.id],
    );
    await pool.query(
      `UPDATE findings SET snoozed_until = now() + interval '1 day'
        WHERE id IN (SELECT id FROM findings WHERE org_id = $1 AND resolution IS NULL LIMIT 7)`,
      [org.id],
    );
    // Ownership moves in the background after a scope change.
    await setTeamScope(org.id, actor, team.id, [
      { effect: "include", cluster: "*", namespace: "local-path-storage", kind: "*", name: "*", labels: {} },
    ]);
    await refreshStaleFindingOwners();
    state = await rollupVersusFindings(org.id);
    expect(state.rollup).toEqual(state.direct);
    expect(state.rollup.some((r) => r.state === "resolved")).toBe(true);
    expect(state.rollup.some((r) => r.state === "snoozed")).toBe(true);

    // Deleting a cluster takes its findings and its rollup rows with it.
    await pool.query(`DELETE FROM clusters WHERE id = $1`, [staging.id]);
    state = await rollupVersusFindings(org.id);
    expect(state.rollup).toEqual(state.direct);
    const left = await pool.query(`SELECT count(*)::int AS n FROM finding_counts WHERE cluster_id = $1`, [staging.id]);
    expect(left.rows[0].n).toBe(0);
  });

  it("counts transitions per day and team for the trend", async () => {
    const org = await createTestOrg();
    const cluster = await createTestCluster(org.id, { slug: "prod" });
    await upload(org.id, cluster.id, "polaris", POLARIS);
    const daily = await pool.query(
      `SELECT sum(opened)::int AS opened, sum(fixed)::int AS fixed FROM finding_daily WHERE org_id = $1`,
      [org.id],
    );
    expect(daily.rows[0]).toEqual({ opened: 29, fixed: 0 });
    await pool.query(`SELECT rebuild_finding_rollups($1)`, [org.id]);
    const rebuilt = await pool.query(`SELECT sum(opened)::int AS opened FROM finding_daily WHERE org_id = $1`, [
      org.id,
    ]);
    expect(rebuilt.rows[0].opened).toBe(29);
  });
});
