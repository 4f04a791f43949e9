import { randomBytes } from "node:crypto";
import type { TKubeObject } from "@/lib/policies/types";
import { PRIVILEGED_CONTAINER, goodContainer, goodDeployment } from "@/lib/policies/test-manifests";
import { DEPLOYMENT_KIND } from "@/lib/admission/test-requests";
import { FINDING_COLUMNS, FINDING_OBJECT_COLUMNS } from "./bench-kit";
import { inTransaction } from "@/lib/server/sql";

// The admission benchmark's org and request bodies. The org is shaped like a real one: teams owning
// namespaces by scope rules, org settings that block a few checks and turn others off, stricter
// team overrides, exemption rules (one expired), an alert rule, and workloads with agent findings
// (some resolved in the app, which exempts the check in admission). Server modules are imported
// inside, after the caller has set DATABASE_URL.

export const TEAMS = 20;
export const CLUSTERS = 5;
export const KUBERNETES_VERSION = "v1.30.4";
const FINDINGS_PER_WORKLOAD = 6;
const UID = "__UID__";

export type TBenchOrg = {
  id: string;
  clusterSlug: string;
  token: string;
  teams: { id: string; slug: string }[];
  settings: number;
  blocking: number;
  overrides: number;
  exemptions: number;
};

export const slugOf = (i: number) => `team-${String(i).padStart(2, "0")}`;
const pad = (i: number) => String(i).padStart(3, "0");

type TVariant = "good" | "warned" | "denied";
type TOperation = "CREATE" | "UPDATE" | "DELETE";

// A typical sidecar: no probes, requests without limits (four warnings with the org's settings).
const sidecar = {
  name: "envoy",
  image: "envoyproxy/envoy:v1.31.2",
  livenessProbe: undefined,
  readinessProbe: undefined,
  resources: { requests: { cpu: "100m", memory: "64Mi" } },
};

function manifest(variant: TVariant): TKubeObject {
  if (variant === "good") return goodDeployment();
  if (variant === "warned")
    return goodDeployment({ podSpec: { containers: [goodContainer(), goodContainer(sidecar)] } });
  return goodDeployment({ podSpec: { containers: [goodContainer(PRIVILEGED_CONTAINER)] } });
}

/** A Deployment as the API server sends it: server-set metadata, managed fields and status included. */
export function apiServerDeployment(name: string, namespace: string, team: string, variant: TVariant): TKubeObject {
  const base = manifest(variant);
  const labels = { app: name, "app.kubernetes.io/name": name, "app.kubernetes.io/part-of": team, team };
  (base.spec as { template: { metadata: { labels: Record<string, string> } } }).template.metadata.labels = labels;
  return {
    ...base,
    metadata: {
      name,
      namespace,
      uid: `6f1c2a9e-0000-4000-8000-${name.replace(/\D/g, "").padStart(12, "0")}`,
      resourceVersion: "48213377",
      generation: 7,
      creationTimestamp: "2026-09-14T08:12:44Z",
      labels,
      annotations: { "deployment.kubernetes.io/revision": "7", "meta.helm.sh/release-name": name },
      managedFields: [
        {
          manager: "helm",
          operation: "Update",
          apiVersion: "apps/v1",
          time: "2026-11-30T10:02:11Z",
          fieldsType: "FieldsV1",
          fieldsV1: { "f:metadata": { "f:labels": { "f:app": {} } }, "f:spec": { "f:replicas": {} } },
        },
      ],
    },
    status: { observedGeneration: 7, replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 },
  };
}

/** An AdmissionReview body with a `__UID__` placeholder, replaced per request by `withUid`. */
function reviewBody(object: TKubeObject, operation: TOperation, dryRun: boolean) {
  const metadata = object.metadata as { name: string; namespace: string };
  return JSON.stringify({
    apiVersion: "admission.k8s.io/v1",
    kind: "AdmissionReview",
    request: {
      uid: UID,
      ...DEPLOYMENT_KIND,
      requestKind: { group: "apps", version: "v1", kind: "Deployment" },
      namespace: metadata.namespace,
      name: metadata.name,
      operation,
      userInfo: {
        username: "system:serviceaccount:argocd:argocd-application-controller",
        groups: ["system:serviceaccounts", "system:authenticated"],
      },
      object: operation === "DELETE" ? null : object,
      oldObject: operation === "CREATE" ? null : object,
      dryRun,
      options: { kind: `${operation[0]}${operation.slice(1).toLowerCase()}Options`, apiVersion: "meta.k8s.io/v1" },
    },
  });
}

let uidCounter = 0;
/** A body with a uid of its own, as every API server call has. */
export const withUid = (body: string) => body.replace(UID, `bench-${process.pid}-${++uidCounter}`);

export type TCase = { name: string; expect: "allowed" | "warned" | "denied"; bodies: string[] };

