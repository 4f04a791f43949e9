import { randomBytes } from "node:crypto";
import { createOwnerTeam } from "./bench-kit";

// The tenant the load and fault scripts drive: an organization with N clusters (each with its agent
// token), an org read token for the API, and optionally a team, a PagerDuty destination and a rule
// so processed reports enqueue alert events. Made through lib/ functions in the script's process
// (DATABASE_URL must point at the migrated scratch database before this is imported).

export type TLoadTenant = {
  orgId: string;
  orgSlug: string;
  readToken: string;
  clusters: { id: string; slug: string; token: string }[];
  routingKey?: string;
  /** The org's owner, who can sign in with this password. */
  owner: { email: string; password: string };
};

export async function createLoadTenant(options: { clusters: number; alerting?: boolean }): Promise<TLoadTenant> {
  const { db } = await import("@/lib/server/db");
  const { createCluster } = await import("@/lib/clusters/create-cluster");
  const { createOrgToken } = await import("@/lib/tokens/create-org-token");
  const { hashPassword } = await import("@/lib/auth/passwords");
  const password = `load-${randomBytes(9).toString("base64url")}`;
  const org = await db.organization.create({ data: { slug: "load", name: "Load" } });
  const user = await db.user.create({
    data: { email: "load@load.example", name: "Load", passwordHash: await hashPassword(password) },
  });
  await db.membership.create({ data: { orgId: org.id, userId: user.id, role: "owner" } });
  const actor = { userId: user.id, label: user.email };
  const clusters = [];
  for (let i = 0; i < options.clusters; i++) {
    const slug = `c${String(i).padStart(3, "0")}`;
    const made = await createCluster(org.id, actor, { slug, name: `Cluster ${i}` });
    clusters.push({ id: made.cluster.id, slug, token: made.token });
  }
  const read = await createOrgToken(org.id, actor, { name: "load", kind: "org_read" });
  let routingKey: string | undefined;
  if (options.alerting) {
    const { createDestination } = await import("@/lib/alerting/destinations/create-destination");
    const { createRule } = await import("@/lib/alerting/rules/create-rule");
    const team = await createOwnerTeam(org.id, { slug: "everything", name: "Everything" });
    routingKey = randomBytes(16).toString("hex");
    const destination = await createDestination(org.id, actor, { name: "On-call", routingKey, teamId: team.id });
    await createRule(org.id, actor, null, {
      // Polaris only: a few pages per report, not one per vulnerable workload of the big Trivy reports.
      name: "Polaris, by workload",
      match: { minSeverity: "low", sources: ["polaris"] },
      useTeamDestination: true,
      destinationId: destination.id,
      pdSeverity: "error",
      grouping: "workload",
    });
  }
  return {
    orgId: org.id,
    orgSlug: org.slug,
    readToken: read.secret,
    clusters,
    routingKey,
    owner: { email: user.email, password },
  };
}
