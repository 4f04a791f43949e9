import {
  containerAt,
  nodesIn,
  replicasIn,
  type TDemoCluster,
  type TDemoContainer,
  type TDemoWorkload,
} from "./inventory";
import { phaseTime, type TPhase } from "./phases";
import { kubeTime } from "./workloads-report";

// A Polaris audit (PolarisOutputVersion 1.0) over the demo workloads, shaped like
// ../shared/fixtures/polaris/audit-dashboard-sample.json (FairwindsOps/polaris dashboard/src/data.json):
// every check is listed with Success true or false, at controller, pod and container level. The
// checks, their messages, severities and categories are the ones that fixture holds, plus
// deploymentMissingReplicas (polaris checks/deploymentMissingReplicas.yaml), a controller check.

type TCheck = { id: string; severity: "danger" | "warning"; category: string; ok: string; failed: string };

const check = (id: string, severity: TCheck["severity"], category: string, ok: string, failed: string): TCheck => ({
  id,
  severity,
  category,
  ok,
  failed,
});

const CONTAINER_CHECKS: TCheck[] = [
  check("cpuLimitsMissing", "warning", "Efficiency", "CPU limits are set", "CPU limits should be set"),
  check("cpuRequestsMissing", "warning", "Efficiency", "CPU requests are set", "CPU requests should be set"),
  check(
    "dangerousCapabilities",
    "danger",
    "Security",
    "Container does not have any dangerous capabilities",
    "Container should not have dangerous capabilities",
  ),
  check("hostPortSet", "warning", "Security", "Host port is not configured", "Host port should not be configured"),
  check(
    "insecureCapabilities",
    "warning",
    "Security",
    "Container does not have any insecure capabilities",
    "Container should not have insecure capabilities",
  ),
  check(
    "livenessProbeMissing",
    "warning",
    "Reliability",
    "Liveness probe is configured",
    "Liveness probe should be configured",
  ),
  check("memoryLimitsMissing", "warning", "Efficiency", "Memory limits are set", "Memory limits should be set"),
  check("memoryRequestsMissing", "warning", "Efficiency", "Memory requests are set", "Memory requests should be set"),
  check(
    "notReadOnlyRootFilesystem",
    "warning",
    "Security",
    "Filesystem is read only",
    "Filesystem should be read only",
  ),
  check(
    "privilegeEscalationAllowed",
    "danger",
    "Security",
    "Privilege escalation not allowed",
    "Privilege escalation should not be allowed",
  ),
  check(
    "pullPolicyNotAlways",
    "warning",
    "Reliability",
    'Image pull policy is "Always"',
    'Image pull policy should be "Always"',
  ),
  check(
    "readinessProbeMissing",
    "warning",
    "Reliability",
    "Readiness probe is configured",
    "Readiness probe should be configured",
  ),
  check("runAsPrivileged", "danger", "Security", "Not running as privileged", "Should not be running as privileged"),
  check(
    "runAsRootAllowed",
    "warning",
    "Security",
    "Is not allowed to run as root",
    "Should not be allowed to run as root",
  ),
  check("tagNotSpecified", "danger", "Reliability", "Image tag is specified", "Image tag should be specified"),
];

const POD_CHECKS: TCheck[] = [
  check("hostIPCSet", "danger", "Security", "Host IPC is not configured", "Host IPC should not be configured"),
  check(
    "hostNetworkSet",
    "warning",
    "Security",
    "Host network is not configured",
    "Host network should not be configured",
  ),
  check("hostPIDSet", "danger", "Security", "Host PID is not configured", "Host PID should not be configured"),
];

const MISSING_REPLICAS = check(
  "deploymentMissingReplicas",
  "warning",
  "Reliability",
  "Multiple replicas are scheduled",
  "Only one replica is scheduled",
);

// Polaris does not check probes of Jobs and CronJobs, which run to completion.
const PROBES = new Set(["livenessProbeMissing", "readinessProbeMissing"]);

type TCounts = { passed: number; total: number };

function results(checks: TCheck[], failing: (id: string) => boolean, counts: TCounts) {
  const out: Record<string, unknown> = {};
  for (const c of checks) {
    const failed = failing(c.id);
    counts.total++;
    if (!failed) counts.passed++;
    out[c.id] = {
      ID: c.id,
      Message: failed ? c.failed : c.ok,
      Details: null,
      Success: !failed,
      Severity: c.severity,
      Category: c.category,
    };
  }
  return out;
}

/** An image without a tag, or tagged latest, fails tagNotSpecified. */
function untagged(image: string): boolean {
  const last = image.split("/").at(-1) ?? image;
  const colon = last.indexOf(":");
  return colon < 0 || last.slice(colon + 1) === "latest";
}

function containerFails(c: TDemoContainer, id: string): boolean {
  switch (id) {
    case "cpuRequestsMissing":
      return c.requests[0] === "0";
    case "memoryRequestsMissing":
      return c.requests[1] === "0";
    case "cpuLimitsMissing":
      return c.limits[0] === "0";
    case "memoryLimitsMissing":
      return c.limits[1] === "0";
    case "tagNotSpecified":
      return untagged(c.image);
    default:
      return (c.polaris ?? []).includes(id);
  }
}

function auditOf(cluster: TDemoCluster, w: TDemoWorkload, phase: TPhase, counts: TCounts) {
  const checks = w.kind === "CronJob" ? CONTAINER_CHECKS.filter((c) => !PROBES.has(c.id)) : CONTAINER_CHECKS;
  const podFails = new Set(w.podPolaris ?? []);
  const replicas = replicasIn(cluster, w, phase);
  return {
    Name: w.name,
    Namespace: w.namespace,
    Kind: w.kind,
    Results:
      w.kind === "Deployment"
        ? results([MISSING_REPLICAS], () => replicas < 2, counts)
        : ({} as Record<string, unknown>),
    PodResult: {
      Name: "",
      Results: results(POD_CHECKS, (id) => podFails.has(id), counts),
      ContainerResults: w.containers.map((c) => {
        const state = containerAt(cluster, w, c, phase);
        return { Name: c.name, Results: results(checks, (id) => containerFails(state, id), counts) };
      }),
    },
    CreatedTime: "0001-01-01T00:00:00Z",
  };
}

export function polarisReport(cluster: TDemoCluster, phase: TPhase, now: Date) {
  const counts: TCounts = { passed: 0, total: 0 };
  const audited = cluster.workloads.map((w) => auditOf(cluster, w, phase, counts));
  const server = `https://${cluster.slug}.gr7.${cluster.region}.eks.amazonaws.com`;
  return {
    PolarisOutputVersion: "1.0",
    AuditTime: kubeTime(phaseTime(phase, now)),
    SourceType: "Cluster",
    SourceName: server,
    DisplayName: server,
    ClusterInfo: {
      Version: cluster.serverVersion.replace(/\+$/, ""),
      Nodes: nodesIn(cluster, phase).length,
      Pods: cluster.workloads.reduce((n, w) => n + replicasIn(cluster, w, phase), 0),
      Namespaces: Object.keys(cluster.namespaces).length,
      Controllers: cluster.workloads.length,
    },
    Results: audited,
    Score: Math.round((100 * counts.passed) / counts.total),
  };
}