/** Each case's bodies: one per object of a pool of `size`, spread over the teams' namespaces. */
export function buildCases(size: number) {
  const pool = (prefix: string, variant: TVariant, operation: TOperation, dryRun = false) =>
    Array.from({ length: size }, (_, i) => {
      const team = slugOf(i % TEAMS);
      return reviewBody(apiServerDeployment(`${prefix}-${pad(i)}`, `${team}-apps`, team, variant), operation, dryRun);
    });
  return {
    deleted: {
      name: "DELETE (authentication only, nothing evaluated)",
      expect: "allowed",
      bodies: pool("web", "good", "DELETE"),
    },
    dryRun: { name: "(a) good Deployment, dry run", expect: "allowed", bodies: pool("web", "good", "UPDATE", true) },
    warned: {
      name: "(b) Deployment with warnings, recorded",
      expect: "warned",
      bodies: pool("web", "warned", "UPDATE"),
    },
    denied: {
      name: "(c) Deployment denied by an org-blocking check, recorded",
      expect: "denied",
      bodies: pool("edge", "denied", "UPDATE"),
    },
    // Objects never seen: the resource row, the findings and their events are inserted, alerting runs.
    created: {
      name: "first review of a new Deployment with warnings",
      expect: "warned",
      bodies: pool("new", "warned", "CREATE"),
    },
  } satisfies Record<string, TCase>;
}
export type TCases = ReturnType<typeof buildCases>;

/**
 * Writes the org. The reviewed cluster holds the pools the cases review (`web-*`, `edge-*`, `size`
 * each); `workloads` Deployments in all, spread over every cluster, each with agent findings.
 */
