import { describe, expect, it } from "vitest";
import { pool } from "@/lib/server/db";
import { createTestCluster, createTestOrg, createTestTeam, createTestUser } from "@/lib/testing/factories";
import { setTeamScope } from "@/lib/teams/set-team-scope";
import { refreshStaleFindingOwners } from "@/lib/worker/stale-owners";
import { storeAndProcess } from "@/lib/testing/reports";
import { rollupVersusFindings } from "./triage-testing";
import { fixtureBytes } from "@/lib/testing/fixtures";

const POLARIS = fixtureBytes("../shared/fixtures/polaris/audit-dashboard-sample.json");
const TRIVY = fixtureBytes("../shared/fixtures/trivy-insights/v0.26-latest.json");

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
    await storeAndProcess(org.id, prod.id, "polaris", POLARIS);
    await storeAndProcess(org.id, prod.id, "trivy", TRIVY);
    await storeAndProcess(org.id, staging.id, "polaris", POLARIS);
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
    await storeAndProcess(org.id, cluster.id, "polaris", POLARIS);
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
