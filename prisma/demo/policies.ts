import "server-only";
import type { TActor } from "@/lib/auth/access";
import { recordAudit } from "@/lib/audit/record-audit";
import { checkById } from "@/lib/policies/checks";
import { orgSetting } from "@/lib/policies/effective";
import { db, pool } from "@/lib/server/db";
import { demoUid } from "./ids";

// Acme's policy settings and a week of admission decisions, so the Policies pages have something
// to show: privileged containers are denied at admission, host paths fail CI, topology spread is
// off; Payments blocks missing readiness probes in CI; ingress-nginx may bind host ports. The org
// ran passive for its first days, so older decisions that blocking checks would deny say so.

const HOUR_MS = 3_600_000;
/** Blocking was switched on this long ago; before that the org was passive. */
const ENFORCING_FOR_HOURS = 4 * 24;

type TDecisionSpec = {
  cluster: "prod-us-east" | "staging-eu";
  team: "payments" | "checkout" | "platform" | null;
  namespace: string;
  kind: string;
  name: string;
  username: string;
  /** Checks whose failure blocks admission. */
  blocking?: string[];
  warned?: string[];
  exempted?: string[];
  /** How many times the object was applied over the week. */
  times: number;
};

const ARGO = "system:serviceaccount:argocd:argocd-application-controller";
const FLUX = "system:serviceaccount:flux-system:kustomize-controller";

const DECISIONS: TDecisionSpec[] = [
  {
    cluster: "prod-us-east",
    team: "payments",
    namespace: "payments-api",
    kind: "Deployment",
    name: "payments-api",
    username: ARGO,
    times: 7,
  },
  {
    cluster: "staging-eu",
    team: "payments",
    namespace: "payments-api",
    kind: "Deployment",
    name: "payments-api",
    username: ARGO,
    warned: ["pullPolicyNotAlways"],
    times: 5,
  },
  {
    cluster: "prod-us-east",
    team: "payments",
    namespace: "payments-api",
    kind: "Deployment",
    name: "fraud-scoring",
    username: ARGO,
    warned: ["readinessProbeMissing", "memoryLimitsMissing"],
    times: 4,
  },
  {
    cluster: "prod-us-east",
    team: "payments",
    namespace: "payments-ledger",
    kind: "StatefulSet",
    name: "ledger-postgres",
    username: "lead@acme.example",
    blocking: ["runAsPrivileged"],
    warned: ["notReadOnlyRootFilesystem"],
    times: 3,
  },
  {
    cluster: "prod-us-east",
    team: "payments",
    namespace: "payments-ledger",
    kind: "CronJob",
    name: "ledger-reconcile",
    username: ARGO,
    warned: ["runAsRootAllowed", "cpuRequestsMissing"],
    times: 3,
  },
  {
    cluster: "prod-us-east",
    team: "checkout",
    namespace: "checkout-web",
    kind: "Deployment",
    name: "storefront",
    username: FLUX,
    times: 6,
  },
  {
    cluster: "staging-eu",
    team: "checkout",
    namespace: "checkout-web",
    kind: "Deployment",
    name: "storefront",
    username: FLUX,
    warned: ["tagNotSpecified"],
    times: 4,
  },
  {
    cluster: "prod-us-east",
    team: "checkout",
    namespace: "checkout-web",
    kind: "Deployment",
    name: "cart-api",
    username: FLUX,
    warned: [
      "livenessProbeMissing",
      "memoryLimitsMissing",
      "cpuLimitsMissing",
      "pullPolicyNotAlways",
      "deploymentMissingReplicas",
    ],
    times: 4,
  },
  {
    cluster: "prod-us-east",
    team: "checkout",
    namespace: "checkout-search",
    kind: "StatefulSet",
    name: "search-opensearch",
    username: "dev@acme.example",
    blocking: ["runAsPrivileged"],
    warned: ["privilegeEscalationAllowed"],
    times: 4,
  },
  {
    cluster: "prod-us-east",
    team: "platform",
    namespace: "ingress-nginx",
    kind: "Deployment",
    name: "ingress-nginx-controller",
    username: ARGO,
    exempted: ["hostPortSet"],
    warned: ["insecureCapabilities"],
    times: 4,
  },
  {
    cluster: "prod-us-east",
    team: "platform",
    namespace: "monitoring",
    kind: "StatefulSet",
    name: "prometheus-server",
    username: ARGO,
    times: 3,
  },
  {
    cluster: "staging-eu",
    team: "platform",
    namespace: "cert-manager",
    kind: "Deployment",
    name: "cert-manager",
    username: ARGO,
    times: 2,
  },
  {
    cluster: "prod-us-east",
    team: null,
    namespace: "payments-sandbox",
    kind: "Deployment",
    name: "payments-api",
    username: "dev@acme.example",
    warned: ["runAsRootAllowed", "livenessProbeMissing"],
    times: 3,
  },
  {
    cluster: "prod-us-east",
    team: null,
    namespace: "data-analytics",
    kind: "Deployment",
    name: "jupyter-hub",
    username: "analyst@acme.example",
    blocking: ["runAsPrivileged"],
    warned: ["hostPathSet"],
    times: 4,
  },
];

/**
 * Org settings, a Payments override and an exemption rule, written as the pages' verbs write them
 * (lib/policies), audited. Not through those verbs: they take a session's access, and the seed
 * runs outside Next, where the session module cannot load.
 */
