import { authorizeOrg } from "@/lib/auth/access";
import { pool } from "@/lib/server/db";
import { setTeamScope } from "@/lib/teams/set-team-scope";
import { actorFor, createTestCluster, createTestTenant } from "@/lib/testing/factories";
import { signInAs } from "@/lib/testing/session";
import { triageContextOf } from "./triage-context";
import { fixtureBytes } from "@/lib/testing/fixtures";
import { storeAndProcess } from "@/lib/testing/reports";

// Test helpers for triage: findings made by the real ingest, owned by the tenant's teams.

export const POLARIS = fixtureBytes("../shared/fixtures/polaris/audit-dashboard-sample.json");

/** A report stored and processed, as an agent would upload it. */
export const uploadReport = storeAndProcess;

const include = (namespace: string, name = "*") => ({
  effect: "include" as const,
  cluster: "*",
  namespace,
  kind: "*",
  name,
  labels: {},
});

/**
 * A tenant (createTestTenant) with one cluster's Polaris findings: kube-system's k* workloads owned
 * by `team`, local-path-storage by `otherTeam`, coredns (kube-system) unassigned.
 */
export async function createTriageTenant() {
  const t = await createTestTenant();
  const cluster = await createTestCluster(t.org.id, { slug: "prod" });
  const actor = actorFor(t.users.admin);
  await setTeamScope(t.org.id, actor, t.team.id, [include("kube-system", "k*")]);
  await setTeamScope(t.org.id, actor, t.otherTeam.id, [include("local-path-storage")]);
  await uploadReport(t.org.id, cluster.id, "polaris", POLARIS);
  const { rows } = await pool.query<{ id: string; owner_team_id: string | null }>(
    `SELECT id, owner_team_id FROM findings WHERE org_id = $1 ORDER BY id`,
    [t.org.id],
  );
  const owned = (teamId: string | null) => rows.filter((r) => r.owner_team_id === teamId).map((r) => r.id);
  const findings = { team: owned(t.team.id), otherTeam: owned(t.otherTeam.id), unassigned: owned(null) };
  if (!findings.team.length || !findings.otherTeam.length || !findings.unassigned.length) {
    throw new Error("the Polaris fixture no longer gives each team and the unassigned bucket findings");
  }
  return { ...t, cluster, findings };
}

/** The triage context a signed-in `user` gets for `orgSlug` (signs them in). */
export async function sessionContext(user: { id: string; email: string; name: string }, orgSlug: string) {
  signInAs(user);
  return triageContextOf(await authorizeOrg(orgSlug));
}

/** The rollup and a direct count over findings, as comparable sorted lists (zero rows dropped). */
export async function rollupVersusFindings(orgId: string) {
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

export async function statesOf(ids: readonly string[]) {
  const { rows } = await pool.query<{ id: string; state: string }>(
    `SELECT id, state::text FROM findings WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  return Object.fromEntries(rows.map((r) => [r.id, r.state]));
}

export async function eventsOf(ids: readonly string[], kinds?: readonly string[]) {
  const { rows } = await pool.query<{
    finding_id: string;
    kind: string;
    actor_id: string | null;
    data: Record<string, unknown>;
  }>(
    `SELECT finding_id, kind::text, actor_id, data FROM finding_events
      WHERE finding_id = ANY($1::uuid[]) AND ($2::text[] IS NULL OR kind::text = ANY($2))
      ORDER BY created_at, finding_id`,
    [ids, kinds ?? null],
  );
  return rows;
}
