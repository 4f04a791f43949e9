import type { TCheck, TCheckContext } from "../types";
import { record } from "./helpers";

/** The HPA's replica bounds; Kubernetes defaults minReplicas to 1, and Polaris sees that default on live objects. */
function hpaBounds(ctx: TCheckContext): { min: unknown; max: unknown } {
  const spec = record(ctx.object.spec);
  return { min: spec.minReplicas ?? 1, max: spec.maxReplicas };
}

export const AVAILABILITY_CHECKS: TCheck[] = [
  {
    id: "pdbDisruptionsIsZero",
    title: "PodDisruptionBudget allows no disruption",
    category: "reliability",
    defaultSeverity: "medium",
    description:
      "The PodDisruptionBudget never lets a pod be evicted (`minAvailable: 100%` or `maxUnavailable: 0`), so node drains hang and cluster upgrades are blocked until someone deletes it.",
    remediation:
      "Allow at least one pod to be evicted at a time, and run enough replicas to stay up meanwhile:\n\n```yaml\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels:\n      app.kubernetes.io/name: shop\n```",
    appliesTo: ["PodDisruptionBudget"],
    evaluate: (ctx) => {
      const spec = record(ctx.object.spec);
      if (spec.minAvailable === "100%") {
        return [{ path: "spec.minAvailable", message: "minAvailable is 100%, so no pod can ever be evicted." }];
      }
      if (spec.maxUnavailable === 0 || spec.maxUnavailable === "0%") {
        return [
          {
            path: "spec.maxUnavailable",
            message: `maxUnavailable is ${String(spec.maxUnavailable)}, so no pod can ever be evicted.`,
          },
        ];
      }
      return [];
    },
  },
  {
    id: "hpaMinAvailability",
    title: "Autoscaler may scale down to one replica",
    category: "reliability",
    defaultSeverity: "medium",
    description:
      "The HorizontalPodAutoscaler's `minReplicas` is below 2 (it defaults to 1), so at quiet times the app runs a single pod and goes down whenever that pod is rescheduled or its node is drained.",
    remediation: "Keep at least two replicas at all times:\n\n```yaml\nspec:\n  minReplicas: 2\n  maxReplicas: 10\n```",
    appliesTo: ["HorizontalPodAutoscaler"],
    evaluate: (ctx) => {
      const { min } = hpaBounds(ctx);
      if (typeof min === "number" && min >= 2) return [];
      return [{ path: "spec.minReplicas", message: `The autoscaler may scale down to ${String(min)} replica(s).` }];
    },
  },
  {
    id: "hpaMaxAvailability",
    title: "Autoscaler cannot add replicas",
    category: "reliability",
    defaultSeverity: "medium",
    description:
      "The HorizontalPodAutoscaler's `maxReplicas` is not above its `minReplicas` (which defaults to 1), so it can never add a pod when load grows.",
    remediation:
      "Give the autoscaler room to grow above its minimum:\n\n```yaml\nspec:\n  minReplicas: 2\n  maxReplicas: 10\n```",
    appliesTo: ["HorizontalPodAutoscaler"],
    evaluate: (ctx) => {
      const { min, max } = hpaBounds(ctx);
      if (typeof max === "number" && typeof min === "number" && max > min) return [];
      return [
        {
          path: "spec.maxReplicas",
          message:
            typeof max === "number"
              ? `maxReplicas (${max}) is not above minReplicas (${String(min)}).`
              : "The autoscaler does not set maxReplicas.",
        },
      ];
    },
  },
];