async function seedSettings(orgId: string, actor: TActor, teamIds: ReadonlyMap<string, string>) {
  const defaults = { enabled: true, severity: null, blockAdmission: false, blockCi: false };
  const settings = [
    { checkId: "runAsPrivileged", ...defaults, blockAdmission: true, blockCi: true },
    { checkId: "hostPathSet", ...defaults, blockCi: true },
    { checkId: "topologySpreadConstraint", ...defaults, enabled: false },
  ];
  await db.$transaction(async (tx) => {
    for (const setting of settings) {
      const check = checkById(setting.checkId)!;
      await tx.policySetting.create({ data: { orgId, ...setting } });
      await recordAudit(tx, {
        orgId,
        actor,
        action: "policy.org_setting_changed",
        target: { type: "check", id: check.id, label: check.title },
        before: orgSetting(check, null),
        after: orgSetting(check, setting),
      });
    }
    const payments = teamIds.get("payments");
    if (payments) {
      const override = { enabled: false, severity: "high" as const, blockAdmission: false, blockCi: true };
      await tx.teamPolicySetting.create({
        data: { orgId, teamId: payments, checkId: "readinessProbeMissing", ...override },
      });
      await recordAudit(tx, {
        orgId,
        actor,
        action: "policy.team_setting_changed",
        target: { type: "team", id: payments, label: `Payments: ${checkById("readinessProbeMissing")!.title}` },
        after: override,
      });
    }
    const exemption = {
      checkIds: ["hostPortSet"],
      teamId: teamIds.get("platform") ?? null,
      cluster: "*",
      namespace: "ingress-nginx",
      kind: "Deployment",
      name: "ingress-nginx-controller",
      reason: "Binds 80 and 443 on the node: the bare-metal load balancer sends traffic straight to the host ports.",
    };
    const created = await tx.policyExemption.create({ data: { orgId, ...exemption } });
    await recordAudit(tx, {
      orgId,
      actor,
      action: "policy.exemption_created",
      target: { type: "policy_exemption", id: created.id, label: exemption.checkIds.join(", ") },
      after: { ...exemption, team: "Platform", expiresAt: null },
    });
  });
}

/** About 60 decisions over the last week, newest first, spread over the hours deterministically. */
async function seedDecisions(orgId: string, teamIds: ReadonlyMap<string, string>, now: Date) {
  const clusters = new Map(
    (await db.cluster.findMany({ where: { orgId }, select: { id: true, slug: true } })).map((c) => [c.slug, c.id]),
  );
  // Interleave the objects so each day has a mix, as a week of deploys would.
  const events: { spec: TDecisionSpec; n: number }[] = [];
  for (let round = 0; events.length < DECISIONS.reduce((s, d) => s + d.times, 0); round++) {
    for (const spec of DECISIONS) if (round < spec.times) events.push({ spec, n: round });
  }
  const span = 7 * 24 * HOUR_MS - HOUR_MS;
  const rows = events.map(({ spec, n }, i) => {
    // Roughly even, with a deterministic wobble so times do not fall on the hour.
    const at = new Date(
      now.getTime() - 20 * 60_000 - Math.round((span * i) / events.length) - ((i * 7919) % 97) * 60_000,
    );
    const passive = at.getTime() < now.getTime() - ENFORCING_FOR_HOURS * HOUR_MS;
    const blocking = spec.blocking ?? [];
    const warned = spec.warned ?? [];
    const outcome = blocking.length && !passive ? "denied" : blocking.length || warned.length ? "warned" : "allowed";
    return {
      clusterId: clusters.get(spec.cluster)!,
      teamId: spec.team ? (teamIds.get(spec.team) ?? null) : null,
      uid: demoUid("admission", spec.cluster, spec.namespace, spec.name, String(n)),
      // Rounds run newest first: the oldest application of each object created it.
      operation: n === spec.times - 1 ? "CREATE" : "UPDATE",
      namespace: spec.namespace,
      kind: spec.kind,
      name: spec.name,
      username: spec.username,
      outcome,
      passive: passive && blocking.length > 0,
      blocking,
      warned,
      exempted: spec.exempted ?? [],
      createdAt: at,
    };
  });
  await pool.query(
    `INSERT INTO admission_decisions (org_id, cluster_id, team_id, uid, operation, namespace, kind, name, username,
                                      outcome, passive, blocking, warned, exempted, created_at)
     SELECT $1, r."clusterId", r."teamId", r.uid, r.operation, r.namespace, r.kind, r.name, r.username,
            r.outcome::admission_outcome, r.passive, r.blocking, r.warned, r.exempted, r."createdAt"
       FROM jsonb_to_recordset($2::jsonb) AS r("clusterId" uuid, "teamId" uuid, uid text, operation text,
            namespace text, kind text, name text, username text, outcome text, passive boolean,
            blocking text[], warned text[], exempted text[], "createdAt" timestamptz)`,
    [orgId, JSON.stringify(rows)],
  );
}

export async function seedPolicies(
  orgId: string,
  actor: TActor,
  teamIds: ReadonlyMap<string, string>,
  now: Date = new Date(),
): Promise<void> {
  await seedSettings(orgId, actor, teamIds);
  await seedDecisions(orgId, teamIds, now);
}
