// Which resources rows are workloads. The table also holds nodes and namespaces (from the
// workloads inventory) and other objects that findings name (Helm releases, Ingresses,
// PodDisruptionBudgets from Pluto…), which scopes own but which are not workloads to count.

export const WORKLOAD_KINDS = [
  "Deployment",
  "StatefulSet",
  "DaemonSet",
  "ReplicaSet",
  "ReplicationController",
  "Job",
  "CronJob",
  "Pod",
  "DeploymentConfig",
  "Rollout",
] as const;

/** SQL condition: the row `alias` is a workload. */
export function workloadKindCondition(alias: string): string {
  return `${alias}.kind IN (${WORKLOAD_KINDS.map((k) => `'${k}'`).join(", ")})`;
}
