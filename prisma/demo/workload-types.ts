// The shape of a demo workload (inventory.ts describes Acme's with it; acme-workloads.ts lists them).

/** [cpu, memory] as Kubernetes quantities; "0" means not set, as the agent writes it. */
export type TQuantities = [cpu: string, memory: string];

/** What a container looked like in an earlier phase, where it differed from today. */
export type TContainerPast = Partial<Pick<TDemoContainer, "image" | "requests" | "limits" | "polaris">>;

export type TDemoContainer = {
  name: string;
  image: string;
  requests: TQuantities;
  limits: TQuantities;
  /** Failing Polaris checks beyond the resource ones, which follow from requests/limits. */
  polaris?: string[];
  /** Goldilocks' VPA target; without one the container uses about what it requests. */
  vpaTarget?: TQuantities;
  /** Overrides for earlier phases; "first" falls back to "middle" (a fix stays a fix going back). */
  history?: { middle?: TContainerPast; first?: TContainerPast };
};

export type TDemoWorkload = {
  namespace: string;
  kind: "Deployment" | "StatefulSet" | "DaemonSet" | "CronJob";
  name: string;
  labels: Record<string, string>;
  /** Running pods in prod-us-east (DaemonSets: one per node; CronJobs between runs: 0). */
  replicas: number;
  containers: TDemoContainer[];
  /** Failing pod-level Polaris checks (hostNetwork…). */
  podPolaris?: string[];
  /** Per-cluster differences: staging runs fewer replicas and release candidates. */
  staging?: { replicas?: number; images?: Record<string, string> };
};