export async function generateOrg(options: { size: number; workloads: number }): Promise<TBenchOrg> {
  const { pool, db } = await import("@/lib/server/db");
  const { copyRows } = await import("@/lib/ingest/process/copy-rows");
  const { createCluster } = await import("@/lib/clusters/create-cluster");
  const { createDestination } = await import("@/lib/alerting/destinations/create-destination");
  const { createRule } = await import("@/lib/alerting/rules/create-rule");

  const org = await db.organization.create({ data: { slug: "bench", name: "Bench" } });
  const user = await db.user.create({ data: { email: "owner@bench.example", name: "Bench Owner" } });
  const actor = { userId: user.id, label: user.email };
  const teams: { id: string; slug: string }[] = [];
  for (let i = 0; i < TEAMS; i++) {
    const slug = slugOf(i);
    // The first matching rule decides: a sandbox namespace is nobody's, shared objects go by label.
    const scopeRules = [
      { effect: "exclude", cluster: "*", namespace: `${slug}-sandbox`, kind: "*", name: "*", labels: {} },
      { effect: "include", cluster: "*", namespace: `${slug}-*`, kind: "*", name: "*", labels: {} },
      { effect: "include", cluster: "*", namespace: "shared", kind: "*", name: "*", labels: { team: slug } },
    ];
    const team = await db.team.create({
      data: {
        orgId: org.id,
        slug,
        name: `Team ${i}`,
        priority: 10 * i,
        scopeRules,
        repositoryPatterns: [`acme/${slug}-*`],
      },
    });
    teams.push({ id: team.id, slug });
  }
  const { cluster, token } = await createCluster(org.id, actor, { slug: "prod-eu", name: "Prod EU" });
  await db.cluster.update({ where: { id: cluster.id }, data: { kubernetesVersion: KUBERNETES_VERSION } });
  const clusters = [cluster.id];
  for (let c = 1; c < CLUSTERS; c++) {
    const other = await db.cluster.create({
      data: { orgId: org.id, slug: `cluster-${c}`, name: `Cluster ${c}`, kubernetesVersion: "v1.29.9" },
    });
    clusters.push(other.id);
  }

  const orgSettings = [
    { checkId: "runAsPrivileged", blockAdmission: true, blockCi: true },
    { checkId: "hostNetworkSet", blockAdmission: true },
    { checkId: "hostPIDSet", blockAdmission: true },
    { checkId: "hostIPCSet", blockAdmission: true },
    { checkId: "dangerousCapabilities", blockAdmission: true },
    { checkId: "apiVersionRemoved", blockAdmission: true, blockCi: true },
    { checkId: "tagNotSpecified", severity: "high" as const },
    { checkId: "pullPolicyNotAlways", enabled: false },
    { checkId: "priorityClassNotSet", enabled: false },
    { checkId: "topologySpreadConstraint", enabled: false },
  ];
  await db.policySetting.createMany({ data: orgSettings.map((s) => ({ orgId: org.id, ...s })) });
  const overrides = [
    ...[1, 2, 3, 4, 5].map((t) => ({ team: t, checkId: "readinessProbeMissing", severity: "high" as const })),
    ...[2, 6].map((t) => ({ team: t, checkId: "hostPathSet", blockAdmission: true })),
    { team: 7, checkId: "priorityClassNotSet", enabled: true },
    { team: 8, checkId: "memoryLimitsMissing", severity: "high" as const },
  ];
  await db.teamPolicySetting.createMany({
    data: overrides.map(({ team, ...s }) => ({ orgId: org.id, teamId: teams[team]!.id, ...s })),
  });
  const exemptions = [
    { checkIds: ["notReadOnlyRootFilesystem"], namespace: "*-batch", reason: "Batch jobs write scratch files" },
    { teamId: teams[3]!.id, checkIds: ["cpuLimitsMissing"], name: "legacy-*", reason: "Legacy JVMs, sized by hand" },
    { checkIds: ["hostPathSet"], namespace: "monitoring", kind: "DaemonSet", reason: "Node exporter reads /proc" },
    { checkIds: ["*"], namespace: "kube-system", reason: "Managed by the cloud provider" },
    {
      checkIds: ["runAsPrivileged"],
      namespace: "team-09-apps",
      reason: "CNI migration, ended",
      expiresAt: new Date(Date.now() - 86_400_000),
    },
  ];
  await db.policyExemption.createMany({ data: exemptions.map((e) => ({ orgId: org.id, ...e })) });
  const destination = await createDestination(org.id, actor, {
    name: "Platform on-call",
    routingKey: randomBytes(16).toString("hex"),
  });
  await createRule(org.id, actor, null, {
    name: "High and above, by check",
    match: { minSeverity: "high" },
    destinationId: destination.id,
    grouping: "check",
  });

  // Namespaces (their labels count for the ownership of objects not seen before) and Deployments.
  const namespaces = [
    ...teams.flatMap((t) => [`${t.slug}-apps`, `${t.slug}-batch`].map((n) => [n, t.slug] as const)),
    ...["shared", "kube-system", "monitoring"].map((n) => [n, ""] as const),
  ];
  const workloads: { cluster: string; namespace: string; name: string; team: number }[] = [];
  for (let i = 0; i < options.size; i++) {
    const namespace = `${slugOf(i % TEAMS)}-apps`;
    workloads.push({ cluster: cluster.id, namespace, name: `web-${pad(i)}`, team: i % TEAMS });
    workloads.push({ cluster: cluster.id, namespace, name: `edge-${pad(i)}`, team: i % TEAMS });
  }
  for (let w = workloads.length; w < options.workloads; w++) {
    const team = w % TEAMS;
    const namespace = `${slugOf(team)}-${w % 3 ? "apps" : "batch"}`;
    workloads.push({ cluster: clusters[w % CLUSTERS]!, namespace, name: `svc-${w}`, team });
  }
  const checks = [
    "runAsRootAllowed",
    "notReadOnlyRootFilesystem",
    "cpuLimitsMissing",
    "memoryLimitsMissing",
    "livenessProbeMissing",
    "readinessProbeMissing",
    "tagNotSpecified",
    "priorityClassNotSet",
  ];
  await inTransaction(pool, async (client) => {
    await copyRows(
      client,
      "resources",
      ["org_id", "cluster_id", "namespace", "kind", "name", "labels", "owner_team_id"],
      [
        ...clusters.flatMap((c) =>
          namespaces.map(([n, team]) => [
            org.id,
            c,
            "",
            "Namespace",
            n,
            JSON.stringify(team ? { team, env: "prod" } : {}),
            null,
          ]),
        ),
        ...workloads.map((w) => [
          org.id,
          w.cluster,
          w.namespace,
          "Deployment",
          w.name,
          JSON.stringify({ app: w.name }),
          teams[w.team]!.id,
        ]),
      ],
    );
    const { rows: ids } = await client.query<{ id: string; cluster_id: string; name: string }>(
      `SELECT id, cluster_id, name FROM resources WHERE org_id = $1 AND kind = 'Deployment'`,
      [org.id],
    );
    const resourceId = new Map(ids.map((r) => [`${r.cluster_id}/${r.name}`, r.id]));
    const now = Date.now();
    const findings = workloads.flatMap((w, i) =>
      Array.from({ length: FINDINGS_PER_WORKLOAD }, (_, k) => {
        const check = checks[(i + k) % checks.length]!;
        const seen = new Date(now - ((i * 7 + k) % 60) * 86_400_000).toISOString();
        // One in twenty resolved in the app, which exempts the object's check in admission.
        const resolution = (i + k) % 20 === 0 ? "will_not_fix" : null;
        return [
          org.id,
          w.cluster,
          `agent-${i}-${k}`,
          "polaris",
          check,
          "security",
          "medium",
          0.5,
          `${check} on ${w.name}`,
          w.namespace,
          "Deployment",
          w.name,
          "app",
          resourceId.get(`${w.cluster}/${w.name}`) ?? null,
          teams[w.team]!.id,
          "open",
          resolution,
          resolution ? "Reviewed" : null,
          seen,
          seen,
        ];
      }),
    );
    await copyRows(
      client,
      "findings",
      [
        ...FINDING_COLUMNS,
        ...FINDING_OBJECT_COLUMNS,
        "resource_id",
        "owner_team_id",
        "status",
        "resolution",
        "resolution_reason",
        "first_seen_at",
        "last_seen_at",
      ],
      findings,
    );
  });
  await pool.query("VACUUM ANALYZE resources, findings");
  return {
    id: org.id,
    clusterSlug: cluster.slug,
    token,
    teams,
    settings: orgSettings.length,
    blocking: orgSettings.filter((s) => s.blockAdmission).length,
    overrides: overrides.length,
    exemptions: exemptions.length,
  };
}
