import { storeReport } from "@/lib/ingest/store-report";
import { processReport } from "@/lib/worker/process-report";
import { setTeamScope } from "@/lib/teams/set-team-scope";
import { actorFor, createTestCluster, createTestTenant } from "@/lib/testing/factories";

/**
 * A report through the real path, as an agent's upload and the worker would take it: stored, then
 * processed (a duplicate of a stored report is not processed again).
 */
export async function storeAndProcess(orgId: string, clusterId: string, type: string, body: Buffer | string) {
  const stored = await storeReport({ orgId, clusterId, type, body: Buffer.from(body), headers: new Headers() });
  const outcome = stored.duplicate ? undefined : await processReport(stored.reportId);
  return { stored, outcome };
}

/**
 * A tenant whose team owns kube-system in every cluster, with a "prod" cluster that has taken one
 * report through the real path: findings exist, and the kube-system ones are the team's.
 */
export async function createTenantWithReport(type: string, body: Buffer | string) {
  const t = await createTestTenant();
  const actor = actorFor(t.users.admin);
  await setTeamScope(t.org.id, actor, t.team.id, [
    { effect: "include", cluster: "*", namespace: "kube-system", kind: "*", name: "*", labels: {} },
  ]);
  const cluster = await createTestCluster(t.org.id, { slug: "prod" });
  await storeAndProcess(t.org.id, cluster.id, type, body);
  return { t, actor, cluster };
}
