import { createCluster } from "@/lib/clusters/create-cluster";
import { actorFor, createTestTenant } from "@/lib/testing/factories";

/**
 * A tenant with the two clusters agent-facing tests talk to ("prod" and a "staging" sibling), created through the
 * real verb so their tokens exist as agents receive them.
 */
export async function createAgentTenant() {
  const tenant = await createTestTenant();
  const actor = actorFor(tenant.users.admin);
  const main = await createCluster(tenant.org.id, actor, { slug: "prod", name: "Prod" });
  const sibling = await createCluster(tenant.org.id, actor, { slug: "staging", name: "Staging" });
  return { tenant, actor, main, sibling };
}
