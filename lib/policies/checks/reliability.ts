import type { TCheck, TCheckContext, TCheckFailure } from "../types";
import { ALL_WORKLOADS, eachContainer, LONG_RUNNING_WORKLOADS, record } from "./helpers";
import { hasMutableTag, parseImage } from "./image";

/** Labels a PodDisruptionBudget conventionally selects pods by. */
const APP_LABELS = ["app.kubernetes.io/name", "app"];

function probeMissing(ctx: TCheckContext, field: string, label: string): TCheckFailure[] {
  // Init containers run to completion before the pod starts; Kubernetes rejects probes on them.
  return eachContainer(
    ctx,
    (container) =>
      container.spec[field] === undefined
        ? {
            container: container.name,
            path: `${container.path}.${field}`,
            message: `Container "${container.name}" has no ${label}.`,
          }
        : null,
    { appContainersOnly: true },
  );
}

/** A DaemonSet runs one pod per node by design, so spreading it across nodes or zones means nothing. */
const SPREADABLE_WORKLOADS: readonly string[] = LONG_RUNNING_WORKLOADS.filter((kind) => kind !== "DaemonSet");

export const RELIABILITY_CHECKS: TCheck[] = [
  {
    id: "livenessProbeMissing",
    title: "Liveness probe missing",
    category: "reliability",
    defaultSeverity: "medium",
    description:
      "Without a liveness probe, Kubernetes cannot tell that the app is stuck (deadlocked, out of threads) and never restarts it.",
    remediation:
      "Add a `livenessProbe` that checks a cheap endpoint of the app:\n\n```yaml\nlivenessProbe:\n  httpGet:\n    path: /healthz\n    port: 8080\n  periodSeconds: 10\n```",
    appliesTo: LONG_RUNNING_WORKLOADS,
    evaluate: (ctx) => probeMissing(ctx, "livenessProbe", "liveness probe"),
  },
  {
    id: "readinessProbeMissing",
    title: "Readiness probe missing",
    category: "reliability",
    defaultSeverity: "medium",
    description:
      "Without a readiness probe, Kubernetes sends traffic to the pod as soon as it starts, before the app can answer, and keeps sending it when the app is overloaded.",
    remediation:
      "Add a `readinessProbe` that succeeds only when the app can serve requests:\n\n```yaml\nreadinessProbe:\n  httpGet:\n    path: /ready\n    port: 8080\n  periodSeconds: 5\n```",
    appliesTo: LONG_RUNNING_WORKLOADS,
    evaluate: (ctx) => probeMissing(ctx, "readinessProbe", "readiness probe"),
  },
  {
    id: "tagNotSpecified",
    title: "Image tag missing or latest",
    category: "reliability",
    defaultSeverity: "medium",
    description:
      "An image without a tag, or tagged `latest`, can change under the same name: two pods of the same workload may run different code, and a rollback does not bring back the old version.",
    remediation:
      "Use a fixed version tag (or a digest) for the image:\n\n```yaml\nimage: ghcr.io/acme/shop:1.4.2\n# or: ghcr.io/acme/shop@sha256:…\n```",
    appliesTo: ALL_WORKLOADS,
    evaluate: (ctx) =>
      eachContainer(ctx, (container) => {
        const image = container.spec.image;
        if (typeof image !== "string" || !hasMutableTag(image)) return null;
        return {
          container: container.name,
          path: `${container.path}.image`,
          message: `Container "${container.name}" uses image "${image}" without a fixed tag.`,
        };
      }),
  },
  {
    id: "pullPolicyNotAlways",
    title: "Pull policy not Always for a mutable image",
    category: "reliability",
    defaultSeverity: "low",
    description:
      "The image is not pinned by digest and its pull policy is not `Always`, so a node may keep running a stale cached copy of the tag while other nodes pull a newer one.",
    remediation:
      "Pin the image by digest, or set the pull policy to `Always`:\n\n```yaml\nimage: ghcr.io/acme/shop:1.4.2\nimagePullPolicy: Always\n```",
    appliesTo: ALL_WORKLOADS,
    evaluate: (ctx) =>
      eachContainer(ctx, (container) => {
        const image = container.spec.image;
        if (typeof image !== "string" || parseImage(image).digest) return null;
        // Kubernetes defaults to Always for untagged and `latest` images, IfNotPresent otherwise.
        const policy = container.spec.imagePullPolicy ?? (hasMutableTag(image) ? "Always" : "IfNotPresent");
        if (policy === "Always") return null;
        return {
          container: container.name,
          path: `${container.path}.imagePullPolicy`,
          message: `Container "${container.name}" pulls "${image}" with policy ${String(policy)}.`,
        };
      }),
  },
  {
    id: "deploymentMissingReplicas",
    title: "Single replica",
    category: "reliability",
    defaultSeverity: "medium",
    description:
      "A Deployment with one replica goes down whenever its pod is rescheduled, its node is drained or upgraded, or the pod crashes.",
    remediation:
      "Run at least two replicas (or let a HorizontalPodAutoscaler with `minReplicas: 2` manage them):\n\n```yaml\nspec:\n  replicas: 2\n```",
    appliesTo: ["Deployment"],
    evaluate: (ctx) => {
      const spec = ctx.object.spec;
      const replicas =
        typeof spec === "object" && spec !== null ? (spec as Record<string, unknown>).replicas : undefined;
      if (typeof replicas === "number" && replicas >= 2) return [];
      return [
        {
          path: "spec.replicas",
          message:
            replicas === undefined
              ? "The Deployment does not set replicas, so it runs a single pod."
              : `The Deployment runs ${String(replicas)} replica(s).`,
        },
      ];
    },
  },
  {
    id: "pdbLabelsMissing",
    title: "No app label for a PodDisruptionBudget",
    category: "reliability",
    defaultSeverity: "low",
    description:
      "The pods carry neither an `app.kubernetes.io/name` nor an `app` label, so a PodDisruptionBudget cannot select them reliably and node drains may take all replicas down at once.",
    remediation:
      "Label the Pod template with the app's name, then select that label in a PodDisruptionBudget:\n\n```yaml\ntemplate:\n  metadata:\n    labels:\n      app.kubernetes.io/name: shop\n```",
    appliesTo: ["Deployment", "StatefulSet"],
    evaluate: (ctx) => {
      const labels = record(record(record(record(ctx.object.spec).template).metadata).labels);
      if (APP_LABELS.some((label) => typeof labels[label] === "string" && labels[label] !== "")) return [];
      return [
        {
          path: "spec.template.metadata.labels",
          message: "The Pod template has no app.kubernetes.io/name or app label for a PodDisruptionBudget to select.",
        },
      ];
    },
  },
  {
    id: "priorityClassNotSet",
    title: "Priority class not set",
    category: "reliability",
    // Polaris rates it a warning; it is advice (many clusters define no PriorityClass), so it ranks lowest here.
    defaultSeverity: "low",
    description:
      "The pod has no priority class, so when the cluster runs short of capacity it can be preempted by, or left pending behind, less important workloads that do have one.",
    remediation:
      "Set a PriorityClass that matches how critical the workload is (ask the platform team which ones exist):\n\n```yaml\nspec:\n  priorityClassName: business-critical\n```",
    appliesTo: ALL_WORKLOADS,
    evaluate: (ctx) => {
      const name = ctx.podSpec?.priorityClassName;
      if (!ctx.podSpec || (typeof name === "string" && name !== "")) return [];
      return [{ path: `${ctx.podSpecPath}.priorityClassName`, message: "The pod does not set priorityClassName." }];
    },
  },
  {
    id: "topologySpreadConstraint",
    title: "No topology spread constraint",
    category: "reliability",
    // Polaris rates it a warning; the scheduler already spreads replicas softly by default, so it ranks low here.
    defaultSeverity: "low",
    description:
      "The pod spec has no `topologySpreadConstraints`, so nothing guarantees that replicas land on different nodes or zones: one node or zone failure can take all of them down.",
    remediation:
      "Spread the replicas across zones (and, if you like, nodes), selecting the pods by their app label:\n\n```yaml\nspec:\n  topologySpreadConstraints:\n    - maxSkew: 1\n      topologyKey: topology.kubernetes.io/zone\n      whenUnsatisfiable: ScheduleAnyway\n      labelSelector:\n        matchLabels:\n          app.kubernetes.io/name: shop\n```",
    appliesTo: SPREADABLE_WORKLOADS,
    evaluate: (ctx) => {
      const constraints = ctx.podSpec?.topologySpreadConstraints;
      if (!ctx.podSpec || (Array.isArray(constraints) && constraints.length > 0)) return [];
      return [
        {
          path: `${ctx.podSpecPath}.topologySpreadConstraints`,
          message: "The pod spec has no topology spread constraint.",
        },
      ];
    },
  },
];
