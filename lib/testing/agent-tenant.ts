import { createCluster } from "@/lib/clusters/create-cluster";
import { actorFor, createTestTenant } from "@/lib/testing/factories";
import { createOrgToken } from "@/lib/tokens/create-org-token";

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

/**
 * createAgentTenant plus the credentials an agent route must refuse: an org_admin token (not a
 * cluster token) and another org's clusters, one per slug, named after the slug.
 */
export async function createAgentTenantWithStrangers(foreignSlugs: string[]) {
  const home = await createAgentTenant();
  const orgToken = await createOrgToken(home.tenant.org.id, home.actor, { name: "fleet", kind: "org_admin" });
  const other = await createTestTenant();
  const otherActor = actorFor(other.users.admin);
  const foreign = [];
  for (const slug of foreignSlugs) {
    const name = slug[0].toUpperCase() + slug.slice(1);
    foreign.push(await createCluster(other.org.id, otherActor, { slug, name }));
  }
  return { ...home, orgToken: orgToken.secret, foreign };
}
